// The app's printer of the print view: Electron's printToPDF in a hidden window. The window is as
// locked down as the app's (sandboxed, isolated, no Node, no DevTools), has no preload, so no
// bridge to main, and lives in an in-memory session of its own that may load the built renderer's
// files and nothing else. This file stays thin on purpose: it cannot run on the build machine (no
// Electron binary), so everything that can be tested sits in the print view and in
// print-view-printer.ts, which the Chromium printer of the tests shares.
import { BrowserWindow, session } from 'electron';
import { PRINT_VIEW_GLOBAL, type PrintRequest } from '../../../shared/print/print-request';
import { PRINT_VIEW_FILE, withinPrintTimeout, type PrintViewPrinter } from './print-view-printer';

const PARTITION = 'print-view';

/** Prints with Electron; `rendererUrl` is the app window's page (index.html), beside which print.html is built. */
export function createElectronPrintView(rendererUrl: string): PrintViewPrinter {
  const pageUrl = new URL(PRINT_VIEW_FILE, rendererUrl).href;
  const rendererFolder = new URL('.', pageUrl).href;
  let sessionReady = false;

  function lockSession(): void {
    if (sessionReady) return;
    const ses = session.fromPartition(PARTITION);
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !(details.url.startsWith(rendererFolder) || details.url.startsWith('data:')) }));
    sessionReady = true;
  }

  return {
    async print(request: PrintRequest): Promise<Uint8Array> {
      lockSession();
      const window = new BrowserWindow({
        show: false,
        width: 794,
        height: 1123,
        webPreferences: {
          partition: PARTITION,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          webviewTag: false,
          spellcheck: false,
          navigateOnDragDrop: false,
          devTools: false,
          // The view has no links, but a middle click on one would otherwise ask for a new window.
          disableBlinkFeatures: 'Auxclick',
        },
      });
      try {
        await withinPrintTimeout(window.loadURL(pageUrl), 'loading');
        // JSON is a JavaScript expression: the request reaches the page as data, never as code of its own.
        await withinPrintTimeout(window.webContents.executeJavaScript(`window[${JSON.stringify(PRINT_VIEW_GLOBAL)}].render(${JSON.stringify(request)})`), 'drawing');
        const pdf = await withinPrintTimeout(window.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true }), 'printing');
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        window.destroy();
      }
    },
  };
}
