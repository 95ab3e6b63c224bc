// What a printer hands the print view (renderer/print.html): one document, in one language, with
// everything it shows inside the request. The view has no bridge, no session and no network, so
// images arrive as data: URLs and nothing is fetched. Each document is one variant here and one
// entry in renderer/src/print/print-documents.ts; the view parses the request with this schema
// before it draws anything, so a printer can never make it show half a document.
import { z } from 'zod';
import { serviceReportContentSchema } from '../report/service-report';
import { languageSchema } from '../settings/settings';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
// Base64 only: the view puts these into <img src>, where its CSP allows data: URLs and nothing else.
const imageDataUrl = z.string().regex(/^data:image\/(?:png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/);
const svgDataUrl = z.string().regex(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+={0,2}$/);

/** An evidence file's picture for the page (null: not an image, printed by name and hash only). */
export const printThumbnailSchema = z.strictObject({ sha256: sha256Hex, dataUrl: imageDataUrl.nullable() });

/** The service report as the print view takes it (electron/main/report/report-printer.ts's input). */
export const serviceReportPrintSchema = z.strictObject({
  document: z.literal('service-report'),
  language: languageSchema,
  content: serviceReportContentSchema,
  fingerprint: sha256Hex,
  qrSvgDataUrl: svgDataUrl,
  evidenceThumbnails: z.array(printThumbnailSchema).max(2000),
});
/** The service report's print request. */
export type ServiceReportPrint = z.infer<typeof serviceReportPrintSchema>;

/** Every document the print view draws. */
export const printRequestSchema = z.discriminatedUnion('document', [serviceReportPrintSchema]);
/** One print request. */
export type PrintRequest = z.infer<typeof printRequestSchema>;
/** A document's name. */
export type PrintDocumentName = PrintRequest['document'];

/** What the view says once a document is drawn and every font and image it uses has loaded. */
export interface PrintViewReady {
  document: PrintDocumentName;
  /** The font faces the page loaded (the unicode-range chunks its glyphs needed), as "family weight". */
  loadedFontFaces: number;
  images: number;
}

/** The global the print view sets; printers call it through executeJavaScript / page.evaluate. */
export const PRINT_VIEW_GLOBAL = 'rebindPrint';

/** The print view's function, as the page exposes it under PRINT_VIEW_GLOBAL. */
export interface PrintView {
  /** Draws the document; resolves when it may be printed, rejects with an English message when the request is refused. */
  render(request: unknown): Promise<PrintViewReady>;
}
