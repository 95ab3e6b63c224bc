import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { createMainContext, type MainContext } from '../../../electron/main/main-context';
import { SerialPort } from 'serialport';
import { isAppUrl } from '../../../electron/main/security/app-url';
import { listPorts } from '../../../electron/main/terminal/port/port-lister';
import { openSerialPort } from '../../../electron/main/terminal/port/serial-byte-port';
import { bindMainToPage } from './bind-main';
import { serveDirectory } from './static-server';

/** File dialog answers a test sets before it clicks "choose file" buttons. */
export interface PickerAnswers {
  backupTarget: string | null;
  backupSource: string | null;
  linkLogTarget: string | null;
}

/** What each browser e2e test gets: a page wired to the real main-process router over a fresh data dir. */
export interface HarnessFixtures {
  appUrl: string;
  dataDir: string;
  main: MainContext;
  picker: PickerAnswers;
  /** Opens the app on a page (Settings unless told otherwise) and waits for it. */
  openApp: (page?: 'settings' | 'terminal') => Promise<Page>;
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
  picker: async ({}, use) => use({ backupTarget: null, backupSource: null, linkLogTarget: null }),
  main: async ({ dataDir, appUrl, picker }, use) => {
    const context = createMainContext({
      dataDir,
      appVersion: '0.0.0-e2e',
      runtime: 'node',
      picker: {
        chooseBackupTarget: async () => picker.backupTarget,
        chooseBackupSource: async () => picker.backupSource,
        chooseLinkLogTarget: async () => picker.linkLogTarget,
      },
      isTrustedSender: (sender) => isAppUrl(sender.url, appUrl),
      // The real port listing and serial binding; the demo terminal runs without line delays.
      listSystemPorts: () => listPorts(() => SerialPort.list()),
      openPort: openSerialPort,
      demoLine: null,
    });
    await use(context);
    await context.close();
  },
  openApp: async ({ page, main, appUrl }, use) => {
    const removeSink = await bindMainToPage(page, main);
    await use(async (target = 'settings') => {
      await page.goto(`${appUrl}#/${target}`);
      await page.getByTestId(`${target}-page`).waitFor();
      return page;
    });
    removeSink();
  },
});

export { expect } from '@playwright/test';
