import { expect, test } from '../support/harness';

test('the admin sees the sample banks, models and compatibility in both languages', async ({ openApp }, testInfo) => {
  const page = await openApp('reference');
  await expect(page.getByTestId('page-title')).toHaveText('基础数据');
  await expect(page.getByTestId('bank-acquirer-b')).toBeVisible();
  const banks = page.getByTestId('reference-banks');
  await expect(banks).toContainText('周一–周五 09:00–12:00, 13:30–18:00');
  await expect(banks).toContainText('开户许可证（180 天内有效）');
  await page.screenshot({ path: testInfo.outputPath('reference-banks-zh-CN.png'), fullPage: true });

  await page.getByText('型号与银行兼容性', { exact: true }).click();
  await expect(page.getByTestId('compat-A920-acquirer-b')).toHaveText('固件 7.1 起支持');
  await expect(page.getByTestId('compat-S920-acquirer-c')).toHaveText('不支持');
  await page.screenshot({ path: testInfo.outputPath('reference-compatibility-zh-CN.png'), fullPage: true });

  await page.evaluate(() => window.rebind.invoke('preferences:update', { language: 'en-US' }));
  await page.reload();
  await page.getByTestId('reference-page').waitFor();
  await expect(page.getByTestId('page-title')).toHaveText('Reference data');
  await expect(page.getByTestId('reference-banks')).toContainText('Mon–Fri 09:00–12:00, 13:30–18:00');
  await page.screenshot({ path: testInfo.outputPath('reference-banks-en-US.png'), fullPage: true });
  await page.getByText('Model and bank compatibility', { exact: true }).click();
  await expect(page.getByTestId('compat-A920-acquirer-b')).toHaveText('From firmware 7.1');
  await page.screenshot({ path: testInfo.outputPath('reference-compatibility-en-US.png'), fullPage: true });
});
