import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { createFirstAdminThroughUi, fillInput, signInThroughUi } from '../support/auth-steps';
import { electronAppOrSkip } from '../support/electron-binary';
import { totpCode } from '../support/totp';

// tests/e2e/browser/auth.spec.ts through the real Electron app (preload, IPC, per-window sessions),
// with the real clock: the test waits for the next 30-second step instead of moving main's clock.
const admin = { username: 'chen.admin', displayName: 'Chen Admin', password: 'blue terminal 42' };
let dataDir = '';

test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'rebinddesk-electron-auth-'));
});
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

let built!: ReturnType<typeof electronAppOrSkip>;
const launch = (): Promise<ElectronApplication> => built.launch(dataDir);

/** Waits until the current 30-second TOTP step is over, so a fresh code is not the one just used. */
async function nextStep(page: Page): Promise<void> {
  await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
}

test.describe('Electron sign-in', () => {
  built = electronAppOrSkip('tests/e2e/browser/auth.spec.ts');
  test.setTimeout(180_000);

  test('first start, two-factor enrolment, sign-in with a code, and a desk user kept out of admin pages', async () => {
    const app = await launch();
    const page = await app.firstWindow();
    await createFirstAdminThroughUi(page, admin);
    await expect(page.getByTestId('header-role')).toHaveText('管理员');

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('two-factor-enrol').click();
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    await fillInput(page, 'totp-code', totpCode(secret, new Date()));
    await page.getByTestId('totp-confirm').click();
    await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
    await page.getByTestId('recovery-saved').click();
    await page.screenshot({ path: test.info().outputPath('electron-enrolled.png') });

    await page.getByTestId('sign-out').click();
    await nextStep(page);
    await signInThroughUi(page, admin.username, admin.password);
    await fillInput(page, 'sign-in-code', totpCode(secret, new Date()));
    await page.getByTestId('sign-in-code-submit').click();
    await expect(page.getByTestId('header-user')).toHaveText(admin.displayName);

    await page.getByTestId('nav-operators').click();
    await fillInput(page, 'new-operator-username', 'li.wei');
    await fillInput(page, 'new-operator-display-name', 'Li Wei');
    await page.getByTestId('new-operator-role-desk').click();
    await page.getByTestId('new-operator-submit').click();
    const temporary = (await page.getByTestId('temporary-password').textContent()) ?? '';
    await page.getByTestId('temporary-done').click();
    await page.getByTestId('sign-out').click();

    await signInThroughUi(page, 'li.wei', temporary);
    await expect(page.getByTestId('current-password')).toHaveCount(0);
    await fillInput(page, 'new-password', 'desk lamp green 7');
    await fillInput(page, 'confirm-password', 'desk lamp green 7');
    await page.getByTestId('change-password-submit').click();
    await expect(page.getByTestId('header-role')).toHaveText('服务台');
    await expect(page.getByTestId('nav-operators')).toHaveCount(0);
    await page.evaluate(() => (window.location.hash = '#/operators'));
    await expect(page.getByTestId('page-refused')).toBeVisible();
    const direct = await page.evaluate(() => window.rebind.invoke('operators:list', {}));
    expect(direct).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await page.screenshot({ path: test.info().outputPath('electron-desk-refused.png') });
    await app.close();
  });

  test('a new start asks for the password again: sessions end with the process', async () => {
    let app = await launch();
    let page = await app.firstWindow();
    await createFirstAdminThroughUi(page, admin);
    await app.close();
    app = await launch();
    page = await app.firstWindow();
    await page.getByTestId('sign-in-screen').waitFor();
    expect(await page.evaluate(() => window.rebind.invoke('settings:update', { theme: 'dark' }))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await app.close();
  });
});
