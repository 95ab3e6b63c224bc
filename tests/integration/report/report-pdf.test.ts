// The service report's PDF as Chromium prints it from the print view (renderer/print.html, built by
// `npx electron-vite build`), read back with poppler-utils as a reader would: the text holds every
// figure, every font is embedded, photos are thumbnails, pages break between steps, never inside
// one. The PNGs under test-results/report-pdf/ are there to be looked at.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfClaims } from '../../../shared/report/report-pdf-title';
import type { ReportStep } from '../../../shared/report/service-report';
import type { Language } from '../../../shared/settings/settings';
import { checklistMessages } from '../../../renderer/src/features/checklist/checklist-messages';
import { printTexts } from '../../../renderer/src/print/print-texts';
import { reportTexts } from '../../../renderer/src/print/service-report/report-texts';
import { launchChromiumPrintView, type ChromiumPrintView } from '../../support/chromium-print-view';
import { fixtureFacts, serviceReportPrintFixture } from '../../fixtures/service-report-print';
import { pdfFonts, pdfImages, pdfPages, pdfText, pdfToPngs, squeezed } from './poppler';

const outDir = join(import.meta.dirname, '../../../test-results/report-pdf');
const languages: Language[] = ['zh-CN', 'en-US'];
let printer: ChromiumPrintView & { close(): Promise<void> };

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  printer = await launchChromiumPrintView();
});
afterAll(async () => {
  await printer?.close();
});

async function printFixture(name: string, language: Language, options: Parameters<typeof serviceReportPrintFixture>[1] = {}) {
  const request = await serviceReportPrintFixture(language, options);
  const file = join(outDir, `${name}-${language}.pdf`);
  writeFileSync(file, await printer.print(request));
  return { request, file };
}

// What the report prints for an answer, in words the test can look for in the PDF's text.
function answerWords(step: ReportStep, language: Language): string[] {
  const c = checklistMessages[language].checklist;
  const answer = step.answer;
  if (answer === null) return [reportTexts[language].steps.notAnswered];
  switch (answer.kind) {
    case 'auto':
      return [answer.passed ? c.auto.passed : c.auto.notPassed, c.checks[answer.check]];
    case 'tick':
      return [answer.checked ? c.answer.ticked : c.answer.unticked];
    case 'number':
      return [`${answer.value}${answer.unit ?? ''}`];
    case 'choice':
      return [answer.optionLabel[language]];
    case 'text':
      return [answer.text];
    case 'evidence':
      return answer.files.map((file) => file.fileName);
    case 'signature':
      return [reportTexts[language].steps.signatureBelow.replace('{signer}', reportTexts[language].signatures[answer.signer === 'merchant' ? 'signerMerchant' : 'signerEngineer'])];
  }
}

describe.each(languages)('the service report printed by Chromium in %s', (language) => {
  let printed: Awaited<ReturnType<typeof printFixture>>;
  beforeAll(async () => {
    printed = await printFixture('service-report', language, { photos: 2 });
  });

  test('its text holds the digests, TID/MID before and after, the batch, every step with its answer and the fingerprint', () => {
    const text = squeezed(pdfText(printed.file));
    const { content, fingerprint } = printed.request;
    for (const value of [fixtureFacts.digestBefore, fixtureFacts.digestAfter, fixtureFacts.tidBefore, fixtureFacts.tidAfter, fixtureFacts.midBefore, fixtureFacts.midAfter, fixtureFacts.serial, fixtureFacts.reportNumber, fixtureFacts.merchant, fingerprint]) {
      expect(text, value).toContain(squeezed(value));
    }
    expect(text).toContain(squeezed(`${reportTexts[language].batch.count}${fixtureFacts.batchCount}`));
    expect(text).toContain('12,846.50');
    for (const step of content.checklist.steps) {
      expect(text, `step ${step.position} label`).toContain(squeezed(step.label[language]));
      for (const words of answerWords(step, language)) expect(text, `step ${step.position} answer`).toContain(squeezed(words));
    }
    expect(text).toContain(squeezed(content.signatures.merchant!.signerName));
    expect(text).toContain(squeezed(content.signatures.engineer!.signerName));
    // The report's own words are in the issuer's language.
    expect(text).toContain(squeezed(reportTexts[language].title));
    expect(text).toContain(squeezed(reportTexts[language].sections.binding));
  });

  test("the PDF's Title names the report and its fingerprint where verify reads them, in the file's bytes", () => {
    const claims = pdfClaims(readFileSync(printed.file).toString('latin1'));
    expect(claims).toEqual({ reportNumbers: [fixtureFacts.reportNumber], fingerprints: [printed.request.fingerprint] });
  });

  test('every font is embedded, and all of them are the bundled Noto Sans SC (Chinese included)', () => {
    const fonts = pdfFonts(printed.file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(fonts.filter((font) => !/NotoSansSC/.test(font.name))).toEqual([]);
    expect(fonts.some((font) => /Regular/.test(font.name)) && fonts.some((font) => /Bold/.test(font.name))).toBe(true);
  });

  test('photos are embedded as thumbnails, the QR code and signatures as drawings', () => {
    const images = pdfImages(printed.file);
    // Two 1600×1200 photos in, two thumbnails of at most 480 pixels out; nothing else is a bitmap.
    expect(images).toHaveLength(2);
    for (const image of images) expect(Math.max(image.width, image.height)).toBeLessThanOrEqual(480);
  });

  test('each page is A4, numbered, and renders to a PNG', () => {
    const pages = pdfPages(printed.file);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page += 1) {
      const expected = printTexts[language].page.replace('{page}', String(page)).replace('{pages}', String(pages));
      expect(squeezed(pdfText(printed.file, page))).toContain(squeezed(expected));
    }
    const pngs = pdfToPngs(printed.file, join(outDir, `service-report-${language}`), 100);
    expect(pngs).toHaveLength(pages);
  });
});

describe('a long checklist', () => {
  test.each(languages)('40 extra steps with long texts and 5 photos span pages in %s without cutting a step, a heading or a signature', async (language) => {
    const { request, file } = await printFixture('service-report-long', language, { extraSteps: 40, photos: 5 });
    const pages = pdfPages(file);
    const pageTexts = Array.from({ length: pages }, (_, index) => squeezed(pdfText(file, index + 1)));
    const pageOf = (what: string) => pageTexts.findIndex((text) => text.includes(squeezed(what)));
    expect(pages).toBeGreaterThanOrEqual(4);
    const r = reportTexts[language];
    for (const step of request.content.checklist.steps) {
      const page = pageOf(`${step.position}${step.label[language]}`);
      expect(page, `step ${step.position}'s label`).toBeGreaterThanOrEqual(0);
      const [first, ...rest] = answerWords(step, language);
      // The row is drawn cell by cell: number, label, "required", then the answer, all on one page.
      const row = squeezed(`${step.position}${step.label[language]}${step.required ? r.steps.required : ''}${first}`);
      expect(pageTexts[page], `step ${step.position}'s row is whole on one page`).toContain(row);
      for (const words of rest) expect(pageTexts[page], `step ${step.position}'s answer is on its label's page`).toContain(squeezed(words));
    }
    const c = checklistMessages[language].checklist;
    // Text is drawn in page order, the footer first: a heading directly followed by what it heads,
    // on one page, is a heading that was not left alone at the foot of the page before.
    const together = (...texts: string[]) => pageTexts.some((text) => text.includes(squeezed(texts.join(''))));
    const steps = request.content.checklist.steps;
    const headerRow = [r.steps.position, r.steps.step, r.steps.answer, r.steps.when].join('');
    expect(together(r.sections.checklist, r.steps.template.replace('{version}', '3').replace('{count}', String(steps.length)), headerRow, '1', steps[0]!.label[language])).toBe(true);
    expect(together(r.sections.outcome, c.outcome.completed)).toBe(true);
    const { merchant, engineer } = request.content.signatures;
    expect(together(r.sections.signatures, r.signatures.merchant)).toBe(true);
    const signaturesPage = pageTexts.find((text) => text.includes(squeezed(r.sections.signatures + r.signatures.merchant)))!;
    for (const words of [merchant!.signerName, r.signatures.engineer, engineer!.signerName]) expect(signaturesPage).toContain(squeezed(words));
    // Every page the steps continue on starts with the table's header row again.
    const stepPages = new Set(steps.map((step) => pageOf(step.label[language])));
    for (const page of stepPages) expect(pageTexts[page], `page ${page + 1}`).toContain(squeezed(headerRow));
    pdfToPngs(file, join(outDir, `service-report-long-${language}`), 60);
  });
});

describe('the print view', () => {
  test('loads only the font chunks of the glyphs it shows, woff2 only, from its own files', async () => {
    await printFixture('service-report', 'zh-CN');
    const fonts = printer.lastRequests.filter((path) => path.endsWith('.woff2'));
    expect(printer.lastRequests.filter((path) => path.endsWith('.woff'))).toEqual([]);
    expect(fonts.length).toBeGreaterThan(0);
    // Both weights have ~100 chunks each; a report needs a few dozen.
    expect(fonts.length).toBeLessThan(60);
    expect(printer.lastReady?.loadedFontFaces).toBe(fonts.length);
  });

  test('refuses a request that is not a valid document, saying what is wrong', async () => {
    const request = await serviceReportPrintFixture('en-US');
    await expect(printer.print({ ...request, fingerprint: 'not a digest' })).rejects.toThrow(/refused the request[\s\S]*fingerprint/);
    await expect(printer.print({ ...request, qrSvgDataUrl: 'https://example.com/qr.svg' })).rejects.toThrow(/refused the request[\s\S]*qrSvgDataUrl/);
  });
});
