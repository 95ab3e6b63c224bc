import type { Locator, Page, TestInfo } from '@playwright/test';
import { englishOnPage } from '../support/ascii-sentences';
import { fillInput, signInThroughUi } from '../support/auth-steps';
import { placeOnNextWorkingDay } from '../support/desk-day-seed';
import { expect, test } from '../support/harness';

// Training mode (issue 11 point 5) in Chromium over the real main process, in zh-CN: an admin
// enters training and books the seeded training case for an engineer; the engineer enters training
// in the same window after signing in, finds the visit on Today, is refused a real port, rebinds
// the demo terminal and completes the checklist. The banner is on every page; after leaving, the
// real case list is empty and the real file holds none of it. (The service report step is not here:
// the report's card was not on main when this was written; docs/training.md says so.)
const engineer = { username: 'li.gong', displayName: '李工程师', password: 'field engineer 2026' };
const dataNames = ['Acquirer A', 'Acquirer B', 'Acquirer C', 'Asia/Shanghai', 'PayDroid', 'li.gong', 'e2e.admin', 'site.png', 'E2E Admin', 'PAX', 'A920'];
const englishSentences = async (page: Page) => (await englishOnPage(page, dataNames)).filter((found) => found.where !== 'log-line' && found.where !== 'receipt');

async function photograph(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

async function switchLanguage(page: Page, language: 'zh-CN' | 'en-US', back: string): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`language-${language}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await page.getByTestId(`nav-${back}`).click();
  await page.getByTestId(`${back}-page`).waitFor();
}

async function sign(page: Page, canvas: Locator): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the signature pad has no box');
  for (let s = 0; s < 2; s += 1) {
    const left = box.x + box.width * (0.15 + 0.3 * s);
    await page.mouse.move(left, box.y + box.height * 0.6);
    await page.mouse.down();
    for (let i = 1; i <= 10; i += 1) await page.mouse.move(left + i * 8, box.y + box.height * (0.6 - 0.3 * Math.sin(i / 2)), { steps: 2 });
    await page.mouse.up();
  }
}

test('a whole training appointment: the desk part as an admin, the visit as an engineer, on training data only', async ({ openApp, main, clock }, testInfo) => {
  test.setTimeout(360_000);
  const day = placeOnNextWorkingDay(clock);
  const page = await openApp('settings');
  const created = await page.evaluate((who) => window.rebind.invoke('operators:create', { username: who.username, displayName: who.displayName, role: 'engineer' }), engineer);
  if (!created.ok) throw new Error(`operators:create: ${JSON.stringify(created.error)}`);
  const temporaryPassword = (created.value as { temporaryPassword: string }).temporaryPassword;
  const real = main.database.current();
  const outboxBefore = (real.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

  // The admin enters training: the window reloads on the seeded case, the banner on top.
  await page.getByTestId('training-enter').click();
  await page.getByTestId('case-page').waitFor();
  await expect(page.getByTestId('training-banner-title')).toHaveText('培训模式');
  await expect(page.getByTestId('header-training')).toHaveText('培训模式');
  await expect(page.getByTestId('case-page')).toContainText('培训示例商户（演示）');
  await photograph(page, testInfo, 'training-case.zh-CN');
  await switchLanguage(page, 'en-US', 'cases');
  await expect(page.getByTestId('training-banner-title')).toHaveText('Training mode');
  await photograph(page, testInfo, 'training-cases.en-US');
  await switchLanguage(page, 'zh-CN', 'cases');

  // Book it on the calendar: the first slot proposed is the engineer's, today.
  await page.getByTestId('training-open-case').click();
  await page.getByTestId('case-book').click();
  await page.getByTestId('calendar-find-slots').click();
  await expect(page.getByTestId('calendar-slot-0')).toContainText(`${engineer.displayName} · ${day}`);
  await page.getByTestId('calendar-slot-0-book').click();
  await expect(page.locator('.n-message', { hasText: `已预约：${engineer.displayName}，${day}` })).toBeVisible();
  await expect(page.getByTestId('training-banner')).toBeVisible();
  await photograph(page, testInfo, 'training-calendar.zh-CN');

  // The engineer signs in on the same laptop (signing out ended the admin's training) and enters training.
  await page.getByTestId('sign-out').click();
  await signInThroughUi(page, engineer.username, temporaryPassword);
  await page.getByTestId('change-password-screen').waitFor();
  await fillInput(page, 'new-password', engineer.password);
  await fillInput(page, 'confirm-password', engineer.password);
  await page.getByTestId('change-password-submit').click();
  await page.getByTestId('header-user').waitFor();
  await expect(page.getByTestId('training-banner')).toHaveCount(0);
  await page.getByTestId('training-enter').click();
  await page.getByTestId('today-page').waitFor();
  await expect(page.getByTestId('training-banner')).toBeVisible();
  const entry = page.locator('[data-testid^="today-entry-"]');
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('today-serial')).toHaveText('1170012345');
  await photograph(page, testInfo, 'training-today.zh-CN');

  // Only the demo terminal: a typed port is refused, in Chinese, before anything is opened.
  await page.getByTestId('nav-terminal').click();
  await page.getByTestId('terminal-page').waitFor();
  await page.getByTestId('port-manual').click();
  await page.getByTestId('manual-path').locator('input').fill('/dev/ttyUSB0');
  await page.getByTestId('connect').click();
  await expect(page.locator('.n-message', { hasText: '培训模式只能使用演示终端，未打开端口 /dev/ttyUSB0。' })).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveText('未连接');
  await photograph(page, testInfo, 'training-port-refused.zh-CN');
  await page.getByTestId('port-demo:terminal').click();
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('connection-status')).toHaveText('已连接');

  // The visit: the rebind on the demo terminal, then the checklist.
  await page.getByTestId('nav-today').click();
  await entry.getByTestId('today-open').click();
  await page.getByTestId('onsite-page').waitFor();
  await expect(page.getByTestId('training-banner')).toBeVisible();
  await page.getByTestId('checklist-start').click();
  await page.getByTestId('merchant-mcc').locator('input').fill('5411');
  await page.getByTestId('start-rebind').click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', 'rebound', { timeout: 120_000 });
  await expect(page.getByTestId('checklist-step-settle').getByTestId('checklist-auto')).toHaveAttribute('data-passed', 'true');
  await page.getByTestId('checklist-tick-sticker').click();
  await page.getByTestId('checklist-tick-test-sale').click();
  await page.getByTestId('checklist-choice-receipt-legible-clear').click();
  const signal = page.getByTestId('checklist-number-signal').locator('input');
  await signal.fill('-72');
  await signal.press('Enter');
  await expect(page.getByTestId('checklist-saved-signal')).toBeVisible();
  const photo = await page.getByTestId('onsite-visit').screenshot();
  await page.getByTestId('evidence-site-photo-input').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: photo });
  await expect(page.getByTestId('evidence-site-photo-thumbnail')).toBeVisible();
  await page.getByTestId('checklist-signer-merchant-signature').locator('input').fill('培训员');
  await sign(page, page.getByTestId('signature-merchant-signature-canvas'));
  await page.getByTestId('checklist-signature-save-merchant-signature').click();
  await expect(page.getByTestId('signature-view-merchant-signature')).toBeVisible();
  await page.getByTestId('checklist-signer-engineer-signature').locator('input').fill(engineer.displayName);
  await sign(page, page.getByTestId('signature-engineer-signature-canvas'));
  await page.getByTestId('checklist-signature-save-engineer-signature').click();
  await expect(page.getByTestId('checklist-missing')).toHaveAttribute('data-count', '0');
  await page.getByTestId('checklist-outcome-completed').click();
  await page.getByTestId('checklist-finish').click();
  await expect(page.getByTestId('checklist-finished')).toHaveAttribute('data-outcome', 'completed');
  await expect(page.getByTestId('onsite-visit-case')).toHaveAttribute('data-state', 'closed');
  expect(await englishSentences(page)).toEqual([]);
  await photograph(page, testInfo, 'training-checklist-finished.zh-CN');
  await switchLanguage(page, 'en-US', 'onsite');
  await expect(page.getByTestId('training-banner-title')).toHaveText('Training mode');
  await photograph(page, testInfo, 'training-checklist-finished.en-US');
  await switchLanguage(page, 'zh-CN', 'onsite');

  // Leaving: the window reloads in real mode; nothing of it in the real file, nor in its outbox.
  await page.getByTestId('training-leave').click();
  await expect(page.getByTestId('training-enter')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('training-banner')).toHaveCount(0);
  expect(real.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
  expect(real.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({ n: 0 });
  expect(real.prepare('SELECT count(*) AS n FROM checklist_runs').get()).toEqual({ n: 0 });
  expect((real.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(outboxBefore);
  const trail = real.prepare("SELECT actor, action, json_extract(payload, '$.cause') AS cause FROM audit_log WHERE action LIKE 'training.%' ORDER BY seq").all();
  expect(trail).toEqual([
    { actor: 'e2e.admin', action: 'training.entered', cause: null },
    { actor: 'e2e.admin', action: 'training.left', cause: 'signed-out' },
    { actor: engineer.username, action: 'training.entered', cause: null },
    { actor: engineer.username, action: 'training.left', cause: 'left' },
  ]);
});
