import type { Page, TestInfo } from '@playwright/test';
import { englishOnPage, englishRunsIn, type AsciiSentence } from '../support/ascii-sentences';
import { createFirstAdminThroughUi, fillInput, signInThroughUi } from '../support/auth-steps';
import { seedMerchantWithTerminal } from '../support/desk-case-seed';
import { expect, test } from '../support/harness';
import { totpCode } from '../support/totp';

// A zh-CN pass over every screen: each one, in the states a newcomer meets it in, must show no
// English sentence (two or more ASCII words in a row); names, codes, numbers, paths and versions
// are fine. Every screen is photographed in both languages, to be looked at.

// Each test opens a fresh app on its own data directory, so two workers may run them side by side.
test.describe.configure({ mode: 'parallel' });

const admin = { username: 'zhao.admin', displayName: '赵管理员', password: 'blue terminal 42' };
const desk = { username: 'qian.desk', displayName: '钱服务台', password: 'desk lamp green 7' };
const engineer = { username: 'sun.field', displayName: '孙工程师', password: 'field engineer 2026' };

/** Names and commands in Latin letters: the bank templates, the product, the CLI's commands. */
const dataNames = ['Acquirer A', 'Acquirer B', 'Acquirer C', 'Demo Terminal', 'RebindDesk', 'rebind audit verify', 'rebind run', 'rebind recover'];

/**
 * Places whose text is not the app's to translate: what the terminal itself printed (the test
 * receipt), and the link layer's notes, which main still writes in English. Each is printed with
 * the run. The engine's outcome, step errors and decisions are reason codes and are checked.
 */
const notTranslatedHere: Record<string, string> = {
  receipt: 'the test receipt is what the terminal printed',
  'log-line': "the link log's notes are main's English until link notes are reason codes",
  'audit-summary': "the audit log shows the English the journal recorded for a step's error (hash-chained entries; saying them by code is the audit page's)",
};

/** Checks the screen now shown and photographs it; findings are kept per screen for one report. */
async function checkScreen(page: Page, testInfo: TestInfo, screen: string, findings: Map<string, AsciiSentence[]>): Promise<void> {
  await page.waitForLoadState('networkidle');
  const found = await englishOnPage(page, dataNames);
  const left = found.filter((f) => notTranslatedHere[f.where] !== undefined);
  for (const where of new Set(left.map((f) => f.where))) {
    testInfo.annotations.push({ type: 'not checked', description: `${screen}: ${where} (${notTranslatedHere[where]})` });
    console.log(`[zh-CN pass] ${screen}: not checked: ${where}, because ${notTranslatedHere[where]}`);
  }
  findings.set(screen, found.filter((f) => notTranslatedHere[f.where] === undefined));
  await page.screenshot({ path: testInfo.outputPath(`${screen}.zh-CN.png`), fullPage: true });
}

/**
 * Photographs the same screen in English, to be looked at beside the Chinese one, and switches
 * back: through the screen's own switch around sign-in, else through Settings and back to `appPage`
 * (the page keeps its state in its store).
 */
async function photographInEnglish(page: Page, testInfo: TestInfo, screen: string, appPage: string | null): Promise<void> {
  const to = async (language: 'en-US' | 'zh-CN') => {
    if (appPage) {
      await page.getByTestId('nav-settings').click();
      await page.getByTestId(`language-${language}`).click();
      await page.getByTestId(`nav-${appPage}`).click();
      await page.getByTestId(`${appPage}-page`).waitFor();
    } else {
      await page.getByTestId(`screen-language-${language}`).click();
    }
    await expect(page.locator('html')).toHaveAttribute('lang', language);
  };
  await to('en-US');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: testInfo.outputPath(`${screen}.en-US.png`), fullPage: true });
  await to('zh-CN');
}

function expectNoEnglish(findings: Map<string, AsciiSentence[]>): void {
  for (const [screen, found] of findings) {
    expect.soft(found.map((f) => `${f.where}: "${f.words}" in "${f.text}"`), `English sentences on ${screen}`).toEqual([]);
  }
}

test('the checker finds English sentences, also glued to Chinese, and lets names, codes, paths and versions be', () => {
  expect(englishRunsIn('请先连接终端。Connect a terminal first.')).toEqual(['Connect a terminal first.']);
  expect(englishRunsIn('输入无效：Invalid input for auth:create-first-admin at "username"')).toEqual(['Invalid input for', 'at "username"']);
  expect(englishRunsIn('版本 0.1.0，数据库 /tmp/rebinddesk-e2e-x/rebinddesk.sqlite，A001 TID，operator.password-reset，PAX A920，SHA-256')).toEqual([]);
  expect(englishRunsIn('终端 Demo Terminal 已连接', dataNames)).toEqual([]);
  expect(englishRunsIn('Wrong username or password.')).toEqual(['Wrong username or password.']);
  expect(englishRunsIn('PS2M FYCC MPLL YYBG，A0 BE BF，TID MID')).toEqual([]);
});

test('the checker sees visible text only, with where it sits', async ({ page }) => {
  await page.setContent('<p data-testid="shown">请先 Connect a terminal</p><p hidden>Hidden English words</p><input placeholder="Type a name">');
  const found = await englishOnPage(page);
  expect(found.map((f) => [f.where, f.words])).toEqual([
    ['shown', 'Connect a terminal'],
    ['input[placeholder]', 'Type a name'],
  ]);
});

test('pre-sign-in screens in zh-CN: first start, sign-in, the code step, the forced password change, enrolment, the lock screen', async ({ openFresh, clock }, testInfo) => {
  test.setTimeout(180_000);
  const findings = new Map<string, AsciiSentence[]>();
  const page = await openFresh();
  await page.getByTestId('first-admin-screen').waitFor();
  await checkScreen(page, testInfo, 'first-start', findings);
  await photographInEnglish(page, testInfo, 'first-start', null);
  await createFirstAdminThroughUi(page, admin);

  // A desk user who must enrol a second factor, and an admin who has one.
  const made = await page.evaluate(async (who) => {
    const policy = await window.rebind.invoke('security:policy-update', { twoFactorRequired: { desk: true } });
    const created = await window.rebind.invoke('operators:create', { username: who.username, displayName: who.displayName, role: 'desk' });
    const enrolment = await window.rebind.invoke('two-factor:begin', {});
    return { policy, created, enrolment };
  }, desk);
  expect(made.policy.ok && made.created.ok && made.enrolment.ok, JSON.stringify(made)).toBe(true);
  const temporary = (made.created as { value: { temporaryPassword: string } }).value.temporaryPassword;
  const secret = (made.enrolment as { value: { secretBase32: string } }).value.secretBase32;
  const confirmed = await page.evaluate((code) => window.rebind.invoke('two-factor:confirm', { code }), totpCode(secret, clock.now()));
  expect(confirmed.ok, JSON.stringify(confirmed)).toBe(true);

  await page.evaluate(() => window.rebind.invoke('auth:lock', {}));
  await page.reload();
  await page.getByTestId('lock-screen').waitFor();
  await checkScreen(page, testInfo, 'lock', findings);
  await fillInput(page, 'unlock-password', admin.password);
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('header-user').waitFor();

  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-screen').waitFor();
  await checkScreen(page, testInfo, 'sign-in', findings);
  await photographInEnglish(page, testInfo, 'sign-in', null);
  // The dark theme reaches the screens outside the app frame too: the page itself turns dark.
  await page.getByTestId('screen-theme-dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The body's colour fades in (naive-ui's global style has a transition), so it is polled until it
  // settles dark; a page that stays white fails when the poll gives up.
  const brightest = async () => {
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    return Math.max(...(background.match(/\d+/g) ?? ['255', '255', '255']).slice(0, 3).map(Number));
  };
  await expect.poll(brightest, { message: 'the body background turns dark', timeout: 5_000 }).toBeLessThan(80);
  await page.screenshot({ path: testInfo.outputPath('sign-in.dark.png'), fullPage: true });
  await page.getByTestId('screen-theme-system').click();
  await signInThroughUi(page, admin.username, admin.password);
  await page.getByTestId('sign-in-code-screen').waitFor();
  await checkScreen(page, testInfo, 'sign-in-code', findings);
  await page.reload();

  await signInThroughUi(page, desk.username, temporary);
  await page.getByTestId('change-password-screen').waitFor();
  await checkScreen(page, testInfo, 'forced-password-change', findings);
  await photographInEnglish(page, testInfo, 'forced-password-change', null);
  const changed = await page.evaluate((pw) => window.rebind.invoke('auth:replace-temporary-password', pw), { newPassword: desk.password });
  expect(changed.ok, JSON.stringify(changed)).toBe(true);
  await page.reload();
  await page.getByTestId('enrol-screen').waitFor();
  await checkScreen(page, testInfo, 'forced-enrolment', findings);
  await photographInEnglish(page, testInfo, 'forced-enrolment', null);

  expectNoEnglish(findings);
});

/** Opens the page named by its nav test id and waits for it to be shown. */
async function goTo(page: Page, target: string): Promise<void> {
  await page.getByTestId(`nav-${target}`).click();
  await page.getByTestId(`${target}-page`).waitFor();
}

test('the desk\'s pages in zh-CN, as an admin: settings, operators, reference data, merchants, import, cases, calendar, today', async ({ openFresh }, testInfo) => {
  // Fifteen-odd screens, each photographed in both languages: minutes on the loaded build machine.
  test.setTimeout(420_000);
  const findings = new Map<string, AsciiSentence[]>();
  const page = await openFresh();
  await createFirstAdminThroughUi(page, admin);
  const go = (target: string) => goTo(page, target);

  await go('settings');
  await checkScreen(page, testInfo, 'settings', findings);
  await photographInEnglish(page, testInfo, 'settings', 'settings');

  await go('operators');
  await fillInput(page, 'new-operator-username', engineer.username);
  await fillInput(page, 'new-operator-display-name', engineer.displayName);
  await page.getByTestId('new-operator-role-engineer').click();
  await page.getByTestId('new-operator-submit').click();
  await page.getByTestId('temporary-password').waitFor();
  await checkScreen(page, testInfo, 'operators-temporary-password', findings);
  await page.getByTestId('temporary-done').click();
  await checkScreen(page, testInfo, 'operators', findings);
  await photographInEnglish(page, testInfo, 'operators', 'operators');

  // Bank notices are the bank's own words (the samples' are in Chinese, as the banks announce them).
  await go('reference');
  await checkScreen(page, testInfo, 'reference', findings);
  await photographInEnglish(page, testInfo, 'reference', 'reference');

  // Merchants (an empty search, the form with its field messages) and the CSV import and export.
  await go('merchants');
  await checkScreen(page, testInfo, 'merchants', findings);
  await page.getByTestId('merchant-new').click();
  await fillInput(page, 'mf-uscc', '91350100M000100Y44');
  await fillInput(page, 'mf-shortName', '示例便利店');
  await page.getByTestId('merchant-form-save').click();
  await expect(page.getByTestId('mf-uscc-feedback')).toBeVisible();
  await checkScreen(page, testInfo, 'merchant-form', findings);
  await page.getByTestId('merchant-form-cancel').click();
  await photographInEnglish(page, testInfo, 'merchants', 'merchants');
  await go('import');
  await checkScreen(page, testInfo, 'import', findings);
  await photographInEnglish(page, testInfo, 'import', 'import');

  // The cases list, the new-case dialog and a case's page, over one case opened through the bridge.
  const seeded = await seedMerchantWithTerminal(page, 77);
  const opened = await page.evaluate((terminalId) => window.rebind.invoke('desk:case-open', { terminalId, targetBank: 'acquirer-b' }), seeded.terminalId);
  expect(opened.ok, JSON.stringify(opened)).toBe(true);
  await go('cases');
  await page.getByTestId(`case-row-${seeded.serial}`).waitFor();
  await checkScreen(page, testInfo, 'cases', findings);
  await photographInEnglish(page, testInfo, 'cases', 'cases');
  await page.getByTestId('cases-new').click();
  await fillInput(page, 'new-case-find-text', seeded.serial);
  await page.getByTestId('new-case-find').click();
  await page.getByTestId(`new-case-terminal-${seeded.serial}`).click();
  await page.getByTestId('case-candidates').waitFor();
  await checkScreen(page, testInfo, 'new-case-dialog', findings);
  await page.keyboard.press('Escape');
  await page.getByTestId(`case-row-${seeded.serial}`).click();
  await page.getByTestId('case-gate').waitFor();
  await checkScreen(page, testInfo, 'case', findings);

  // The calendar as a new install meets it (no engineer profile yet), then with one engineer's row.
  await go('calendar');
  await checkScreen(page, testInfo, 'calendar-empty', findings);
  await page.evaluate(async (username) => {
    const operators = await window.rebind.invoke('operators:list', {});
    const id = operators.ok ? (operators.value as { operators: { id: number; username: string }[] }).operators.find((o) => o.username === username)?.id : undefined;
    const weekday = [{ start: '09:00', end: '18:00' }];
    const saved = await window.rebind.invoke('desk:save-engineer', { base: null, record: { operatorId: id, skills: ['PAX'], areas: ['310115'], timeZone: 'Asia/Shanghai', hours: { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday, 6: [], 7: [] }, absences: [] } });
    if (!saved.ok) throw new Error(saved.error.message);
  }, engineer.username);
  await page.reload();
  await expect(page.locator('.ec-row-head', { hasText: engineer.displayName })).toBeVisible();
  await checkScreen(page, testInfo, 'calendar', findings);
  await photographInEnglish(page, testInfo, 'calendar', 'calendar');

  // Today for an admin without an engineer profile: what to do, said in Chinese.
  await go('today');
  await expect(page.getByTestId('today-failure')).toContainText('工程师档案');
  await checkScreen(page, testInfo, 'today-no-profile', findings);
  await photographInEnglish(page, testInfo, 'today-no-profile', 'today');

  expectNoEnglish(findings);
});

test('the engineer\'s pages in zh-CN, as an admin: terminal, on-site with a refused and a finished run, audit', async ({ openFresh }, testInfo) => {
  test.setTimeout(420_000);
  const findings = new Map<string, AsciiSentence[]>();
  const page = await openFresh();
  await createFirstAdminThroughUi(page, admin);
  const go = (target: string) => goTo(page, target);

  await go('terminal');
  await checkScreen(page, testInfo, 'terminal', findings);
  await page.getByTestId('port-demo:terminal').click();
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('connection-status')).toHaveText('已连接');
  await page.getByTestId('read-batch').click();
  await expect(page.getByTestId('batch-count')).toHaveText(/^\d+$/);
  await page.getByTestId('read-params').click();
  await page.getByTestId('param-A001').waitFor();
  await checkScreen(page, testInfo, 'terminal-connected', findings);
  await photographInEnglish(page, testInfo, 'terminal-connected', 'terminal');

  await go('onsite');
  await checkScreen(page, testInfo, 'onsite', findings);
  await page.getByTestId('bank-template').click();
  await page.locator('.n-base-select-option', { hasText: 'Acquirer B' }).click();
  // A value the terminal would refuse: the form names the field and says what it must be.
  await fillInput(page, 'merchant-tid', '1234');
  await expect(page.locator('.n-form-item-feedback__line', { hasText: '终端号' })).toBeVisible();
  await checkScreen(page, testInfo, 'onsite-field-check', findings);
  await photographInEnglish(page, testInfo, 'onsite-field-check', 'onsite');
  await page.getByTestId('fill-from-terminal').click();
  await expect(page.getByTestId('merchant-tid').locator('input')).toHaveValue(/^[A-Za-z0-9]{8}$/);

  // A refused start (the work order names another terminal): the outcome's lines are Chinese.
  await fillInput(page, 'expected-serial', '1170000000');
  await page.getByTestId('start-rebind').click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', 'refused', { timeout: 90_000 });
  await expect(page.getByTestId('step-identify')).toHaveAttribute('data-status', 'failed');
  await checkScreen(page, testInfo, 'onsite-refused', findings);
  await photographInEnglish(page, testInfo, 'onsite-refused', 'onsite');
  await fillInput(page, 'expected-serial', '');

  await page.getByTestId('start-rebind').click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', /.+/, { timeout: 90_000 });
  await checkScreen(page, testInfo, 'onsite-outcome', findings);
  await photographInEnglish(page, testInfo, 'onsite-outcome', 'onsite');

  await go('audit');
  await page.getByTestId('audit-verify').click();
  await page.getByTestId('audit-verify-result').waitFor();
  await checkScreen(page, testInfo, 'audit', findings);
  await photographInEnglish(page, testInfo, 'audit', 'audit');

  expectNoEnglish(findings);
});
