import { describe, expect, it } from 'vitest';
import { canonicalReportText, CANONICAL_REPORT_HEADER } from './report-canonical';
import { serviceReportContentSchema } from './service-report';
import { sampleServiceReport } from './service-report-sample';
import { pdfClaims, reportPdfTitle } from './report-pdf-title';

describe('service report content', () => {
  it('accepts the sample and refuses a step with an unknown answer kind', () => {
    expect(serviceReportContentSchema.safeParse(sampleServiceReport()).success).toBe(true);
    const bad = sampleServiceReport() as unknown as { checklist: { steps: { answer: unknown }[] } };
    bad.checklist.steps[0]!.answer = { kind: 'photo' };
    expect(serviceReportContentSchema.safeParse(bad).success).toBe(false);
  });

  it('writes the canonical text with sorted keys behind the format line, whatever the key order', () => {
    const content = sampleServiceReport();
    const reordered = Object.fromEntries(Object.entries(content).reverse()) as typeof content;
    const text = canonicalReportText(content);
    expect(text.startsWith(`${CANONICAL_REPORT_HEADER}\n{"after":`)).toBe(true);
    expect(canonicalReportText(reordered)).toBe(text);
  });
});

describe('the PDF title', () => {
  it('names the report and fingerprint in a form pdfClaims reads back from the raw bytes', () => {
    const fingerprint = 'c'.repeat(64);
    const title = reportPdfTitle(sampleServiceReport(), fingerprint);
    expect(title).toBe(`RebindDesk SR-20261201-0001 ${fingerprint}`);
    expect(pdfClaims(`<< /Title (${title}) /Producer (Skia/PDF) >>`)).toEqual({ reportNumbers: ['SR-20261201-0001'], fingerprints: [fingerprint] });
    expect(pdfClaims('%PDF-1.4 nothing here')).toEqual({ reportNumbers: [], fingerprints: [] });
  });
});
