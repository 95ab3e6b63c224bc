// What a report's PDF says about itself in its Title (the print view's document.title, which both
// printers write into the PDF's Info dictionary as a plain literal string). Verify reads it back
// from a file whose bytes match no issued report, to tell an altered copy of a known report
// ("altered: claims to be SR-…") from a file the app never issued ("unknown"). ASCII only, so the
// PDF keeps it as readable bytes rather than UTF-16.
import type { ServiceReportContent } from './service-report';

/** The print view's document.title for a report: `RebindDesk SR-20261202-0007 <fingerprint>`. */
export function reportPdfTitle(content: Pick<ServiceReportContent, 'reportNumber'>, fingerprint: string): string {
  return `RebindDesk ${content.reportNumber} ${fingerprint}`;
}

/** The report numbers and fingerprints a PDF's bytes name (in its Title, or anywhere in clear). */
export interface PdfClaims {
  reportNumbers: string[];
  fingerprints: string[];
}

/** Reads the claims from `text`, the PDF's bytes as Latin-1 (one character per byte). */
export function pdfClaims(text: string): PdfClaims {
  const unique = (values: Iterable<string>) => [...new Set(values)];
  return {
    reportNumbers: unique(Array.from(text.matchAll(/RebindDesk (SR-\d{8}-\d{4,6})/g), (m) => m[1]!)),
    fingerprints: unique(Array.from(text.matchAll(/RebindDesk SR-\d{8}-\d{4,6} ([0-9a-f]{64})/g), (m) => m[1]!)),
  };
}
