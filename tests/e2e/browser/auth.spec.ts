import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillInput as fill, signInThroughUi as signIn } from '../support/auth-steps';
import { expect, harnessAdmin, test } from '../support/harness';
import { totpCode } from '../support/totp';

const admin = { username: 'chen.admin', displayName: 'Chen Admin', password: 'blue terminal 42' };
const deskUser = { username: 'li.wei', displayName: 'Li Wei', newPassword: 'desk lamp green 7' };

test('the TOTP helper agrees with RFC 6238 (SHA-1 vector at 59 s, 6 digits)', () => {
  // Secret "12345678901234567890" in base32; the RFC's 8-digit value is 94287082.
  expect(totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', new Date(59_000))).toBe('287082');
});

test('first start, two-factor enrolment, sign-in with a code, and a desk user kept out of admin pages', async ({ openFresh, clock, main, picker, dataDir }, testInfo) => {
  // The longest sign-in story: first admin, enrolment, a desk user's forced change; over a minute on a loaded machine.
  test.setTimeout(180_000);
  const page = await openFresh();

  // First start: the app asks for the first admin, and checks the password as it is typed.
  await page.getByTestId('first-admin-screen').waitFor();
  await fill(page, 'first-admin-username', admin.username);
  await fill(page, 'first-admin-display-name', admin.displayName);
  await fill(page, 'new-password', 'short');
  await expect(page.getByTestId('password-problems')).toContainText('至少使用 12 个字符');
  await expect(page.getByTestId('first-admin-submit')).toBeDisabled();
  await fill(page, 'new-password', admin.password);
  await fill(page, 'confirm-password', admin.password);
  await page.screenshot({ path: testInfo.outputPath('1-first-admin.png'), fullPage: true });
  await page.getByTestId('first-admin-submit').click();
  await expect(page.getByTestId('header-user')).toHaveText(admin.displayName);
  await expect(page.getByTestId('header-role')).toHaveText('管理员');

  // Enrol an authenticator: the code is computed here from the secret the screen shows.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('two-factor-enrol').click();
  await expect(page.getByTestId('totp-qr')).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/);
  await page.screenshot({ path: testInfo.outputPath('2-enrol.png'), fullPage: true });
  await fill(page, 'totp-code', totpCode(secret, clock.now()));
  await page.getByTestId('totp-confirm').click();
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  await page.screenshot({ path: testInfo.outputPath('3-recovery-codes.png'), fullPage: true });
  await page.getByTestId('recovery-saved').click();
  await expect(page.getByTestId('two-factor-status')).toContainText('已启用');

  // Sign out, and back in with the password and then a code. The clock moves to the next 30-second
  // step: the code used to confirm is spent, and each code works once.
  await page.getByTestId('sign-out').click();
  clock.advance(30_000);
  await signIn(page, admin.username, admin.password);
  await page.getByTestId('sign-in-code-screen').waitFor();
  await fill(page, 'sign-in-code', '000000');
  await page.getByTestId('sign-in-code-submit').click();
  await expect(page.getByTestId('auth-error')).toContainText('验证码或恢复码无效');
  await fill(page, 'sign-in-code', totpCode(secret, clock.now()));
  await page.getByTestId('sign-in-code-submit').click();
  await expect(page.getByTestId('header-user')).toHaveText(admin.displayName);

  // The admin adds a desk user, who gets a temporary password shown once.
  await page.getByTestId('nav-operators').click();
  await fill(page, 'new-operator-username', deskUser.username);
  await fill(page, 'new-operator-display-name', deskUser.displayName);
  await page.getByTestId('new-operator-role-desk').click();
  await page.getByTestId('new-operator-submit').click();
  const temporary = (await page.getByTestId('temporary-password').textContent()) ?? '';
  expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  await page.screenshot({ path: testInfo.outputPath('4-operator-created.png'), fullPage: true });
  await page.getByTestId('temporary-done').click();
  await expect(page.getByTestId(`operator-${deskUser.username}`)).toBeVisible();
  await page.getByTestId('sign-out').click();

  // The desk user signs in with it and must choose a new password first.
  await signIn(page, deskUser.username, temporary);
  await page.getByTestId('change-password-screen').waitFor();
  const held = await page.evaluate(() => window.rebind.invoke('settings:update', { theme: 'dark' }));
  expect(held).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'password-change-required' } });
  // The sign-in just proved the temporary password: the forced change asks only for the new one.
  await expect(page.getByTestId('current-password')).toHaveCount(0);
  await fill(page, 'new-password', deskUser.newPassword);
  await fill(page, 'confirm-password', deskUser.newPassword);
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('header-role')).toHaveText('服务台');

  // Admin pages are not in the desk user's menu, a typed address shows a refusal, and main refuses the calls.
  await expect(page.getByTestId('nav-settings')).toBeVisible();
  await expect(page.getByTestId('nav-operators')).toHaveCount(0);
  await expect(page.getByTestId('nav-audit')).toHaveCount(0);
  await expect(page.getByTestId('nav-terminal')).toHaveCount(0);
  await page.evaluate(() => (window.location.hash = '#/operators'));
  await expect(page.getByTestId('page-refused')).toBeVisible();
  await expect(page.getByTestId('operators-page')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('5-desk-refused.png'), fullPage: true });
  await page.evaluate(() => (window.location.hash = '#/audit'));
  await expect(page.getByTestId('page-refused')).toBeVisible();
  const direct = await page.evaluate(async () => ({
    operators: await window.rebind.invoke('operators:list', {}),
    audit: await window.rebind.invoke('audit:list', {}),
    terminal: await window.rebind.invoke('terminal:connect', { path: 'demo:terminal', baudRate: 115200 }),
  }));
  expect(direct.operators).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'role-not-allowed' } });
  expect(direct.audit).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(direct.terminal).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  // Everything above is in the audit log, whose chain verifies.
  const actions = main.database.current().prepare<[], { action: string }>('SELECT action FROM audit_log ORDER BY seq').all().map((r) => r.action);
  for (const action of ['operator.first-admin-created', 'auth.two-factor-enrolled', 'auth.sign-in-failed', 'operator.created', 'auth.password-changed']) {
    expect(actions, action).toContain(action);
  }
  await page.getByTestId('sign-out').click();
  await signIn(page, admin.username, admin.password);
  await fill(page, 'sign-in-code', totpCode(secret, new Date(clock.now().getTime() + 30_000)));
  await page.getByTestId('sign-in-code-submit').click();
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('哈希链完整');
  await page.screenshot({ path: testInfo.outputPath('6-audit.png'), fullPage: true });
  // The auditors' CSV ends with the chain head, which the log itself then records as exported.
  picker.auditTarget = join(dataDir, 'audit.csv');
  await page.getByTestId('audit-export').click();
  await expect(page.locator('.n-message')).toContainText('audit.csv');
  const lines = readFileSync(picker.auditTarget, 'utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe('seq,time,actor,action,entity_type,entity_id,payload,prev_hash,hash,hash_format');
  expect(lines.at(-1)).toMatch(/^# chain head: seq \d+, hash [0-9a-f]{64}; entries \d+; verified: ok; exported .* by chen\.admin$/);
  await expect(page.getByTestId('audit-action').first()).toHaveAttribute('data-action', 'audit.exported');
  await expect(page.getByTestId('audit-action').first()).toHaveText('导出审计日志');
});

test('an admin requires two-factor sign-in for the desk: a new desk user must enrol before anything else', async ({ openApp, clock }, testInfo) => {
  const page = await openApp('settings');
  await page.getByTestId('require-two-factor-desk').click();
  await page.getByTestId('security-save').click();
  await expect(page.locator('.n-message')).toContainText('安全策略已保存');
  await page.getByTestId('nav-operators').click();
  await fill(page, 'new-operator-username', deskUser.username);
  await fill(page, 'new-operator-display-name', deskUser.displayName);
  await page.getByTestId('new-operator-submit').click();
  const temporary = (await page.getByTestId('temporary-password').textContent()) ?? '';
  await page.getByTestId('sign-out').click();

  await signIn(page, deskUser.username, temporary);
  // The sign-in just proved the temporary password: the forced change asks only for the new one.
  await expect(page.getByTestId('current-password')).toHaveCount(0);
  await fill(page, 'new-password', deskUser.newPassword);
  await fill(page, 'confirm-password', deskUser.newPassword);
  await page.getByTestId('change-password-submit').click();
  await page.getByTestId('enrol-screen').waitFor();
  const held = await page.evaluate(() => window.rebind.invoke('settings:update', { theme: 'dark' }));
  expect(held).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'two-factor-enrolment-required' } });
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  await page.screenshot({ path: testInfo.outputPath('forced-enrolment.png'), fullPage: true });
  await fill(page, 'totp-code', totpCode(secret, clock.now()));
  await page.getByTestId('totp-confirm').click();
  await page.getByTestId('recovery-saved').click();
  await expect(page.getByTestId('header-role')).toHaveText('服务台');
  expect(await page.evaluate(() => window.rebind.invoke('settings:update', { theme: 'dark' }))).toMatchObject({ ok: true });
});

test('the screen locks after the idle time, main refuses calls until the password is given again', async ({ page, openApp }, testInfo) => {
  await page.clock.install();
  await openApp('settings');
  await page.getByTestId('idle-lock-minutes').locator('input').fill('1');
  await page.getByTestId('security-save').click();
  await expect(page.locator('.n-message')).toContainText('安全策略已保存');

  await page.clock.fastForward('01:05');
  await page.getByTestId('lock-screen').waitFor();
  await page.screenshot({ path: testInfo.outputPath('locked.png') });
  const whileLocked = await page.evaluate(() => window.rebind.invoke('backup:list', {}));
  expect(whileLocked).toMatchObject({ ok: false, error: { code: 'locked' } });
  // A reload does not lift the lock: main holds it.
  await page.reload();
  await page.getByTestId('lock-screen').waitFor();

  await fill(page, 'unlock-password', 'not my password 1');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('auth-error')).toContainText('用户名或密码错误');
  await fill(page, 'unlock-password', harnessAdmin.password);
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('settings-page').waitFor();
  expect(await page.evaluate(() => window.rebind.invoke('backup:list', {}))).toMatchObject({ ok: true });
});

test.describe('without an OS keychain', () => {
  test.use({ keyProtection: 'plaintext-file' });

  test('the admin is told that the data key sits in a plain file', async ({ openApp }, testInfo) => {
    const page = await openApp('settings');
    await expect(page.getByTestId('key-warning')).toBeVisible();
    await expect(page.getByTestId('key-protection')).toHaveText('明文密钥文件（无钥匙串）');
    await page.screenshot({ path: testInfo.outputPath('plaintext-key-warning.png'), fullPage: true });
  });
});
