/** True when `url` is the app's own renderer (the built index.html, or the dev server's origin). */
export function isAppUrl(url: string, rendererUrl: string): boolean {
  try {
    const target = new URL(url);
    const own = new URL(rendererUrl);
    // The host matters for file URLs too: file://evil-host/… is another machine's share (UNC on
    // Windows) with the same path. WHATWG URL parsing turns file://localhost/ into an empty host.
    if (own.protocol === 'file:') return target.protocol === 'file:' && target.host === own.host && target.pathname === own.pathname;
    return target.origin === own.origin;
  } catch {
    return false;
  }
}
