import type { Page } from '@playwright/test';
import { addOperatorThroughBridge, fillInput, signInThroughUi } from '../support/auth-steps';
import { call, ensureSamples, seedBookableCase } from '../support/desk-booking-seed';
import { dragBetween, xOf, yOf } from '../support/calendar-pointer';
import { expect, test } from '../support/harness';

// Issue 10's whole desk story in one run, one user after another on one data directory, through the
// pages (the bridge only sets up what is not the story: the engineer's account and profile, and a
// second case whose booking the desk will try to clash with):
//   the desk user creates a merchant and its terminal, opens a case, ticks the materials with a
//   scan, approves, records the agreement, sees the gate turn green, books a slot on the calendar, is
//   refused a double booking in Chinese, drags the appointment to the afternoon;
//   the engineer signs in, opens today's appointment and finds On-site filled from the case.

// Monday 7 December 2026, 08:00 in Shanghai, on main's clock and the page's.
const now = new Date('2026-12-07T00:00:00.000Z');
const day = '2026-12-07';
test.use({ timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 1100 } });

const desk = { username: 'desk.li', displayName: '李文员', password: 'desk paperwork 2026' };
const engineer = { username: 'sun.gong', displayName: '孙工程师', password: 'field engineer 2026' };
const merchant = {
  name: '上海浦东示例书店有限公司',
  shortName: '浦东书店',
  uscc: '91350100M000100Y43',
  legalRep: '张三',
  legalRepId: '11010519491231002X',
  contact: '李四',
  phone: '021-58886666',
  address: '上海市浦东新区示例路 8 号',
  area: '310115',
  bank: '中国银行',
  branch: '上海浦东支行',
  cnaps: '104290003011',
  accountNo: '4061 2345 6789 0123',
};
const terminal = { serial: '1170099001', tid: '87654321', mid: '898310048149001', model: 'PAX A920', firmware: 'PayDroid 7.1.2', bank: 'acquirer-c' };
const licence = { name: '营业执照.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') };
const agreement = { name: '迁移协议.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% signed agreement\n%%EOF\n') };

async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.n-base-select-option', { hasText: label }).first().click();
}

/** The admin's part: the engineer (operator, profile) and a second bookable case; returns the engineer's temporary password. */
async function setUpDesk(page: Page): Promise<{ temporaryPassword: string; other: { caseId: string; merchantName: string } }> {
  await ensureSamples(page);
  const created = await call<{ operator: { id: number }; temporaryPassword: string }>(page, 'operators:create', { username: engineer.username, displayName: engineer.displayName, role: 'engineer' });
  const hours = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, d <= 5 ? [{ start: '09:00', end: '18:00' }] : []]));
  await call(page, 'desk:save-engineer', { base: null, record: { operatorId: created.operator.id, skills: ['PAX'], areas: ['310115'], timeZone: 'Asia/Shanghai', hours, absences: [] } });
  const other = await seedBookableCase(page, 2, { receivedOn: '2026-12-01', signedOn: '2026-12-02' });
  return { temporaryPassword: created.temporaryPassword, other };
}

async function createMerchantAndTerminal(page: Page): Promise<void> {
  await page.getByTestId('nav-merchants').click();
  await page.getByTestId('merchants-page').waitFor();
  await page.getByTestId('merchant-new').click();
  await page.getByTestId('merchant-form').waitFor();
  for (const field of ['name', 'shortName', 'uscc', 'legalRep', 'legalRepId', 'contact', 'phone', 'address', 'area'] as const) await fillInput(page, `mf-${field}`, merchant[field]);
  await expect(page.getByTestId('short-name-counter')).toHaveText('已用 12/40 字节（约可容纳 13 个汉字）');
  for (const field of ['bank', 'branch', 'cnaps', 'accountNo'] as const) await fillInput(page, `mf-settlement-${field}`, merchant[field]);
  await fillInput(page, 'mf-accountCheckedOn', '2026-12-01');
  await page.getByTestId('mf-accountCheckedOn').locator('input').press('Enter');
  await page.getByTestId('merchant-form-save').click();
  await expect(page.getByTestId('merchant-form')).toHaveCount(0);
  await expect(page.getByTestId('md-legalRepId')).toHaveText('••••002X');

  await page.getByTestId('terminal-add').click();
  await page.getByTestId('terminal-form').waitFor();
  await fillInput(page, 'tf-tid', terminal.tid);
  await choose(page, 'tf-model', terminal.model);
  await fillInput(page, 'tf-serial', terminal.serial);
  await fillInput(page, 'tf-mid', terminal.mid);
  await fillInput(page, 'tf-firmware', terminal.firmware);
  await choose(page, 'tf-bank', terminal.bank);
  await page.getByTestId('terminal-form-save').click();
  await expect(page.getByTestId('terminal-form')).toHaveCount(0);
  await expect(page.getByTestId(`terminal-${terminal.serial}`)).toHaveText(terminal.serial);
}

/** From the cases list's dialog to a green gate; returns the case's id. */
async function takeCaseToBookable(page: Page): Promise<string> {
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('cases-page').waitFor();
  await page.getByTestId('cases-new').click();
  await fillInput(page, 'new-case-find-text', terminal.serial);
  await page.getByTestId('new-case-find').click();
  await page.getByTestId(`new-case-terminal-${terminal.serial}`).click();
  await expect(page.getByTestId('candidate-fit-acquirer-b')).toBeVisible();
  await page.getByTestId('candidate-choose-acquirer-b').click();
  await page.getByTestId('case-page').waitFor();
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'draft');

  await page.getByTestId('material-file-business-licence').setInputFiles(licence);
  await expect(page.getByTestId(`attachment-${licence.name}`)).toBeVisible();
  for (const kind of ['business-licence', 'tax-registration', 'legal-rep-id', 'account-opening-permit', 'terminal-model-number']) {
    await page.getByTestId(`material-receive-${kind}`).click();
    await expect(page.getByTestId(`material-${kind}`)).toHaveAttribute('data-received', 'true');
    await page.getByTestId(`material-verify-${kind}`).click();
    await expect(page.getByTestId(`material-${kind}`)).toHaveAttribute('data-verified', 'true');
  }
  await expect(page.getByTestId('material-verified-by-business-licence')).toContainText(desk.username);
  await page.getByTestId('case-action-complete-materials').click();
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'materials-complete');
  await page.getByTestId('case-action-submit-for-review').click();
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'under-review');
  await page.getByTestId('review-approve').click();
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'approved');
  await expect(page.getByTestId('case-gate')).toHaveAttribute('data-green', 'false');

  await page.getByTestId('agreement-signed-on').locator('input').fill(day);
  await page.getByTestId('agreement-signed-on').locator('input').press('Enter');
  await fillInput(page, 'agreement-signatory', merchant.legalRep);
  await page.getByTestId('agreement-file').setInputFiles(agreement);
  await page.getByTestId('agreement-record').click();
  await expect(page.getByTestId('case-state')).toHaveAttribute('data-state', 'agreement-signed');
  await expect(page.getByTestId('case-gate')).toHaveAttribute('data-green', 'true');
  await expect(page.getByTestId('gate-green')).toContainText('条件齐备，可以预约上门');
  const href = await page.getByTestId('case-book').locator('..').getAttribute('href');
  const caseId = /case=([0-9a-f-]{36})$/.exec(href ?? '')?.[1];
  if (!caseId) throw new Error(`the Book link names no case: ${href}`);
  return caseId;
}

const calendarOf = async (page: Page) =>
  (await call<{ appointments: { caseId: string; start: string; end: string; version: number }[] }>(page, 'desk:calendar', { from: '2026-12-06T16:00:00.000Z', to: '2026-12-07T16:00:00.000Z', engineerIds: await engineerIds(page) })).appointments;
const engineerIds = async (page: Page) => (await call<{ engineers: { id: string }[] }>(page, 'desk:reference', {})).engineers.map((e) => e.id);

test('the desk takes a merchant from its first record to a booked visit, and the engineer finds it on Today with On-site filled', async ({ page, openApp, clock, appUrl }, testInfo) => {
  test.setTimeout(300_000);
  clock.advance(now.getTime() - Date.now());
  await page.clock.setFixedTime(now);
  await openApp('settings');
  const { temporaryPassword, other } = await setUpDesk(page);
  const added = await addOperatorThroughBridge(page, desk, 'desk');
  expect(added.ok, JSON.stringify(added)).toBe(true);
  await page.goto(`${appUrl}#/cases`);
  await page.reload();
  await page.getByTestId('cases-page').waitFor();
  await expect(page.getByTestId('header-user')).toContainText(desk.displayName);

  // The desk user: merchant and terminal, then the case to a green gate.
  await createMerchantAndTerminal(page);
  const caseId = await takeCaseToBookable(page);
  await page.screenshot({ path: testInfo.outputPath('story-case-green.zh-CN.png'), fullPage: true });

  // Book: the case page's link opens the calendar on this case; the first proposed slot is Monday 09:00.
  await page.getByTestId('case-book').click();
  await expect(page.getByTestId('calendar-booking-title')).toHaveText(`为工单预约上门：${merchant.name}`);
  await page.getByTestId('calendar-find-slots').click();
  await expect(page.getByTestId('calendar-slot-0')).toContainText(`${engineer.displayName} · ${day} 09:00–10:00`);
  await page.getByTestId('calendar-slot-0-book').click();
  await expect(page.locator('.n-message', { hasText: `已预约：${engineer.displayName}，${day} 09:00–10:00。` })).toBeVisible();
  expect((await calendarOf(page)).map((a) => [a.caseId, a.start])).toEqual([[caseId, '2026-12-07T01:00:00.000Z']]);

  // The other case at 09:30 with the same engineer: refused, every reason in Chinese, the clash named.
  await page.goto(`${appUrl}#/calendar?case=${other.caseId}`);
  await expect(page.getByTestId('calendar-booking-title')).toHaveText(`为工单预约上门：${other.merchantName}`);
  await page.getByRole('button', { name: '日', exact: true }).click();
  const x = await xOf(page, engineer.displayName);
  await dragBetween(page, { x, y: await yOf(page, day, 10, 15) }, { x, y: await yOf(page, day, 9, 45) });
  await page.getByTestId('calendar-confirm-booking').getByRole('button', { name: '预约' }).click();
  const refusal = page.getByTestId('calendar-refusal');
  await expect(refusal.locator('[data-reason="booking-engineer-double-booked"]')).toHaveText(
    `${engineer.displayName}在 ${day} 09:00 至 ${day} 10:00（Asia/Shanghai）已有预约，不能再约同一时间：请选择其他时段或其他工程师。`,
  );
  await expect(page.getByTestId('calendar-clash')).toHaveText(`冲突的预约：${merchant.name}，${day} 09:00–10:00。`);
  await page.screenshot({ path: testInfo.outputPath('story-double-booking.zh-CN.png'), fullPage: true });
  expect(await calendarOf(page)).toHaveLength(1);

  // Drag the desk's appointment to 14:00, with the reason asked for.
  const booked = page.locator('.ec-event', { hasText: merchant.name });
  await dragBetween(page, { x, y: (await yOf(page, day, 9, 0)) + 10 }, { x, y: (await yOf(page, day, 14, 0)) + 10 });
  await page.getByTestId('calendar-move-reason').locator('textarea').fill('商户要求改到下午');
  await page.getByTestId('calendar-move').getByRole('button', { name: '确定' }).click();
  await expect(booked).toContainText('14:00–15:00');
  expect((await calendarOf(page)).map((a) => [a.caseId, a.start, a.version])).toEqual([[caseId, '2026-12-07T06:00:00.000Z', 2]]);

  // The engineer signs in on the same laptop: a temporary password, changed at once.
  await page.getByTestId('sign-out').click();
  await signInThroughUi(page, engineer.username, temporaryPassword);
  await page.getByTestId('change-password-screen').waitFor();
  await fillInput(page, 'new-password', engineer.password);
  await fillInput(page, 'confirm-password', engineer.password);
  await page.getByTestId('change-password-submit').click();
  await page.getByTestId('header-user').waitFor();

  await page.getByTestId('nav-today').click();
  await page.getByTestId('today-page').waitFor();
  const entry = page.locator('[data-testid^="today-entry-"]');
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('today-span')).toHaveText('14:00–15:00');
  await expect(entry.getByTestId('today-merchant')).toHaveText(merchant.shortName);
  await expect(entry.getByTestId('today-serial')).toHaveText(terminal.serial);
  await page.screenshot({ path: testInfo.outputPath('story-today.zh-CN.png'), fullPage: true });
  await entry.getByTestId('today-open').click();
  await page.getByTestId('onsite-page').waitFor();
  await expect(page.getByTestId('onsite-visit')).toHaveAttribute('data-case-id', caseId);
  await expect(page.getByTestId('bank-template')).toContainText('Acquirer B');
  await expect(page.getByTestId('merchant-name').locator('input')).toHaveValue(merchant.shortName);
  await expect(page.getByTestId('merchant-tid').locator('input')).toHaveValue(terminal.tid);
  await expect(page.getByTestId('merchant-mid').locator('input')).toHaveValue(terminal.mid);
  await expect(page.getByTestId('expected-serial').locator('input')).toHaveValue(terminal.serial);
  await expect(page.getByTestId('expected-tid').locator('input')).toHaveValue(terminal.tid);
  await expect(page.getByTestId('expected-model').locator('input')).toHaveValue('A920');
  await expect(page.getByTestId('work-order-ref').locator('input')).toHaveValue(caseId);
  await page.screenshot({ path: testInfo.outputPath('story-onsite-filled.zh-CN.png'), fullPage: true });
});
