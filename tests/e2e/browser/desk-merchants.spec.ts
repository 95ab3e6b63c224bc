import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import iconv from 'iconv-lite';
import type { MerchantView } from '../../../shared/ipc/contract-desk-merchants';
import type { ReferenceDataView } from '../../../shared/ipc/contract-desk';
import { merchantForm, uscc } from '../../integration/desk/merchant-fixtures';
import { fillInput } from '../support/auth-steps';
import { expect, test } from '../support/harness';

// Merchants and terminals through the pages an admin (or desk user) works in: the form's field
// messages in Chinese, the receipt short name's byte counter, a terminal, a revealed ID number.

const merchant = {
  name: '福州示例便利店有限公司',
  shortName: '示例便利店鼓楼店',
  uscc: '91350100M000100Y43',
  legalRep: '张三',
  legalRepId: '11010519491231002X',
  contact: '李四',
  phone: '0591-87654321',
  address: '福建省福州市鼓楼区示例路 1 号',
  area: '350102',
  bank: '中国银行',
  branch: '福州鼓楼支行',
  cnaps: '104391000011',
  accountNo: '4061 2345 6789 0123',
};

/** The sample banks and models (a fresh install may have them already: then main refuses a second load). */
async function loadSamples(page: Page): Promise<void> {
  const loaded = await page.evaluate(() => window.rebind.invoke('desk:load-samples', {}));
  expect(loaded.ok || loaded.error.reason === 'samples-not-empty', JSON.stringify(loaded)).toBe(true);
  const reference = await page.evaluate(() => window.rebind.invoke('desk:reference', {}));
  expect(reference.ok && (reference.value as ReferenceDataView).models.length, JSON.stringify(reference)).toBeGreaterThan(0);
}

/** Picks the option with `label` in the naive-ui select `testId`. */
async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.n-base-select-option', { hasText: label }).first().click();
}

const feedbackOf = (page: Page, testId: string) => page.locator('.n-form-item', { has: page.getByTestId(testId) }).locator('.n-form-item-feedback-wrapper');

async function switchLanguage(page: Page, language: 'zh-CN' | 'en-US', pageName: string): Promise<void> {
  const switched = await page.evaluate((lang) => window.rebind.invoke('preferences:update', { language: lang }), language);
  expect(switched.ok, JSON.stringify(switched)).toBe(true);
  await page.reload();
  await page.getByTestId(`${pageName}-page`).waitFor();
}

test('an admin creates a merchant through the form, adds a terminal and reveals the ID number', async ({ openApp }, testInfo) => {
  test.setTimeout(180_000);
  const page = await openApp('merchants');
  await loadSamples(page);
  await page.reload();
  await page.getByTestId('merchants-page').waitFor();
  await expect(page.getByTestId('page-title')).toHaveText('商户与终端');

  await page.getByTestId('merchant-new').click();
  await page.getByTestId('merchant-form').waitFor();
  await fillInput(page, 'mf-name', merchant.name);
  // A wrong check character: the field says so in Chinese once the desk leaves it.
  await fillInput(page, 'mf-uscc', '91350100M000100Y44');
  await page.getByTestId('mf-uscc').locator('input').blur();
  await expect(page.getByTestId('mf-uscc-feedback')).toHaveText('校验码（第 18 位，4）与前 17 位不符，可能有字符输错。请对照营业执照核对。');
  await expect(page.getByTestId('mf-uscc-feedback')).toHaveAttribute('data-status', 'error');
  // The short name counts UTF-8 bytes as it is typed, and refuses more than 40.
  await fillInput(page, 'mf-shortName', '商'.repeat(14));
  await expect(page.getByTestId('short-name-counter')).toHaveText('已用 42/40 字节（约可容纳 13 个汉字）');
  await expect(page.getByTestId('short-name-over')).toHaveText('超出 2 字节，请缩短。');
  await fillInput(page, 'mf-shortName', merchant.shortName);
  await expect(page.getByTestId('short-name-counter')).toHaveText('已用 24/40 字节（约可容纳 13 个汉字）');
  await expect(page.getByTestId('short-name-over')).toHaveCount(0);
  // Save with fields missing: every one says what to fill, nothing is sent.
  await page.getByTestId('merchant-form-save').click();
  await expect(page.getByTestId('merchant-form-error')).toHaveText('请先改正标红的字段。');
  await expect(feedbackOf(page, 'mf-legalRep')).toHaveText('请填写此项。');
  await page.screenshot({ path: testInfo.outputPath('merchant-form-messages.zh-CN.png') });

  await fillInput(page, 'mf-uscc', merchant.uscc);
  await expect(page.getByTestId('mf-uscc-feedback')).toHaveCount(0);
  await fillInput(page, 'mf-legalRep', merchant.legalRep);
  await fillInput(page, 'mf-legalRepId', merchant.legalRepId);
  await fillInput(page, 'mf-contact', merchant.contact);
  await fillInput(page, 'mf-phone', merchant.phone);
  await fillInput(page, 'mf-address', merchant.address);
  await fillInput(page, 'mf-area', merchant.area);
  await fillInput(page, 'mf-settlement-bank', merchant.bank);
  await fillInput(page, 'mf-settlement-branch', merchant.branch);
  await fillInput(page, 'mf-settlement-cnaps', merchant.cnaps);
  await fillInput(page, 'mf-settlement-accountNo', merchant.accountNo);
  await fillInput(page, 'mf-accountCheckedOn', '2026-11-30');
  await page.getByTestId('mf-accountCheckedOn').locator('input').press('Enter');
  await page.getByTestId('merchant-form-save').click();
  await expect(page.getByTestId('merchant-form')).toHaveCount(0);

  // Saved: the merchant opens, both numbers masked to their last 4.
  const detail = page.getByTestId('merchant-detail');
  await expect(detail).toBeVisible();
  await expect(page.getByTestId('md-uscc')).toHaveText(merchant.uscc);
  await expect(page.getByTestId('md-legalRepId')).toHaveText('••••002X');
  await expect(page.getByTestId('md-accountNo')).toHaveText('••••0123');
  await expect(page.getByTestId('md-accountStatus')).toHaveText('正常（2026-11-30 核实）');

  await page.getByTestId('terminal-add').click();
  await page.getByTestId('terminal-form').waitFor();
  await fillInput(page, 'tf-tid', '1234567');
  await page.getByTestId('tf-tid').locator('input').blur();
  await expect(feedbackOf(page, 'tf-tid')).toHaveText('终端号（A001）为 8 位字母或数字；1234567 不符合。');
  await fillInput(page, 'tf-tid', '12345678');
  await choose(page, 'tf-model', 'PAX A920');
  await fillInput(page, 'tf-serial', '1170012345');
  await fillInput(page, 'tf-mid', '898350154110001');
  await fillInput(page, 'tf-firmware', 'PayDroid 7.1.2');
  await choose(page, 'tf-bank', 'acquirer-b');
  await page.getByTestId('terminal-form-save').click();
  await expect(page.getByTestId('terminal-form')).toHaveCount(0);
  await expect(page.getByTestId('terminal-1170012345')).toHaveText('1170012345');
  await expect(page.getByTestId('merchant-terminals')).toContainText('PAX A920');

  // Reveal goes through sensitive:reveal, which main audits.
  await page.getByTestId('reveal-legalRepId').click();
  await expect(page.getByTestId('md-legalRepId')).toHaveText(merchant.legalRepId);
  await expect(page.getByTestId('reveal-legalRepId')).toHaveCount(0);
  await expect(page.getByTestId('md-accountNo')).toHaveText('••••0123');
  const audit = await page.evaluate(() => window.rebind.invoke('audit:list', { limit: 20 }));
  expect(audit.ok && (audit.value as { entries: { action: string }[] }).entries.map((e) => e.action)).toEqual(expect.arrayContaining(['sensitive.revealed', 'merchant.created', 'terminal.created']));

  // The list: the search finds it by a TID, with its terminals.
  await page.getByTestId('merchant-close').click();
  await fillInput(page, 'merchant-search', '12345678');
  await page.getByTestId('merchant-search-submit').click();
  await expect(page.getByTestId(`merchant-row-${merchant.uscc}`)).toHaveText(merchant.name);
  await expect(page.getByTestId('merchant-results')).toContainText('1170012345');
  await page.screenshot({ path: testInfo.outputPath('merchants-list.zh-CN.png'), fullPage: true });
  await page.getByTestId(`open-merchant-${merchant.uscc}`).click();
  await expect(page.getByTestId('md-legalRepId')).toHaveText('••••002X');
  await page.screenshot({ path: testInfo.outputPath('merchant-detail.zh-CN.png'), fullPage: true });

  // An edit that leaves the masked numbers alone keeps them.
  await page.getByTestId('merchant-edit').click();
  await expect(page.getByTestId('mf-legalRepId').locator('input')).toHaveAttribute('placeholder', '留空则保留 ••••002X');
  await fillInput(page, 'mf-phone', '13800138000');
  await page.getByTestId('merchant-form-save').click();
  await expect(page.getByTestId('merchant-form')).toHaveCount(0);
  await page.getByTestId('reveal-accountNo').click();
  await expect(page.getByTestId('md-accountNo')).toHaveText('4061234567890123');

  // Main's refusals land on the field it names, in Chinese: a USCC another merchant holds.
  const other = merchantForm(7);
  const created = await page.evaluate((record) => window.rebind.invoke('desk:merchant-save', { base: null, record }), other);
  expect(created.ok, JSON.stringify(created)).toBe(true);
  await page.getByTestId('merchant-edit').click();
  await fillInput(page, 'mf-uscc', uscc(7));
  await page.getByTestId('merchant-form-save').click();
  await expect(page.getByTestId('mf-uscc-feedback')).toHaveText(`商户“${other.name}”已使用统一社会信用代码 ${uscc(7)}。请打开该商户进行编辑。`);
  await fillInput(page, 'mf-uscc', merchant.uscc);
  await expect(page.getByTestId('mf-uscc-feedback')).toHaveCount(0);

  // A stale edit: someone saved the merchant after this form opened. Nothing is saved; Reload reads it anew.
  await fillInput(page, 'mf-contact', '王五');
  const elsewhere = await page.evaluate(async (text) => {
    const found = await window.rebind.invoke('desk:merchants-search', { text });
    if (!found.ok) return found;
    const { id, version, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, terminals: _t, legalRepId: _l, settlement, ...rest } = (found.value as { merchants: MerchantView[] }).merchants[0]!;
    const { accountNo: _a, ...account } = settlement;
    return window.rebind.invoke('desk:merchant-save', { base: { id, version }, record: { ...rest, contact: '赵六', settlement: account } });
  }, merchant.uscc);
  expect(elsewhere.ok, JSON.stringify(elsewhere)).toBe(true);
  await page.getByTestId('merchant-form-save').click();
  await expect(page.getByTestId('merchant-form-error')).toHaveText('自您打开以来，已有其他人修改了此商户。请重新加载查看对方的修改，再重新进行您的修改；本次未保存任何内容。');
  await page.screenshot({ path: testInfo.outputPath('merchant-form-stale.zh-CN.png') });
  await page.getByTestId('merchant-form-reload').click();
  await expect(page.getByTestId('mf-contact').locator('input')).toHaveValue('赵六');
  await expect(page.getByTestId('merchant-form-error')).toHaveCount(0);
  await page.getByTestId('merchant-form-cancel').click();

  await switchLanguage(page, 'en-US', 'merchants');
  await expect(page.getByTestId('page-title')).toHaveText('Merchants');
  await fillInput(page, 'merchant-search', '福州');
  await page.getByTestId('merchant-search-submit').click();
  await expect(page.getByTestId(`merchant-row-${merchant.uscc}`)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('merchants-list.en-US.png'), fullPage: true });
  await page.getByTestId('merchant-new').click();
  await fillInput(page, 'mf-uscc', '91350100M000100Y44');
  await fillInput(page, 'mf-shortName', merchant.shortName);
  await page.getByTestId('merchant-form-save').click();
  await expect(page.getByTestId('short-name-counter')).toHaveText('24 of 40 bytes (about 13 Chinese characters fit)');
  await expect(page.getByTestId('mf-uscc-feedback')).toContainText('check character');
  await page.screenshot({ path: testInfo.outputPath('merchant-form-messages.en-US.png') });
});

const merchantHeader = ['商户名称', '统一社会信用代码', '法定代表人', '法定代表人身份证号', '联系人', '联系电话', '地址', '开户银行', '开户支行', '开户行行号', '银行账号', '账户状态'];

/** A merchants CSV file as a Chinese spreadsheet saves it: GBK, CRLF, the Chinese headers. */
function gbkMerchantsCsv(rows: ReturnType<typeof merchantForm>[]): Buffer {
  const cells = (m: ReturnType<typeof merchantForm>) => [m.name, m.uscc, m.legalRep, m.legalRepId, m.contact, m.phone, m.address, m.settlement.bank, m.settlement.branch, m.settlement.cnaps, m.settlement.accountNo, '正常'];
  const text = [merchantHeader, ...rows.map(cells)].map((line) => line.join(',')).join('\r\n') + '\r\n';
  return iconv.encode(text, 'gbk');
}

test('an admin imports a GBK file of merchants after its preview, sees a bad file refused row by row, and exports', async ({ openApp, picker, dataDir }, testInfo) => {
  test.setTimeout(180_000);
  const page = await openApp('import');
  await loadSamples(page);
  await expect(page.getByTestId('page-title')).toHaveText('导入与导出');

  const good = [merchantForm(21), merchantForm(22), merchantForm(23)];
  await page.getByTestId('import-file').setInputFiles({ name: 'merchants-gbk.csv', mimeType: 'text/csv', buffer: gbkMerchantsCsv(good) });
  await expect(page.getByTestId('import-encoding')).toHaveText('按 GB18030/GBK 读取');
  await expect(page.getByTestId('import-row-count')).toHaveText('共 3 行数据');
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('统一社会信用代码');
  await expect(preview).toContainText(good[0]!.name);
  await page.screenshot({ path: testInfo.outputPath('import-preview.zh-CN.png'), fullPage: true });

  // Read as UTF-8 the same bytes are not text: the names are gone and the import waits.
  await page.getByTestId('encoding-utf-8').click();
  await expect(page.getByTestId('import-encoding')).toHaveText('无法按所选编码读取');
  await expect(page.getByTestId('import-problems')).toContainText('文件不是有效的 UTF-8：第 1 行含有该编码无法识别的字节。请选择其他编码。');
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await page.getByTestId('encoding-gb18030').click();
  await expect(page.getByTestId('import-encoding')).toHaveText('按 GB18030/GBK 读取');
  await expect(preview).toContainText(good[2]!.name);

  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toHaveText('已导入 3 条记录（编码 GB18030/GBK）。');
  const found = await page.evaluate(() => window.rebind.invoke('desk:merchants-search', { text: '福州示例便利店' }));
  expect(found.ok && (found.value as { merchants: MerchantView[] }).merchants.map((m) => m.uscc).sort()).toEqual(good.map((m) => m.uscc).sort());

  // A file with bad rows: every problem by its spreadsheet row and column, in Chinese; nothing imported.
  const bad = [merchantForm(31), merchantForm(32, { uscc: '91350100M000100Y44' }), merchantForm(33, { phone: '12345' })];
  await page.getByTestId('import-file').setInputFiles({ name: 'merchants-bad.csv', mimeType: 'text/csv', buffer: gbkMerchantsCsv(bad) });
  const problems = page.getByTestId('import-problems');
  await expect(page.getByTestId('import-problems-title')).toContainText('发现 2 个问题，未导入任何内容。');
  const rows = problems.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('3');
  await expect(rows.nth(0)).toContainText('统一社会信用代码');
  await expect(rows.nth(0)).toContainText('校验码（第 18 位，4）与前 17 位不符');
  await expect(rows.nth(1)).toContainText('4');
  await expect(rows.nth(1)).toContainText('联系电话');
  await expect(rows.nth(1)).toContainText('大陆手机号码为 11 位');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('import-problems.zh-CN.png'), fullPage: true });
  const none = await page.evaluate((uscc) => window.rebind.invoke('desk:merchants-search', { text: uscc }), bad[0]!.uscc);
  expect(none.ok && (none.value as { merchants: MerchantView[] }).merchants).toEqual([]);

  // Export with the full numbers: asked first, audited, and the page says where and how many.
  const target = join(dataDir, 'merchants-export.csv');
  picker.csvTarget = target;
  await page.getByTestId('export-sensitive').click();
  await page.locator('.n-dialog').getByRole('button', { name: '包含并导出' }).click();
  await expect(page.getByTestId('export-sensitive')).toHaveClass(/n-checkbox--checked/);
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-result')).toHaveText(`已将 3 行写入 ${target}`);
  const written = readFileSync(target, 'utf8');
  expect(written.charCodeAt(0)).toBe(0xfeff);
  expect(written).toContain(good[1]!.legalRepId);
  const audit = await page.evaluate(() => window.rebind.invoke('audit:list', { limit: 20 }));
  expect(audit.ok && (audit.value as { entries: { action: string }[] }).entries.map((e) => e.action)).toEqual(expect.arrayContaining(['merchant.imported', 'merchant.exported-sensitive']));

  await switchLanguage(page, 'en-US', 'import');
  await expect(page.getByTestId('page-title')).toHaveText('Import and export');
  await page.getByTestId('import-file').setInputFiles({ name: 'merchants-bad.csv', mimeType: 'text/csv', buffer: gbkMerchantsCsv(bad) });
  await expect(page.getByTestId('import-encoding')).toHaveText('Read as GB18030/GBK');
  await expect(page.getByTestId('import-problems-title')).toContainText('2 problems found; nothing was imported.');
  await page.screenshot({ path: testInfo.outputPath('import-preview.en-US.png'), fullPage: true });
});
