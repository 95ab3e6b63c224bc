import { join } from 'node:path';
import { runRebind } from '../../integration/support/rebind-cli';
import { expect, test } from '../support/harness';

test('language and theme change, and stay changed after a reload', async ({ openApp }, testInfo) => {
  const page = await openApp();
  await expect(page.getByTestId('page-title')).toHaveText('设置');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByTestId('language-en-US').click();
  await expect(page.getByTestId('page-title')).toHaveText('Settings');
  await page.getByTestId('theme-dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: testInfo.outputPath('settings-en-dark.png'), fullPage: true });

  await page.reload();
  await page.getByTestId('settings-page').waitFor();
  await expect(page.getByTestId('nav-terminal')).toHaveText('Terminal');
  await expect(page.getByTestId('page-title')).toHaveText('Settings');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  // Naive UI's own locale follows: its date pickers and empty states would read in English too.
  await expect(page.getByTestId('theme-dark')).toHaveClass(/n-radio-button--checked/);
});

test('theme "follow system" follows the operating system colour scheme', async ({ openApp }) => {
  const page = await openApp();
  await page.getByTestId('theme-system').click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('back up, change a setting, restore the last backup, see the old value', async ({ openApp, main }, testInfo) => {
  const page = await openApp();
  await expect(page.getByTestId('last-backup')).toHaveText('尚无备份');
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('last-backup')).not.toHaveText('尚无备份');

  await page.getByTestId('language-en-US').click();
  await expect(page.getByTestId('page-title')).toHaveText('Settings');

  await page.getByTestId('restore-last').click();
  await page.getByTestId('restore-confirm').click();
  // The restored database holds zh-CN; the UI follows through the settings:changed event.
  await expect(page.getByTestId('page-title')).toHaveText('设置');
  await page.screenshot({ path: testInfo.outputPath('after-restore.png'), fullPage: true });

  const stored = await page.evaluate(() => window.rebind.invoke('settings:get', {}));
  expect(stored).toEqual({ ok: true, value: { language: 'zh-CN', theme: 'system', terminalPort: null, terminalBaudRate: 115200 } });
  // The page's own session (the admin who restored) still works: the backup held the same admin.
  const list = await page.evaluate(() => window.rebind.invoke('backup:list', {}));
  expect(list.ok && (list.value as { entries: { kind: string }[] }).entries.map((e) => e.kind).sort()).toEqual(['manual', 'pre-restore']);
  // The restored log keeps every entry written since the backup and records the restore; its chain still verifies.
  const audit = main.database.current().prepare<[], { action: string }>('SELECT action FROM audit_log ORDER BY seq').all().map((r) => r.action);
  expect(audit.at(-1)).toBe('backup.restored');
  expect(await page.evaluate(() => window.rebind.invoke('audit:verify', {}))).toMatchObject({ ok: true, value: { ok: true } });
});

test('a file that is not a backup is refused and nothing changes', async ({ openApp, picker }, testInfo) => {
  const page = await openApp();
  await page.getByTestId('language-en-US').click();
  picker.backupSource = join(import.meta.dirname, '../../../package.json');
  await page.getByTestId('restore-from-file').click();
  // The reason, naming the file the user picked and what to choose instead.
  await expect(page.locator('.n-message')).toContainText('package.json is not a RebindDesk backup (not a database file). Choose a file the app wrote');
  await page.screenshot({ path: testInfo.outputPath('restore-refused.png') });
  await page.reload();
  await expect(page.getByTestId('page-title')).toHaveText('Settings');
});

test('malformed input through the bridge gets the error envelope', async ({ openApp }) => {
  const page = await openApp();
  const answers = await page.evaluate(async () => {
    const bridge = window.rebind;
    return {
      wrongType: await bridge.invoke('settings:update', { language: 42 }),
      unknownValue: await bridge.invoke('settings:update', { theme: 'purple' }),
      extraField: await bridge.invoke('settings:update', { language: 'en-US', admin: true }),
      missingField: await bridge.invoke('backup:create', {}),
      oversize: await bridge.invoke('backup:restore', { source: { kind: 'history', id: 'x'.repeat(5000) } }),
      unknownChannel: await bridge.invoke('settings:delete' as never, {}),
    };
  });
  expect(answers.wrongType).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'language' } });
  expect(answers.unknownValue).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'theme' } });
  expect(answers.extraField).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'admin' } });
  expect(answers.missingField).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'destination' } });
  expect(answers.oversize).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'source.id' } });
  expect(answers.unknownChannel).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  // None of it reached the service: the stored settings are untouched.
  const settings = await page.evaluate(() => window.rebind.invoke('settings:get', {}));
  expect(settings).toEqual({ ok: true, value: { language: 'zh-CN', theme: 'system', terminalPort: null, terminalBaudRate: 115200 } });
});

test('the idle-lock minutes: a cleared or mistyped value is an error in the form, in both languages, and "never" is chosen with a warning', async ({ openApp }, testInfo) => {
  const page = await openApp();
  const minutes = page.getByTestId('idle-lock-minutes').locator('input');
  const item = page.getByTestId('idle-lock-item');
  const policy = () => page.evaluate(() => window.rebind.invoke('security:policy-get', {}));
  const savedToasts = () => page.locator('.n-message').filter({ hasText: /安全策略已保存|Security policy saved/ }).count();

  const cases: [string, string, string][] = [
    ['', '请输入分钟数（1–240），或勾选“从不锁屏”。', 'Enter the minutes (1–240), or tick "Never lock".'],
    ['-5', '请输入 1–240 分钟；如要关闭锁屏，请勾选“从不锁屏”。', 'Enter 1–240 minutes; to turn the lock off, tick "Never lock".'],
    ['abc', '请输入整数分钟，例如 10。', 'Enter a whole number of minutes, such as 10.'],
  ];
  for (const [typed, zh] of cases) {
    await minutes.fill(typed);
    await expect(item).toContainText(zh);
    await page.getByTestId('security-save').click();
    await expect(page.locator('.n-message').last()).toContainText(zh);
  }
  await minutes.fill('');
  await page.screenshot({ path: testInfo.outputPath('idle-lock-empty-zh.png'), fullPage: true });

  await page.getByTestId('language-en-US').click();
  for (const [typed, , en] of cases) {
    await minutes.fill(typed);
    await expect(item).toContainText(en);
    await page.getByTestId('security-save').click();
    await expect(page.locator('.n-message').last()).toContainText(en);
  }
  await page.screenshot({ path: testInfo.outputPath('idle-lock-not-a-number-en.png'), fullPage: true });
  // Nothing was saved and nothing said it was.
  expect(await policy()).toMatchObject({ ok: true, value: { idleLockMinutes: 10 } });
  expect(await savedToasts()).toBe(0);

  // A valid value saves.
  await minutes.fill('25');
  await page.getByTestId('security-save').click();
  await expect(page.locator('.n-message').last()).toContainText('Security policy saved.');
  expect(await policy()).toMatchObject({ ok: true, value: { idleLockMinutes: 25 } });

  // "Never" is its own choice, with a warning; the minutes field is then out of play.
  await page.getByTestId('idle-lock-never').click();
  await expect(page.getByTestId('idle-lock-never-warning')).toContainText('The screen will never lock by itself');
  await expect(minutes).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('idle-lock-never-en.png'), fullPage: true });
  await page.getByTestId('security-save').click();
  await expect.poll(async () => ((await policy()) as { value: { idleLockMinutes: number } }).value.idleLockMinutes).toBe(0);
  await page.getByTestId('language-zh-CN').click();
  await expect(page.getByTestId('idle-lock-never-warning')).toContainText('屏幕将不会自动锁定');
  await page.screenshot({ path: testInfo.outputPath('idle-lock-never-zh.png'), fullPage: true });
});

test('an admin sets the command-line passphrase; the form checks it in both languages, and the rebind CLI then opens the keys with it', async ({ openApp, dataDir }, testInfo) => {
  const page = await openApp();
  const form = page.getByTestId('cli-passphrase-form');
  const passphrase = page.getByTestId('cli-passphrase').locator('input');
  const repeat = page.getByTestId('cli-passphrase-repeat').locator('input');
  await expect(page.getByTestId('cli-passphrase-status')).toContainText('未设置：命令行无法读取此数据目录的加密字段。');

  await passphrase.fill('short one');
  await expect(form).toContainText('口令至少 16 个字符；当前为 9 个。');
  await expect(page.getByTestId('set-cli-passphrase')).toBeDisabled();
  await passphrase.fill('Depot bench 7, north wall');
  await repeat.fill('Depot bench 7, north wal');
  await expect(form).toContainText('两次输入的口令不一致。');
  await page.screenshot({ path: testInfo.outputPath('cli-passphrase-mismatch-zh.png'), fullPage: true });
  await page.getByTestId('language-en-US').click();
  await expect(form).toContainText('The two passphrases differ.');
  await repeat.fill('Depot bench 7, north wall');
  await page.getByTestId('set-cli-passphrase').click();
  await expect(page.locator('.n-message').last()).toContainText('Command-line passphrase set. Data keys it opens: 1.');
  await expect(page.getByTestId('cli-passphrase-status')).toContainText('Set ');
  await expect(passphrase).toHaveValue('');
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('cli-passphrase-set-en.png'), fullPage: true });
  await page.getByTestId('language-zh-CN').click();
  await expect(page.getByTestId('cli-passphrase-status')).toContainText('设置于');
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('cli-passphrase-set-zh.png'), fullPage: true });

  // The real CLI, in its own process, opens this data directory's keys with the passphrase (and not without it).
  const run = (pass?: string) => runRebind(['recover', '--list', '--data-dir', dataDir, '--json'], { env: { ...process.env, REBINDDESK_KEY_PASSPHRASE: pass ?? '' } });
  expect(await run('Depot bench 7, north wall')).toMatchObject({ code: 0, stdout: expect.stringContaining('"open": []') });
  expect(await run('Depot bench 7, south wall')).toMatchObject({ code: 2, stderr: expect.stringContaining('The passphrase does not open') });
});
