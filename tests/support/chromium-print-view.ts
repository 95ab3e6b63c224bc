// The print view printed by Chromium (@playwright/test's launcher with Debian's binary): the browser
// harness and the integration tests print service reports with it, as the app does with Electron's
// printToPDF. The built renderer is served to the page by request interception under an origin
// that exists nowhere, so no port is opened and nothing else can be reached: every other request
// is aborted.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Route } from '@playwright/test';
import { PRINT_VIEW_FILE, withinPrintTimeout, type PrintViewPrinter } from '../../electron/main/platform/print-view-printer';
import { PRINT_VIEW_GLOBAL, type PrintRequest, type PrintView, type PrintViewReady } from '../../shared/print/print-request';
import { chromiumArgs, chromiumExecutable } from '../e2e/support/chromium';

const ORIGIN = 'http://print.rebinddesk.invalid';
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.woff2': 'font/woff2' };

/** The built renderer (npx electron-vite build). */
export const builtRendererDir = resolve(import.meta.dirname, '../../out/renderer');

/** A Chromium printer; `lastReady` is what the view reported for the latest print (fonts, images). */
export interface ChromiumPrintView extends PrintViewPrinter {
  readonly lastReady: PrintViewReady | null;
  /** Every file the view asked for during the latest print, as paths under the renderer. */
  readonly lastRequests: readonly string[];
}

function serve(rendererDir: string, requested: string[]) {
  return async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
    const file = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
    requested.push(url.pathname);
    if (!file.startsWith(rendererDir) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: types[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  };
}

/** Prints with `browser` (the harness's own, or one from launchChromiumPrintView), each request in a fresh context. */
export function chromiumPrintView(browser: Browser, rendererDir = builtRendererDir): ChromiumPrintView {
  if (!existsSync(join(rendererDir, PRINT_VIEW_FILE))) throw new Error(`${rendererDir}/${PRINT_VIEW_FILE} is missing: build the renderer first (npx electron-vite build).`);
  const printer = {
    lastReady: null as PrintViewReady | null,
    lastRequests: [] as string[],
    async print(request: PrintRequest): Promise<Uint8Array> {
      const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false });
      try {
        const requested: string[] = [];
        printer.lastRequests = requested;
        await context.route('**/*', serve(rendererDir, requested));
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())));
        await withinPrintTimeout(page.goto(`${ORIGIN}/${PRINT_VIEW_FILE}`), 'loading');
        const ready = await withinPrintTimeout(
          page.evaluate(([name, input]) => (window as unknown as Record<string, PrintView>)[name]!.render(input), [PRINT_VIEW_GLOBAL, request] as const),
          'drawing',
        ).catch((error: unknown) => {
          throw new Error(`${error instanceof Error ? error.message : String(error)}${problems.length > 0 ? ` (page: ${problems.join('; ')})` : ''}`);
        });
        printer.lastReady = ready;
        return await withinPrintTimeout(page.pdf({ preferCSSPageSize: true, printBackground: true }), 'printing');
      } finally {
        await context.close();
      }
    },
  };
  return printer;
}

/** A Chromium of its own for printing (integration tests, benches); close() ends it. */
export async function launchChromiumPrintView(rendererDir = builtRendererDir): Promise<ChromiumPrintView & { close(): Promise<void> }> {
  const browser = await chromium.launch({ ...(chromiumExecutable ? { executablePath: chromiumExecutable } : {}), args: chromiumArgs });
  const printer = chromiumPrintView(browser, rendererDir);
  return Object.assign(printer, { close: () => browser.close() });
}
