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
      invoke: async (channel, input) => JSON.parse(await window.__rebindInvoke(channel, input)),
      on: (event, listener) => {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event).add(listener);
        return () => listeners.get(event).delete(listener);
      },
    };
  })();
`;

// Each page stands for one app window, with its own session in the router (as Electron's webContents id).
const pageIds = new WeakMap<Page, string>();
let nextPageId = 1;

/** The sender id the router knows `page` by. */
export function senderIdOf(page: Page): string {
  let id = pageIds.get(page);
  if (!id) {
    id = `page-${nextPageId++}`;
    pageIds.set(page, id);
  }
  return id;
}

/**
 * Binds the page's `window.rebind` to the real main-process router (calls carry the frame URL and
 * the page's id as the sender) and forwards main's events to it, each only when the page's session
 * may receive it. Call before the first navigation; the returned function unbinds and ends the
 * page's session, as closing a window does.
 */
export async function bindMainToPage(page: Page, main: MainContext): Promise<() => void> {
  const id = senderIdOf(page);
  // The answer crosses as one JSON text, not as Playwright's serialized object tree: that tree is
  // built and walked value by value on both sides (a 300 kB answer took ~1 s under load), where
  // Electron's IPC clones it natively. Answers are JSON data by contract (zod-parsed in main).
  await page.exposeBinding('__rebindInvoke', async (source, channel: unknown, input: unknown) =>
    JSON.stringify(await main.router.handle(channel, input, { url: source.frame.url(), id })),
  );
  await page.addInitScript(bridgeScript);
  const removeSink = main.events.addSink((event, payload, side) => {
    if (!main.router.mayReceive(event, id, side)) return;
    void page
      .evaluate(([e, p]) => (window as unknown as { __rebindEmit: (e: unknown, p: unknown) => void }).__rebindEmit(e, p), [event, payload] as const)
      .catch(() => undefined);
  });
  return () => {
    removeSink();
    main.router.forgetSender(id);
  };
}
