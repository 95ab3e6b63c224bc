import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication } from '@playwright/test';
import { createFirstAdminThroughUi, signInThroughUi } from '../support/auth-steps';
import { electronAppOrSkip } from '../support/electron-binary';

// The same flows as tests/e2e/browser, through the real Electron app: preload, IPC, sandbox.
let dataDir = '';

test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'rebinddesk-electron-'));
});
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

let built!: ReturnType<typeof electronAppOrSkip>;
const launch = (): Promise<ElectronApplication> => built.launch(dataDir);

const admin = { username: 'electron.admin', displayName: 'Electron Admin', password: 'blue terminal 42' };

/** Opens Settings, creating the first admin on a fresh data directory and signing in on a later start. */
async function openSettings(app: ElectronApplication) {
  const page = await app.firstWindow();
  await page.locator('[data-testid="first-admin-screen"], [data-testid="sign-in-screen"]').first().waitFor();
  if (await page.getByTestId('first-admin-screen').isVisible()) await createFirstAdminThroughUi(page, admin);
  else await signInThroughUi(page, admin.username, admin.password);
  await page.getByTestId('header-user').waitFor();
  await page.evaluate(() => (window.location.hash = '#/settings'));
  await page.getByTestId('settings-page').waitFor();
  return page;
}

test.describe('Electron app', () => {
  built = electronAppOrSkip('tests/e2e/browser');

  test('window is isolated and sandboxed, and only the bridge is exposed', async () => {
    const app = await launch();
    const page = await openSettings(app);
    await page.getByTestId('settings-page').waitFor();
    const exposed = await page.evaluate(() => {
      const w = window as unknown as { require?: unknown; process?: unknown; rebind: object };
      return { require: typeof w.require, process: typeof w.process, keys: Object.keys(w.rebind).sort() };
    });
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', keys: ['invoke', 'on'] });
    // Navigation away from the app is denied.
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^file:/);
    await app.close();
  });

  test('language and theme are kept across a restart', async () => {
    let app = await launch();
    let page = await openSettings(app);
    await page.getByTestId('language-en-US').click();
    await page.getByTestId('theme-dark').click();
    await expect(page.getByTestId('page-title')).toHaveText('Settings');
    await app.close();

    app = await launch();
    page = await openSettings(app);
    await expect(page.getByTestId('page-title')).toHaveText('Settings');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: test.info().outputPath('electron-settings.png') });
    await app.close();
  });

  test('back up, change, restore', async () => {
    const app = await launch();
    const page = await openSettings(app);
    await page.getByTestId('backup-now').click();
    await expect(page.getByTestId('last-backup')).not.toHaveText('尚无备份');
    await page.getByTestId('language-en-US').click();
    await page.getByTestId('restore-last').click();
    await page.getByTestId('restore-confirm').click();
    await expect(page.getByTestId('page-title')).toHaveText('设置');
    await app.close();
  });

  test('malformed input gets the error envelope', async () => {
    const app = await launch();
    const page = await openSettings(app);
    await page.getByTestId('settings-page').waitFor();
    const answer = await page.evaluate(() => window.rebind.invoke('settings:update', { language: 42 }));
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'language' } });
    await app.close();
  });
});
