import type { MainContext } from '../../../electron/main/main-context';
import { testWindow } from './main-context';

// The renderer's stores reach main only through `window.rebind` (the preload's invoke/on). Here
// that surface is backed by a real main context in the same process, as the browser e2e harness
// does over Playwright bindings, so store tests run the real router, services and SQLite file.

/** Gives the test process a `window.rebind` wired to `main` as one app window; returns the unbind function. */
export function bindWindowToMain(main: MainContext, id = 'store-test'): () => void {
  const sender = testWindow(id);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const removeSink = main.events.addSink((event, payload, side) => {
    if (!main.router.mayReceive(event, id, side)) return;
    for (const listener of listeners.get(event) ?? []) listener(structuredClone(payload));
  });
  const rebind = {
    // Structured-cloned both ways, as Electron's IPC does: a store cannot keep a reference into main.
    invoke: async (channel: string, input: unknown) => structuredClone(await main.router.handle(channel, structuredClone(input), sender)),
    on: (event: string, listener: (payload: unknown) => void) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => void listeners.get(event)?.delete(listener);
    },
  };
  const global = globalThis as unknown as { window?: unknown };
  global.window = { rebind };
  return () => {
    removeSink();
    main.router.forgetSender(id);
    delete global.window;
  };
}
