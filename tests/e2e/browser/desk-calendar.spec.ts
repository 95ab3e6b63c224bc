import type { Page } from '@playwright/test';
import { expect, test } from '../support/harness';
import { call, ensureSamples, seedBookableCase, seedEngineers } from '../support/desk-booking-seed';
import { dragBetween, xOf, yOf } from '../support/calendar-pointer';

// Monday 7 December 2026, 08:00 in Shanghai, on main's clock and the page's: the first free slot of
// the sample bank acquirer-b (Mon–Fri 09:00–12:00, 13:30–18:00) is 09:00 that day.
const now = new Date('2026-12-07T00:00:00.000Z');
const paperwork = { receivedOn: '2026-12-01', signedOn: '2026-12-02' };
// Tall enough that the day's hours up to 17:00 are on screen: a drag near the edge would scroll the page under the pointer.
test.use({ timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 1100 } });

interface Stored {
  id: string;
  start: string;
  end: string;
  engineerId: string;
  version: number;
}
const appointmentsOn = async (page: Page, engineerIds: string[]) =>
  (await call<{ appointments: Stored[] }>(page, 'desk:calendar', { from: '2026-12-06T16:00:00.000Z', to: '2026-12-13T16:00:00.000Z', engineerIds })).appointments;

test('the desk books a slot, is refused a double booking in Chinese, drags the appointment to move it, and a refused or stale move goes back', async ({ page, openApp, clock, appUrl }, testInfo) => {
  test.setTimeout(180_000);
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => cspViolations.push(`page error: ${e.message}`));
  clock.advance(now.getTime() - Date.now());
  await page.clock.setFixedTime(now);
  await openApp('settings');
  await ensureSamples(page);
  const [sun, zhou] = await seedEngineers(page, ['孙工程师', '周工程师']);
  const first = await seedBookableCase(page, 1, paperwork);
  const second = await seedBookableCase(page, 2, paperwork);

  // The case page links here; the calendar says which case, in which zone, and proposes the next free slots.
  await page.goto(`${appUrl}#/calendar?case=${first.caseId}`);
  await expect(page.getByTestId('calendar-booking-title')).toHaveText(`为工单预约上门：${first.merchantName}`);
  await expect(page.getByTestId('calendar-booking-zone')).toHaveText('预约按目标银行的时区 Asia/Shanghai 记录。');
  await expect(page.getByTestId('calendar-zone-line')).toHaveText('时间按 Asia/Shanghai（UTC+08:00）显示');
  await page.getByTestId('calendar-find-slots').click();
  await expect(page.getByTestId('calendar-slot-0')).toContainText('孙工程师 · 2026-12-07 09:00–10:00');
  await page.getByTestId('calendar-slot-0-book').click();
  await expect(page.locator('.n-message', { hasText: '已预约：孙工程师，2026-12-07 09:00–10:00。' })).toBeVisible();
  const booked = page.locator('.ec-event', { hasText: first.merchantName });
  await expect(booked).toContainText('已预约 · 已确认');
  await expect(booked).toHaveClass(/appointment-confirmed/);
  expect((await appointmentsOn(page, [sun!.id])).map((a) => a.start)).toEqual(['2026-12-07T01:00:00.000Z']);
  await page.screenshot({ path: testInfo.outputPath('calendar-week-zh-CN.png'), fullPage: true });
  await page.getByRole('button', { name: '月', exact: true }).click();
  await expect(page.locator('.ec-title')).toHaveText('2026年12月');
  await page.screenshot({ path: testInfo.outputPath('calendar-month-zh-CN.png'), fullPage: true });

  // A second bookable case, booked by selecting 09:30–10:30 in the same engineer's column: refused, in Chinese, naming the clash.
  await page.goto(`${appUrl}#/calendar?case=${second.caseId}`);
  await expect(page.getByTestId('calendar-booking-title')).toHaveText(`为工单预约上门：${second.merchantName}`);
  await page.getByRole('button', { name: '日', exact: true }).click();
  await expect(page.locator('.ec-title')).toHaveText('2026年12月7日');
  const sunX = await xOf(page, '孙工程师');
  // Upwards from the free half hour after it, so the press lands beside the booked appointment, not on it.
  await dragBetween(page, { x: sunX, y: await yOf(page, '2026-12-07', 10, 15) }, { x: sunX, y: await yOf(page, '2026-12-07', 9, 45) });
  const confirm = page.getByTestId('calendar-confirm-booking');
  await expect(confirm).toContainText('孙工程师，2026-12-07 09:30–10:30（Asia/Shanghai）');
  await confirm.getByRole('button', { name: '预约' }).click();
  const refusal = page.getByTestId('calendar-refusal');
  await expect(refusal).toContainText('未能预约，原因如下：');
  await expect(refusal.locator('[data-reason="booking-engineer-double-booked"]')).toHaveText('孙工程师在 2026-12-07 09:00 至 2026-12-07 10:00（Asia/Shanghai）已有预约，不能再约同一时间：请选择其他时段或其他工程师。');
  await expect(page.getByTestId('calendar-clash')).toHaveText(`冲突的预约：${first.merchantName}，2026-12-07 09:00–10:00。`);
  expect(await appointmentsOn(page, [sun!.id, zhou!.id])).toHaveLength(1);
  await page.screenshot({ path: testInfo.outputPath('calendar-refusal-zh-CN.png'), fullPage: true });
  await page.screenshot({ path: testInfo.outputPath('calendar-day-zh-CN.png'), fullPage: true });

  // Drag the first appointment from 09:00 to 14:00: the reason is asked, then it moves.
  const x = await xOf(page, '孙工程师');
  await dragBetween(page, { x, y: (await yOf(page, '2026-12-07', 9, 0)) + 10 }, { x, y: (await yOf(page, '2026-12-07', 14, 0)) + 10 });
  const prompt = page.getByTestId('calendar-move');
  await expect(prompt).toContainText(`${first.merchantName}：2026-12-07 09:00–10:00 → 2026-12-07 14:00–15:00`);
  await prompt.getByRole('button', { name: '确定' }).click();
  await expect(prompt).toContainText('请写明原因，至少 4 个字。');
  await page.getByTestId('calendar-move-reason').locator('textarea').fill('商户要求改到下午');
  await prompt.getByRole('button', { name: '确定' }).click();
  await expect(page.locator('.n-message', { hasText: `已改期：${first.merchantName}，2026-12-07 14:00–15:00。` })).toBeVisible();
  await expect(booked).toContainText('14:00–15:00');
  let stored = await appointmentsOn(page, [sun!.id]);
  expect(stored.map((a) => [a.start, a.end, a.version])).toEqual([['2026-12-07T06:00:00.000Z', '2026-12-07T07:00:00.000Z', 2]]);

  // Into the bank's lunch break (12:00–13:30): refused with the gate's reason, and the appointment goes back.
  await dragBetween(page, { x, y: (await yOf(page, '2026-12-07', 14, 0)) + 10 }, { x, y: (await yOf(page, '2026-12-07', 12, 30)) + 10 });
  await page.getByTestId('calendar-move-reason').locator('textarea').fill('试试午休时间');
  await prompt.getByRole('button', { name: '确定' }).click();
  await expect(refusal).toContainText('未能改期，原因如下：');
  await expect(refusal.locator('[data-reason="booking-outside-bank-windows"]')).toContainText('不在Acquirer B (sample) 2026-12-07 的办理时段内');
  await expect(booked).toContainText('14:00–15:00');
  expect((await appointmentsOn(page, [sun!.id]))[0]!.version).toBe(2);

  // Someone else moves it meanwhile: the page's version is stale, the move is refused and the calendar reloads.
  await call(page, 'desk:reschedule', { appointmentId: stored[0]!.id, version: 2, zone: 'Asia/Shanghai', slot: { start: '2026-12-07T07:00:00.000Z', end: '2026-12-07T08:00:00.000Z' }, reason: '电话改约下午三点' });
  await dragBetween(page, { x, y: (await yOf(page, '2026-12-07', 14, 0)) + 10 }, { x, y: (await yOf(page, '2026-12-07', 16, 0)) + 10 });
  await page.getByTestId('calendar-move-reason').locator('textarea').fill('再往后挪一点');
  await prompt.getByRole('button', { name: '确定' }).click();
  await expect(page.locator('.n-message', { hasText: '这个预约刚被他人修改：日历已刷新，请重新操作。' })).toBeVisible();
  await expect(booked).toContainText('15:00–16:00');
  stored = await appointmentsOn(page, [sun!.id]);
  expect(stored.map((a) => [a.start, a.version])).toEqual([['2026-12-07T07:00:00.000Z', 3]]);

  // The details, with the link to its case and Cancel.
  await booked.click();
  const details = page.getByTestId('appointment-details');
  await expect(details.getByTestId('appointment-time')).toHaveText('2026-12-07 15:00–16:00（Asia/Shanghai）');
  await expect(details.getByTestId('appointment-open-case')).toHaveAttribute('href', `#/cases/${first.caseId}`);
  await page.keyboard.press('Escape');

  // The same in English: the refusal, the day, week and month views.
  await call(page, 'preferences:update', { language: 'en-US' });
  await page.reload();
  await expect(page.getByTestId('calendar-booking-title')).toHaveText(`Booking a visit for: ${second.merchantName}`);
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await dragBetween(page, { x, y: await yOf(page, '2026-12-07', 16, 15) }, { x, y: await yOf(page, '2026-12-07', 15, 45) });
  await page.getByTestId('calendar-confirm-booking').getByRole('button', { name: 'Book' }).click();
  await expect(refusal.locator('[data-reason="booking-engineer-double-booked"]')).toHaveText('孙工程师 already has an appointment from 2026-12-07 15:00 to 2026-12-07 16:00 (Asia/Shanghai).');
  await page.screenshot({ path: testInfo.outputPath('calendar-refusal-en-US.png'), fullPage: true });
  await page.screenshot({ path: testInfo.outputPath('calendar-day-en-US.png'), fullPage: true });
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await expect(page.locator('.ec-title')).toContainText('Dec');
  await page.screenshot({ path: testInfo.outputPath('calendar-week-en-US.png'), fullPage: true });
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  await expect(page.locator('.ec-title')).toHaveText('December 2026');
  await page.screenshot({ path: testInfo.outputPath('calendar-month-en-US.png'), fullPage: true });

  // A busy day in the week rows is one box with its count and span; it opens the day, where each appointment is drawn.
  const third = await seedBookableCase(page, 3, paperwork);
  for (const [caseId, time] of [[second.caseId, '09:00'], [third.caseId, '11:00']] as const) {
    const answer = await call<{ booked: boolean }>(page, 'desk:book', { caseId, engineerId: sun!.id, zone: 'Asia/Shanghai', slot: { date: '2026-12-07', time, durationMinutes: 60 } });
    expect(answer.booked).toBe(true);
  }
  await page.reload();
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  const busy = page.getByTestId('day-summary-2026-12-07');
  await expect(busy).toHaveText('3 appointments09:00–16:00');
  await expect(page.locator('.ec-event.appointment')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('calendar-week-busy-en-US.png'), fullPage: true });
  await busy.click();
  await expect(page.getByRole('button', { name: 'Day', exact: true })).toHaveClass(/ec-active/);
  await expect(page.locator('.ec-event.appointment')).toHaveCount(3);
  await expect(page.locator('.ec-event.appointment', { hasText: first.merchantName })).toContainText(/15:00\s*–\s*16:00/);

  expect(cspViolations).toEqual([]);
});
