import type { Page, TestInfo } from '@playwright/test';
import { englishOnPage } from '../support/ascii-sentences';
import { placeOnNextWorkingDay, seedEngineerDay, signInAsSeededEngineer } from '../support/desk-day-seed';
import { openTerminalPageOnDemo, switchLanguage } from '../support/app-steps';
import { expect, test } from '../support/harness';

// The engineer's day (issue 10 point 5) in Chromium over the real main process: the desk's data
// seeded through the bridge as an admin, then the engineer opens Today, opens the appointment,
// finds On-site filled from it and rebinds the demo terminal; the case moves by its id.
const engineer = { username: 'zhou.gong', displayName: '周工程师' };
const password = 'field engineer 2026';
// Names in Latin letters that are data, not the app's sentences.
const dataNames = ['Acquirer A', 'Acquirer B', 'Acquirer C', 'Asia/Shanghai', 'PayDroid'];

// English sentences on the page, but for the link log's notes (main's English; zh-cn-pass.spec.ts says why).
const englishSentences = async (page: Page) => (await englishOnPage(page, dataNames)).filter((found) => found.where !== 'log-line');

async function photograph(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test("an engineer opens today's appointment, finds On-site filled from it, and the rebind moves the case by its id", async ({ openApp, appUrl, main, clock }, testInfo) => {
  test.setTimeout(180_000);
  const day = placeOnNextWorkingDay(clock);
  const page = await openApp('settings');
  const seeded = await seedEngineerDay(page, day, engineer);
  await signInAsSeededEngineer(page, seeded, password);
  await openTerminalPageOnDemo(page, appUrl);

  // Today: the day in the engineer's zone, the appointment with its time, merchant, terminal, bank and case.
  await page.getByTestId('nav-today').click();
  await page.getByTestId('today-page').waitFor();
  await expect(page.getByTestId('today-date')).toHaveAttribute('data-date', day);
  await expect(page.getByTestId('today-date')).toContainText('Asia/Shanghai');
  const entry = page.getByTestId(`today-entry-${seeded.appointmentId}`);
  await expect(entry.getByTestId('today-span')).toHaveText('14:00–15:00');
  await expect(entry).toContainText('Asia/Shanghai（UTC+08:00）');
  await expect(entry.getByTestId('today-merchant')).toHaveText('浦东便利');
  await expect(entry).toContainText('上海市浦东新区世纪大道 100 号');
  await expect(entry.getByTestId('today-serial')).toHaveText('1170012345');
  await expect(entry.getByTestId('today-tid')).toHaveText('12345678');
  await expect(entry.getByTestId('today-model')).toHaveText('A920');
  await expect(entry.getByTestId('today-bank')).toHaveText('Acquirer B (sample)');
  await expect(entry.getByTestId('today-case-state')).toHaveText('已预约');
  await expect(entry.getByTestId('today-status')).toHaveText('已确认');
  await expect(page.getByTestId('today-count')).toHaveText('共 1 个预约');
  expect(await englishSentences(page)).toEqual([]);
  await photograph(page, testInfo, 'today.zh-CN');

  // The day switch: the next day is empty, Today comes back to the appointment.
  await page.getByTestId('today-next').click();
  await expect(page.getByTestId('today-empty')).toBeVisible();
  await expect(page.getByTestId('today-empty')).toContainText('这一天没有预约。');
  await page.getByTestId('today-previous').click();
  await page.getByTestId('today-previous').click();
  await expect(page.getByTestId('today-empty')).toBeVisible();
  await page.getByTestId('today-today').click();
  await expect(entry).toBeVisible();

  // Opening it fills On-site: template, the short name (not the legal name), the work order and the case.
  await entry.getByTestId('today-open').click();
  await page.getByTestId('onsite-page').waitFor();
  const visit = page.getByTestId('onsite-visit');
  await expect(visit).toHaveAttribute('data-case-id', seeded.caseId);
  await expect(visit).toHaveAttribute('data-appointment-id', seeded.appointmentId);
  await expect(page.getByTestId('onsite-visit-line')).toHaveText(`${day} 14:00–15:00（Asia/Shanghai）· 浦东便利 · 目标银行 Acquirer B (sample)`);
  await expect(page.getByTestId('onsite-visit-case')).toContainText('已预约');
  await expect(page.getByTestId('bank-template')).toContainText('Acquirer B');
  await expect(page.getByTestId('merchant-name').locator('input')).toHaveValue('浦东便利');
  await expect(page.getByTestId('merchant-tid').locator('input')).toHaveValue('12345678');
  await expect(page.getByTestId('merchant-mid').locator('input')).toHaveValue('898310048140001');
  await expect(page.getByTestId('expected-serial').locator('input')).toHaveValue('1170012345');
  await expect(page.getByTestId('expected-tid').locator('input')).toHaveValue('12345678');
  await expect(page.getByTestId('expected-model').locator('input')).toHaveValue('A920');
  await expect(page.getByTestId('work-order-ref').locator('input')).toHaveValue(seeded.caseId);
  await expect(page.getByTestId('work-order-ref').locator('input')).toBeDisabled();
  // The desk keeps no MCC: Start waits for the engineer to enter it.
  await expect(page.getByTestId('start-rebind')).toBeDisabled();
  expect(await englishSentences(page)).toEqual([]);
  await photograph(page, testInfo, 'onsite-filled.zh-CN');
  await page.getByTestId('expected-model').scrollIntoViewIfNeeded();
  await photograph(page, testInfo, 'onsite-work-order.zh-CN');

  await switchLanguage(page, 'en-US', 'today');
  await expect(entry.getByTestId('today-case-state')).toHaveText('Scheduled');
  await expect(page.getByTestId('today-count')).toHaveText('1 appointment');
  await photograph(page, testInfo, 'today.en-US');
  await page.getByTestId('nav-onsite').click();
  await expect(page.getByTestId('onsite-visit-line')).toHaveText(`${day} 14:00–15:00 (Asia/Shanghai) · 浦东便利 · target bank Acquirer B (sample)`);
  await photograph(page, testInfo, 'onsite-filled.en-US');
  await switchLanguage(page, 'zh-CN', 'onsite');

  // The rebind runs for the case: the journal names it by id and the case moves to rebound.
  await page.getByTestId('merchant-mcc').locator('input').fill('5411');
  await page.getByTestId('start-rebind').click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', 'rebound', { timeout: 90_000 });
  await expect(page.getByTestId('outcome-case')).toHaveText('工单已转为“已迁移”。');
  await expect(page.getByTestId('outcome-case')).toHaveAttribute('data-state', 'rebound');
  await expect(page.getByTestId('onsite-visit-case')).toContainText('已迁移');
  const db = main.database.current();
  expect(db.prepare('SELECT outcome, case_id AS caseId, actor FROM rebind_operations').all()).toEqual([{ outcome: 'rebound', caseId: seeded.caseId, actor: engineer.username }]);
  expect(db.prepare('SELECT state FROM cases WHERE id = ?').get(seeded.caseId)).toEqual({ state: 'rebound' });
  expect(db.prepare('SELECT action, created_by AS who FROM case_transitions WHERE case_id = ? ORDER BY rowid DESC LIMIT 2').all(seeded.caseId)).toEqual([
    { action: 'record-rebound', who: engineer.username },
    { action: 'start-on-site', who: engineer.username },
  ]);
  await page.getByTestId('outcome').scrollIntoViewIfNeeded();
  await photograph(page, testInfo, 'onsite-rebound.zh-CN');
  await switchLanguage(page, 'en-US', 'onsite');
  await expect(page.getByTestId('outcome-case')).toHaveText('The case is now “Rebound”.');
  await photograph(page, testInfo, 'onsite-rebound.en-US');

  // Back on Today the appointment shows its case rebound.
  await page.getByTestId('onsite-back-to-today').click();
  await page.getByTestId('today-page').waitFor();
  await expect(entry.getByTestId('today-case-state')).toHaveText('Rebound');
});
