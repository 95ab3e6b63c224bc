// A printer of the print view (renderer/print.html): it loads the view in a browser page of its
// own, hands it one request, waits until the view says every font and image is drawn, and prints
// A4 as the page's CSS lays it out. Electron's printToPDF does it in the app
// (platform/electron-print-view.ts); Chromium's page.pdf in the browser harness and the tests
// (tests/support/chromium-print-view.ts). The report and compliance services see only this.
import type { PrintRequest } from '../../../shared/print/print-request';

/** Prints print-view documents to PDF. */
export interface PrintViewPrinter {
  /** The PDF's bytes; rejects with an English message when the view refuses the request or a step takes too long. */
  print(request: PrintRequest): Promise<Uint8Array>;
}

/** How long loading the view, drawing and printing may each take before the print is given up. */
export const PRINT_STEP_TIMEOUT_MS = 60_000;

/** The print view's page file, beside the app's index.html in the built renderer. */
export const PRINT_VIEW_FILE = 'print.html';

/** `step`, or a rejection naming `what` when it has not settled within `ms`. */
export async function withinPrintTimeout<T>(step: Promise<T>, what: string, ms = PRINT_STEP_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The print view did not finish ${what} within ${ms / 1000} s.`)), ms);
  });
  try {
    return await Promise.race([step, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
