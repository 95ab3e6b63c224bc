// The report service's printer port (report-printer.ts) on top of a print-view printer: the
// service report is the print view's `service-report` document, taking the port's input as it is.
import type { PrintViewPrinter } from '../platform/print-view-printer';
import type { ReportPrinter } from './report-printer';

/** Prints service reports through the print view. */
export function printViewReportPrinter(printer: PrintViewPrinter): ReportPrinter {
  return { print: (input) => printer.print({ document: 'service-report', ...input, evidenceThumbnails: [...input.evidenceThumbnails] }) };
}
