import { readFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { englishOnPage } from '../support/ascii-sentences';
import { expect, harnessAdmin, test } from '../support/harness';
import { callAs } from '../../integration/support/main-context';
import type { SenderInfo } from '../../../electron/main/ipc/router';
import { seedReportDataSet } from '../../integration/reports/report-fixture';
import type { MainContext } from '../../../electron/main/main-context';

// The Reports page (issue 11 point 4) in Chromium over the real main process: the known data set
// of tests/integration/reports, charts with their numbers beside them in both languages, the CSV
// (BOM first), the compliance review for admins, and who sees the page: a desk lead yes, a desk
// operator not (nor the compliance review as a lead).
// The desk's days are the machine's zone: Shanghai, as the data set's hand-worked figures are.
test.use({ timezoneId: 'Asia/Shanghai' });

const lead = { username: 'lead.zhou', password: 'lead.zhou lamp green 77' };

async function photograph(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** Engineers with profiles, the data set, a desk lead and a plain desk operator, made through main as an admin window. */
async function seed(main: MainContext, appUrl: string): Promise<void> {
  // Windows of the app as main trusts them (the harness checks the frame's URL).
  const window = (id: string): SenderInfo => ({ url: `${appUrl}/index.html`, id });
  const admin = window('seed-admin');
  await callAs(main, admin, 'auth:sign-in', { username: harnessAdmin.username, password: harnessAdmin.password });
  const signInNewOperator = async (username: string, role: 'desk' | 'engineer') => {
    const made = (await callAs(main, admin, 'operators:create', { username, displayName: username, role })) as { temporaryPassword: string; operator: { id: number } };
    const own = window(username);
    await callAs(main, own, 'auth:sign-in', { username, password: made.temporaryPassword });
    await callAs(main, own, 'auth:replace-temporary-password', { newPassword: `${username} lamp green 77` });
    return { operatorId: made.operator.id };
  };
  const engineers: string[] = [];
  for (const username of ['eng.1', 'eng.2']) {
    const { operatorId } = await signInNewOperator(username, 'engineer');
    const hours = { start: '09:00', end: '18:00' };
    const week = { 1: [hours], 2: [hours], 3: [hours], 4: [hours], 5: [hours], 6: [], 7: [] };
    const profile = (await callAs(main, admin, 'desk:save-engineer', { base: null, record: { operatorId, skills: ['PAX'], areas: ['310115'], timeZone: 'Asia/Shanghai', hours: week, absences: [] } })) as { id: string };
    engineers.push(profile.id);
  }
  const reference = (await callAs(main, admin, 'desk:reference', {})) as { models: { id: string; vendor: string; model: string }[] };
  const modelIds = Object.fromEntries(reference.models.map((m) => [`${m.vendor} ${m.model}`, m.id]));
  seedReportDataSet(main.database.current(), modelIds, [engineers[0]!, engineers[1]!]);
  const made = await signInNewOperator(lead.username, 'desk');
  await callAs(main, admin, 'operators:update', { id: made.operatorId, deskLead: true });
  await signInNewOperator('li.desk', 'desk');
}

async function showPeriod(page: Page, from: string, to: string): Promise<void> {
  const picker = page.getByTestId('reports-period');
  await picker.locator('input').first().fill(from);
  await picker.locator('input').nth(1).fill(to);
  await page.keyboard.press('Enter');
  await page.getByTestId('reports-show').click();
  await expect(page.getByTestId('report-outcomes-table')).toContainText(from);
}

// Data, not UI words: sample bank names, models, engineers' usernames, the zone, units ECharts leaves.
const dataWords = ['Acquirer B (sample)', 'Acquirer C (sample)', 'PAX A920', 'PAX A930', 'eng.1', 'eng.2', 'Asia/Shanghai', 'CSV', 'PAX', 'A920', 'A930', 'Acquirer', 'sample'];

test('the Reports page shows the known figures with their tables in zh-CN and en-US, exports CSV, and admits leads and admins only', async ({ openApp, main, appUrl }, testInfo) => {
  // Two languages, three sign-ins and a download on a shared, loaded machine.
  test.slow();
  const page = await openApp('settings');
  await seed(main, appUrl);
  await page.goto(`${page.url().split('#')[0]}#/reports`);
  await page.getByTestId('reports-page').waitFor();
  await showPeriod(page, '2026-11-02', '2026-12-13');
  await expect(page.getByTestId('reports-granularity')).toContainText('按周');
  // The numbers behind the outcomes chart, and the summary figures, as worked out by hand.
  await expect(page.getByTestId('report-outcomes-table').locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('report-outcomes-table').locator('tbody tr').nth(2)).toContainText('2026-11-16');
  await expect(page.getByTestId('report-outcomes-table').locator('tbody tr').last()).toHaveText(/合计\s*2\s*1\s*2/);
  await expect(page.getByTestId('report-ftf')).toContainText('40%');
  await expect(page.getByTestId('report-onsite')).toContainText('53 分钟');
  await expect(page.getByTestId('report-byCause-table')).toContainText('无法连接新银行主机');
  await expect(page.getByTestId('report-byCause-table')).toContainText('已恢复原银行');
  await expect(page.getByTestId('report-byEngineer-table')).toContainText('eng.2');
  // The charts are drawn as SVG with the page's words in them (legend in Chinese).
  await expect(page.getByTestId('report-outcomes-chart').locator('svg')).toBeVisible();
  await expect(page.getByTestId('report-outcomes-chart').locator('svg text', { hasText: '完成' }).first()).toBeAttached();
  await expect(page.getByTestId('report-byModel-chart').locator('svg text', { hasText: 'PAX A930' }).first()).toBeAttached();

  // The compliance review (admins): the chain intact, the lead made in the period listed.
  await page.getByTestId('compliance-show').click();
  await expect(page.getByTestId('compliance-chain')).toContainText('完整');
  await expect(page.getByTestId('compliance-operators')).toContainText('lead.zhou');
  expect(await englishOnPage(page, dataWords)).toEqual([]);
  await photograph(page, testInfo, 'reports-zh-CN');

  const download = page.waitForEvent('download');
  await page.getByTestId('reports-export').click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv.startsWith('\uFEFF统计报表 2026-11-02 – 2026-12-13')).toBe(true);
  expect(csv).toContain('合计,2,1,2\r\n');
  expect(csv).toContain('无法连接新银行主机,1\r\n');

  // English: the same figures, every word switched, the chart's legend too.
  const switched = await page.evaluate(() => window.rebind.invoke('preferences:update', { language: 'en-US' }));
  expect(switched.ok).toBe(true);
  await page.reload();
  await page.getByTestId('reports-page').waitFor();
  await showPeriod(page, '2026-11-02', '2026-12-13');
  await expect(page.getByTestId('reports-granularity')).toContainText('by week');
  await expect(page.getByTestId('report-onsite')).toContainText('53 min');
  await expect(page.getByTestId('report-outcomes-chart').locator('svg text', { hasText: 'Completed' }).first()).toBeAttached();
  await expect(page.getByTestId('report-byCause-table')).toContainText("The new bank's host cannot be reached");
  expect(await page.locator('body').innerText()).not.toMatch(/[\u4e00-\u9fff]/);
  await photograph(page, testInfo, 'reports-en-US');

  // A desk lead sees the page in the menu, without the compliance review; a desk operator sees neither.
  await page.evaluate(() => window.rebind.invoke('auth:sign-out', {}));
  const signedIn = await page.evaluate((who) => window.rebind.invoke('auth:sign-in', who), lead);
  expect(signedIn.ok).toBe(true);
  await page.goto(`${page.url().split('#')[0]}#/reports`);
  await page.reload();
  await page.getByTestId('reports-page').waitFor();
  await expect(page.getByTestId('nav-reports')).toBeVisible();
  await expect(page.getByTestId('report-outcomes-table')).toBeVisible();
  await expect(page.getByTestId('compliance')).toHaveCount(0);
  await page.evaluate(() => window.rebind.invoke('auth:sign-out', {}));
  const desk = await page.evaluate(() => window.rebind.invoke('auth:sign-in', { username: 'li.desk', password: 'li.desk lamp green 77' }));
  expect(desk.ok).toBe(true);
  await page.goto(`${page.url().split('#')[0]}#/merchants`);
  await page.reload();
  await page.getByTestId('merchants-page').waitFor();
  await expect(page.getByTestId('nav-reports')).toHaveCount(0);
});
