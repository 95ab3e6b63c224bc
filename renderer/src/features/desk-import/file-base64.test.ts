import { describe, expect, it } from 'vitest';
import { base64Of } from './file-base64';

describe('a chosen file as base64', () => {
  it('is what Node writes, for GBK bytes, a BOM and files longer than one chunk', () => {
    const gbk = Uint8Array.from([0xc9, 0xcc, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0x0d, 0x0a]);
    expect(base64Of(gbk)).toBe(Buffer.from(gbk).toString('base64'));
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]);
    expect(base64Of(bom)).toBe('77u/YQ==');
    const large = Uint8Array.from({ length: 200_001 }, (_, i) => (i * 31) % 256);
    expect(base64Of(large)).toBe(Buffer.from(large).toString('base64'));
    expect(base64Of(new Uint8Array())).toBe('');
  });
});
