// The port the report service prints through. Two implementations exist (report-pdf's): Electron's
// printToPDF in a hidden window (the app) and Chromium's page.pdf (the browser harness and the
// integration tests). The service never sees which, and never sees layout: it hands over the frozen
// content and gets back the PDF's bytes, which it hashes and stores as they are.
import type { ServiceReportContent } from '../../../shared/report/service-report';
import type { Language } from '../../../shared/settings/settings';

/** An evidence image shrunk for the page, keyed by the evidence file's SHA-256. */
export interface EvidenceThumbnail {
  sha256: string;
  /** A `data:image/...;base64,` URL; null when the file is not an image (a PDF), printed as its name. */
  dataUrl: string | null;
}

/** What the print view needs besides the content. */
export interface ReportPrintInput {
  content: ServiceReportContent;
  /** Lower-case hex SHA-256 of canonicalReportText(content); printed with its QR code. */
  fingerprint: string;
  /** The QR code of the fingerprint as an SVG data URL (electron/main/auth/qr-code.ts). */
  qrSvgDataUrl: string;
  evidenceThumbnails: readonly EvidenceThumbnail[];
  /** The issuer's language: the report is printed in it. */
  language: Language;
}

/**
 * Makes a service report's PDF. The PDF's Title must be reportPdfTitle(content, fingerprint)
 * (shared/report/report-pdf-title.ts; the print view's document.title), so verify can name the
 * report an altered copy claims to be.
 */
export interface ReportPrinter {
  /** The PDF's bytes, or a rejection (the service turns it into the reason `report-print-failed`). */
  print(input: ReportPrintInput): Promise<Uint8Array>;
}
