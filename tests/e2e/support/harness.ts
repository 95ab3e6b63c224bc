import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { createMainContext, type MainContext } from '../../../electron/main/main-context';
import { isAppUrl } from '../../../electron/main/security/app-url';
import { bindMainToPage } from './bind-main';
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
    const removeSink = await bindMainToPage(page, main);
    await use(async () => {
      await page.goto(appUrl);
      await page.getByTestId('settings-page').waitFor();
      return page;
    });
    removeSink();
  },
});

export { expect } from '@playwright/test';
