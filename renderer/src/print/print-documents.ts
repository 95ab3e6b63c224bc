// The documents the print view draws, one entry per variant of shared/print/print-request.ts (the
// type makes a variant without an entry a compile error). A second document (the compliance
// report) adds its variant there and its entry here.
import type { Component } from 'vue';
import type { PrintDocumentName, PrintRequest } from '../../../shared/print/print-request';
import { serviceReportDocument } from './service-report/service-report-document';

/** How the view draws one kind of document. */
export interface PrintDocument<R extends PrintRequest> {
  /** The page's root component; it takes the request as its `request` prop. */
  component: Component<{ request: R }>;
  /** The PDF's title (its metadata). */
  title(request: R): string;
  /** The footer's left text on every page (the page number is on the right). */
  footer(request: R): string;
  /** Work before drawing, e.g. shrinking photos to the size they are printed at. */
  prepare(request: R): Promise<R>;
}

/** Every document by name. */
export type PrintDocuments = { [N in PrintDocumentName]: PrintDocument<Extract<PrintRequest, { document: N }>> };

export const printDocuments: PrintDocuments = {
  'service-report': serviceReportDocument,
};

/** The entry of a request's document. */
export function documentFor<R extends PrintRequest>(request: R): PrintDocument<R> {
  return printDocuments[request.document] as unknown as PrintDocument<R>;
}
