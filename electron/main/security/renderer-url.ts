import { pathToFileURL } from 'node:url';

/**
 * The URL the window loads: the built index.html, or in development the electron-vite dev server
 * named by ELECTRON_RENDERER_URL. A packaged app ignores that variable: otherwise anyone who can
 * set an environment variable for the app could point the trusted window (and its IPC bridge) at
 * a page of their own.
 */
export function rendererUrlFor(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>, builtIndexHtml: string): string {
  const devServer = isPackaged ? undefined : env['ELECTRON_RENDERER_URL'];
  return devServer !== undefined && devServer !== '' ? devServer : pathToFileURL(builtIndexHtml).href;
}
