import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import type { MainContext } from '../../../electron/main/main-context';
import { SerialPort } from 'serialport';
import { isAppUrl } from '../../../electron/main/security/app-url';
import { listPorts } from '../../../electron/main/terminal/port/port-lister';
import { openSerialPort } from '../../../electron/main/terminal/port/serial-byte-port';
import { testMainContext, type PickerAnswers } from '../../integration/support/main-context';
import { printViewReportPrinter } from '../../../electron/main/report/print-view-report-printer';
import { chromiumPrintView } from '../../support/chromium-print-view';
import { bindMainToPage } from './bind-main';
import { serveDirectory } from './static-server';

export type { PickerAnswers } from '../../integration/support/main-context';

/** Main's clock: real time plus an offset a test moves forward (e.g. to the next TOTP step). */
export interface MainClock {
  now(): Date;
  advance(ms: number): void;
}

/** The admin the harness creates for tests that start signed in. */
export const harnessAdmin = { username: 'e2e.admin', displayName: 'E2E Admin', password: 'blue terminal 42' } as const;

/** App pages a test can open. */
export type AppPage = 'settings' | 'terminal' | 'onsite' | 'operators' | 'audit' | 'reference' | 'merchants' | 'cases' | 'calendar' | 'import' | 'today' | 'checklist-templates' | 'reports';

/** What each browser e2e test gets: a page wired to the real main-process router over a fresh data dir. */
export interface HarnessFixtures {
  appUrl: string;
  dataDir: string;
  main: MainContext;
  clock: MainClock;
  picker: PickerAnswers;
  /** How data keys are protected: a test keychain, or none (the plain key file fallback). */
  keyProtection: 'os-keychain' | 'plaintext-file';
  /** Binds the page to main and opens the app with nobody signed in, on a fresh data directory. */
  openFresh: (hash?: string) => Promise<Page>;
  /** Opens the app signed in as a first admin (created through the bridge), on a page (Settings unless told otherwise). */
  openApp: (page?: AppPage) => Promise<Page>;
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
  keyProtection: ['os-keychain', { option: true }],
  appUrl: async ({ server }, use) => use(server.url),
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'rebinddesk-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  clock: async ({}, use) => {
    let offset = 0;
    await use({ now: () => new Date(Date.now() + offset), advance: (ms) => void (offset += ms) });
  },
  picker: async ({}, use) => use({ backupTarget: null, backupSource: null, linkLogTarget: null, auditTarget: null }),
  main: async ({ dataDir, appUrl, picker, clock, keyProtection, browser }, use) => {
    const context = testMainContext(dataDir, picker, {
      appVersion: '0.0.0-e2e',
      isTrustedSender: (sender) => isAppUrl(sender.url, appUrl),
      ...(keyProtection === 'os-keychain' ? {} : { keyProtector: null }),
      now: clock.now,
      // The real port listing and serial binding; the demo terminal runs without line delays.
      listSystemPorts: () => listPorts(() => SerialPort.list()),
      openPort: openSerialPort,
      demoLine: null,
      // Reports print as the app prints them, from the built print view, with the test's own Chromium.
      reportPrinter: printViewReportPrinter(chromiumPrintView(browser)),
    });
    await use(context);
    await context.close();
  },
  openFresh: async ({ page, main, appUrl }, use) => {
    const unbind = await bindMainToPage(page, main);
    await use(async (hash = '') => {
      await page.goto(`${appUrl}${hash}`);
      return page;
    });
    unbind();
  },
  openApp: async ({ page, openFresh, appUrl }, use) => {
    await use(async (target = 'settings') => {
      await openFresh(`#/${target}`);
      await page.getByTestId('first-admin-screen').waitFor();
      // Through the bridge, as the first-start form would: this signs the page's window in.
      const created = await page.evaluate((admin) => window.rebind.invoke('auth:create-first-admin', admin), harnessAdmin);
      if (!created.ok) throw new Error(`Could not create the e2e admin: ${created.error.message}`);
      await page.goto(`${appUrl}#/${target}`);
      await page.reload();
      await page.getByTestId(`${target}-page`).waitFor();
      return page;
    });
  },
});

export { expect } from '@playwright/test';
