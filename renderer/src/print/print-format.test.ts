import { describe, expect, test } from 'vitest';
import { fill, formatInstant, formatNumber, instantParts, svgDataUrl } from './print-format';
import { cssString, footerCharacters, footerRule, pageNumberContent } from './print-page-rules';

describe('print formatting', () => {
  test('an instant is written year first with its UTC offset, in the zone asked for', () => {
    expect(formatInstant('2026-12-02T01:02:17Z', 'Asia/Shanghai')).toBe('2026-12-02 09:02:17 UTC+8');
    expect(formatInstant('2026-12-02T01:02:17Z', 'UTC', false)).toBe('2026-12-02 01:02 UTC');
    expect(instantParts('2026-07-01T22:30:00Z', 'Europe/Berlin')).toEqual({ date: '2026-07-02', time: '00:30:00', zone: 'UTC+2' });
    expect(formatInstant('not a time')).toBe('not a time');
  });

  test('numbers print as entered, without float noise or grouping', () => {
    expect(formatNumber(3.7 + 0.32)).toBe('4.02');
    expect(formatNumber(-71)).toBe('-71');
    expect(formatNumber(12345.5)).toBe('12345.5');
  });

  test('placeholders are filled, unknown ones left as they are', () => {
    expect(fill('第 {page} 页，共 {pages} 页', { page: 2, pages: 5 })).toBe('第 2 页，共 5 页');
    expect(fill('{a} {b}', { a: 'x' })).toBe('x {b}');
  });

  test('an SVG becomes a base64 data: URL that decodes to the same UTF-8 text', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><path d="M 0 0 L 1 1"/></svg><!-- 签名 -->';
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8')).toBe(svg);
  });
});

describe('the page footer rule', () => {
  test('texts become CSS strings, quotes and backslashes escaped, line breaks dropped', () => {
    expect(cssString('SR-1 "x" \\ y\nz')).toBe('"SR-1 \\"x\\" \\\\ y z"');
  });

  test('the page number template becomes counters between strings', () => {
    expect(pageNumberContent('第 {page} 页，共 {pages} 页')).toBe('"第 " counter(page) " 页，共 " counter(pages) " 页"');
    expect(pageNumberContent('Page {page} of {pages}')).toBe('"Page " counter(page) " of " counter(pages)');
    expect(footerRule('SR-20261202-0007', '{page}/{pages}')).toBe('@page { @bottom-left { content: "SR-20261202-0007"; } @bottom-right { content: counter(page) "/" counter(pages); } }');
  });

  test("the footer's characters include every digit a page number can have", () => {
    expect(footerCharacters('SR-1', 'Page {page} of {pages}')).toBe('SR-1Page 0123456789 of ');
  });
});
