import type { Page } from '@playwright/test';
import type { MainContext } from '../../../electron/main/main-context';

// The same surface the preload exposes (invoke/on), backed by Playwright bindings instead of Electron IPC.
const bridgeScript = `
  (() => {
    const listeners = new Map();
    window.__rebindEmit = (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    };
    window.rebind = {
      invoke: (channel, input) => window.__rebindInvoke(channel, input),
      on: (event, listener) => {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event).add(listener);
        return () => listeners.get(event).delete(listener);
      },
    };
  })();
`;

/**
 * Binds the page's `window.rebind` to the real main-process router (calls carry the frame URL as
 * the sender) and forwards main's events to it. Call before the first navigation.
 */
export async function bindMainToPage(page: Page, main: MainContext): Promise<() => void> {
  await page.exposeBinding('__rebindInvoke', (source, channel: unknown, input: unknown) =>
    main.router.handle(channel, input, { url: source.frame.url() }),
  );
  await page.addInitScript(bridgeScript);
  return main.events.addSink((event, payload) => {
    void page
      .evaluate(([e, p]) => (window as unknown as { __rebindEmit: (e: unknown, p: unknown) => void }).__rebindEmit(e, p), [event, payload] as const)
      .catch(() => undefined);
  });
}
