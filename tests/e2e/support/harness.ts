import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { createMainContext, type MainContext } from '../../../electron/main/main-context';
import { isAppUrl } from '../../../electron/main/security/app-url';
import { serveDirectory } from './static-server';

/** File dialog answers a test sets before it clicks "choose file" buttons. */
export interface PickerAnswers {
  backupTarget: string | null;
  backupSource: string | null;
}

/** What each browser e2e test gets: a page wired to the real main-process router over a fresh data dir. */
export interface HarnessFixtures {
  appUrl: string;
  dataDir: string;
  main: MainContext;
  picker: PickerAnswers;
  openApp: () => Promise<Page>;
}

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

/** Playwright test with the harness fixtures. */
export const test = base.extend<HarnessFixtures, { server: { url: string } }>({
  server: [
    async ({}, use) => {
      const server = await serveDirectory(join(import.meta.dirname, '../../../out/renderer'));
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  appUrl: async ({ server }, use) => use(server.url),
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'rebinddesk-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  picker: async ({}, use) => use({ backupTarget: null, backupSource: null }),
  main: async ({ dataDir, appUrl, picker }, use) => {
    const context = createMainContext({
      dataDir,
      appVersion: '0.0.0-e2e',
      runtime: 'node',
      picker: {
        chooseBackupTarget: async () => picker.backupTarget,
        chooseBackupSource: async () => picker.backupSource,
      },
      isTrustedSender: (sender) => isAppUrl(sender.url, appUrl),
    });
    await use(context);
    context.close();
  },
  openApp: async ({ page, main, appUrl }, use) => {
    await page.exposeBinding('__rebindInvoke', (source, channel: unknown, input: unknown) =>
      main.router.handle(channel, input, { url: source.frame.url() }),
    );
    await page.addInitScript(bridgeScript);
    const removeSink = main.events.addSink((event, payload) => {
      void page.evaluate(([e, p]) => (window as unknown as { __rebindEmit: (e: unknown, p: unknown) => void }).__rebindEmit(e, p), [event, payload] as const).catch(() => undefined);
    });
    await use(async () => {
      await page.goto(appUrl);
      await page.getByTestId('settings-page').waitFor();
      return page;
    });
    removeSink();
  },
});

export { expect } from '@playwright/test';
