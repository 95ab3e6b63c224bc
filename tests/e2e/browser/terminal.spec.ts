import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, harnessAdmin, test } from '../support/harness';

test('connects the Terminal page to the demo terminal and reads its identity, batch and parameters', async ({ openApp, picker, dataDir, main }, testInfo) => {
  const page = await openApp('terminal');
  await page.getByTestId('port-demo:terminal').click();
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('connection-status')).toHaveText('已连接');
  await expect(page.getByTestId('identity-sn')).not.toBeEmpty();
  await expect(page.getByTestId('identity-digest')).toHaveText(/^[0-9a-f]{64}$/);

  await page.getByTestId('read-batch').click();
  await expect(page.getByTestId('batch-count')).toHaveText(/^\d+$/);
  await page.getByTestId('read-params').click();
  await expect(page.getByTestId('param-A001')).toHaveText(/^[A-Za-z0-9]{8}$/);
  // The TID in the table is the one HELLO reported.
  await expect(page.getByTestId('identity-tid')).toHaveText((await page.getByTestId('param-A001').textContent()) ?? 'missing');
  await expect(page.getByTestId('log-line').first()).toBeVisible();
  // The key check value arrives masked; revealing it reads it again and is audited.
  await expect(page.getByTestId('param-E0E1')).toHaveText('••••••');
  await page.getByTestId('reveal-E0E1').click();
  await expect(page.getByTestId('param-E0E1')).toHaveText(/^[0-9A-Fa-f]{6}$/);
  const reveals = main.database.current().prepare<[], { actor: string; payload: string }>("SELECT actor, payload FROM audit_log WHERE action = 'sensitive.revealed'").all();
  expect(reveals).toEqual([{ actor: harnessAdmin.username, payload: '{"empty":false,"field":"keyCheckValue","tag":"E0E1"}' }]);
  await page.screenshot({ path: testInfo.outputPath('terminal-demo.png'), fullPage: true });

  picker.linkLogTarget = join(dataDir, 'link.log');
  await page.getByTestId('export-log-text').click();
  await expect(page.locator('.n-message')).toContainText('link.log');
  const text = readFileSync(picker.linkLogTarget, 'utf8');
  expect(text).toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z -> /);
  expect(text).toContain('HELLO');

  await page.getByTestId('disconnect').click();
  await expect(page.getByTestId('connection-status')).toHaveText('未连接');
});

test('a port that cannot be opened says what to do', async ({ openApp }) => {
  const page = await openApp('terminal');
  await page.getByTestId('port-manual').click();
  await page.getByTestId('manual-path').locator('input').fill('/dev/rebinddesk-missing');
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('connection-error')).toContainText('does not exist');
  await expect(page.getByTestId('connection-status')).toHaveText('未连接');
});
