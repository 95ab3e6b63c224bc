import type { Page } from '@playwright/test';
import { addOperatorThroughBridge } from '../support/auth-steps';
import { connectDemoTerminal } from '../support/app-steps';
import { expect, test } from '../support/harness';

// An engineer (created by the harness admin through the bridge) runs rebinds from the On-site
// view against the built-in demo terminal, with the real main-process engine and journal.
const engineer = { username: 'wang.gong', displayName: 'Wang Gong', password: 'field engineer 2026' };

async function signInAsEngineer(page: Page, appUrl: string): Promise<void> {
  const result = await addOperatorThroughBridge(page, engineer, 'engineer');
  expect(result.ok, JSON.stringify(result)).toBe(true);
  await page.goto(`${appUrl}#/terminal`);
  await page.reload();
  await page.getByTestId('terminal-page').waitFor();
}

async function fillRebindForm(page: Page, bank: string): Promise<void> {
  await page.getByTestId('bank-template').click();
  await page.locator('.n-base-select-option', { hasText: bank }).click();
  await page.getByTestId('fill-from-terminal').click();
  await expect(page.getByTestId('merchant-tid').locator('input')).toHaveValue(/^[A-Za-z0-9]{8}$/);
  await page.getByTestId('expected-serial').locator('input').fill('1170012345');
  await page.getByTestId('expected-model').locator('input').fill('A920');
}

test('an engineer rebinds the demo terminal, then a run with the bank host down ends restored', async ({ openApp, appUrl, main }, testInfo) => {
  test.setTimeout(120_000);
  const page = await openApp('terminal');
  await signInAsEngineer(page, appUrl);
  await connectDemoTerminal(page);
  const before = await page.getByTestId('identity-digest').textContent();

  await page.getByTestId('nav-onsite').click();
  await page.getByTestId('onsite-page').waitFor();
  await fillRebindForm(page, 'Acquirer B');
  await page.getByTestId('start-rebind').click();
  // The open batch is settled first, with live progress, before anything changes.
  await expect(page.getByTestId('step-settle')).toHaveAttribute('data-status', /running|ok/);
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', 'rebound', { timeout: 60_000 });
  await expect(page.getByTestId('step-confirm')).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('outcome-reason')).toHaveText('新参数已验证并确认。');
  await expect(page.getByTestId('receipt')).toBeVisible();
  const rebound = await page.getByTestId('final-digest').textContent();
  expect(rebound).toMatch(/^[0-9a-f]{64}$/);
  expect(rebound).not.toBe(before);
  await page.screenshot({ path: testInfo.outputPath('onsite-rebound.png'), fullPage: true });

  // The journal and the audit log tell the story under the engineer's name.
  const db = main.database.current();
  expect(db.prepare("SELECT outcome, actor FROM rebind_operations ORDER BY id DESC LIMIT 1").get()).toEqual({ outcome: 'rebound', actor: engineer.username });
  expect((db.prepare("SELECT count(*) AS n FROM audit_log WHERE actor = ? AND action LIKE 'rebind.%'").get(engineer.username) as { n: number }).n).toBeGreaterThan(5);

  // Second run, to another bank, with the bank host down: sign-on fails after COMMIT → rollback.
  await expect(page.getByTestId('demo-controls')).toBeVisible();
  await page.getByTestId('demo-host-reachable').click();
  await fillRebindForm(page, 'Acquirer C');
  await page.getByTestId('start-rebind').click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', 'restored', { timeout: 90_000 });
  await expect(page.getByTestId('final-digest')).toHaveText(rebound ?? 'missing');
  await expect(page.getByTestId('step-rollback')).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('outcome-reason')).toContainText('已回滚');
  await page.screenshot({ path: testInfo.outputPath('onsite-restored.png'), fullPage: true });
});

test('a desk user does not get the On-site view', async ({ openApp }) => {
  const page = await openApp('terminal');
  const refused = await page.evaluate(async () => {
    const created = await window.rebind.invoke('operators:create', { username: 'desk.li', displayName: 'Desk Li', role: 'desk' });
    const temporary = (created as { value: { temporaryPassword: string } }).value.temporaryPassword;
    await window.rebind.invoke('auth:sign-out', {});
    await window.rebind.invoke('auth:sign-in', { username: 'desk.li', password: temporary });
    await window.rebind.invoke('auth:change-password', { currentPassword: temporary, newPassword: 'desk user password 7' });
    return window.rebind.invoke('rebind:start', { templateId: 'acquirer-b', merchant: { tid: '12345678', mid: '898310048140001', name: 'x', mcc: '5411' }, workOrder: {} });
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('a refused run has its own banner in both languages, Cancel stops a run, and Start waits for a change after a rebound', async ({ openApp, appUrl, main }, testInfo) => {
  test.setTimeout(180_000);
  const page = await openApp('terminal');
  await signInAsEngineer(page, appUrl);
  await connectDemoTerminal(page);
  await page.getByTestId('nav-onsite').click();
  await page.getByTestId('onsite-page').waitFor();

  // A work order for another terminal: refused before anything is sent; not the red "needs attention".
  await fillRebindForm(page, 'Acquirer B');
  await page.getByTestId('expected-serial').locator('input').fill('1170099999');
  await page.getByTestId('start-rebind').click();
  const banner = page.getByTestId('outcome');
  await expect(banner).toHaveAttribute('data-outcome', 'refused', { timeout: 60_000 });
  await expect(banner).toContainText('未执行：终端未做任何更改');
  await expect(page.getByTestId('outcome-reason')).toHaveText('终端与工单不符，未做任何更改。');
  await expect(banner).not.toHaveClass(/n-alert--error-type/);
  await banner.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('onsite-refused-zh-CN.png'), fullPage: true });

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en-US').click();
  await page.getByTestId('nav-onsite').click();
  await expect(banner).toContainText('Not started: nothing was changed on the terminal');
  await expect(page.getByTestId('outcome-reason')).toHaveText('The terminal does not match the work order; nothing changed.');
  await banner.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('onsite-refused-en-US.png'), fullPage: true });

  // Cancel while the batch settles: the run stops at the next safe point and reads the old set back.
  await fillRebindForm(page, 'Acquirer B');
  await page.getByTestId('start-rebind').click();
  await expect(page.getByTestId('step-settle')).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
  await page.getByTestId('cancel-rebind').click();
  await expect(banner).toHaveAttribute('data-outcome', 'restored', { timeout: 60_000 });
  await expect(page.getByTestId('outcome-reason')).toHaveText('The rebind was cancelled as asked.');
  // The cancel takes effect at the next safe point (a later step's start, or right before COMMIT): COMMIT never succeeds.
  await expect(page.getByTestId('step-commit')).not.toHaveAttribute('data-status', 'ok');
  await banner.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('onsite-cancelled-en-US.png'), fullPage: true });

  // Rebound; then Start is not offered again for the same terminal, template and values.
  await page.getByTestId('start-rebind').click();
  await expect(banner).toHaveAttribute('data-outcome', 'rebound', { timeout: 60_000 });
  await expect(page.getByTestId('already-rebound')).toBeVisible();
  await expect(page.getByTestId('start-rebind')).toBeDisabled();
  await page.getByTestId('already-rebound').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('onsite-already-rebound-en-US.png'), fullPage: true });
  await page.getByTestId('merchant-mcc').locator('input').fill('5812');
  await expect(page.getByTestId('start-rebind')).toBeEnabled();
  await expect(page.getByTestId('already-rebound')).toBeHidden();

  const outcomes = main.database.current().prepare('SELECT outcome, reason FROM rebind_operations ORDER BY id').all();
  expect(outcomes).toEqual([
    { outcome: 'refused', reason: 'work-order-mismatch' },
    { outcome: 'restored', reason: 'cancelled' },
    { outcome: 'rebound', reason: 'confirmed' },
  ]);
  expect(main.database.current().prepare("SELECT count(*) AS n FROM rebind_steps WHERE operation_id = 2 AND step = 'commit' AND status = 'ok'").get()).toEqual({ n: 0 });
});
