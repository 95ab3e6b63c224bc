import { afterEach, describe, expect, it } from 'vitest';
import type { MerchantView } from '../../../../shared/ipc/contract-desk-merchants';
import { countShortName } from '../../../../shared/desk/validators/receipt-short-name';
import { i18n } from '../../i18n';
import { sayReason } from '../../errors/say-reason';
import { checkMerchantDraft, emptyMerchantDraft, merchantDraftOf, merchantRecordOf, type MerchantDraft } from './merchant-draft';

const filled: MerchantDraft = {
  name: '福州示例便利店有限公司',
  uscc: '91350100M000100Y43',
  legalRep: '张三',
  legalRepId: '11010519491231002X',
  contact: '李四',
  phone: '0591-87654321',
  address: '福建省福州市鼓楼区示例路 1 号',
  area: '350102',
  settlement: { bank: '中国银行', branch: '福州鼓楼支行', cnaps: '104391000011', accountNo: '4061 2345 6789 0123', swift: '' },
  accountStatus: 'normal',
  accountCheckedOn: '2026-11-30',
  shortName: '示例便利店',
};

const stored: MerchantView = {
  id: '0192d5e4-7b3a-7c1e-9f00-1a2b3c4d5e6f',
  createdAt: '2026-11-30T08:00:00.000Z',
  createdBy: 'desk',
  updatedAt: '2026-11-30T08:00:00.000Z',
  updatedBy: 'desk',
  version: 3,
  ...filled,
  accountCheckedOn: '2026-11-30',
  legalRepId: '••••••••••••••002X',
  settlement: { ...filled.settlement, accountNo: '••••••••••••0123', swift: 'BKCHCNBJ720' },
  terminals: [],
};

const useLanguage = (language: 'zh-CN' | 'en-US') => (i18n.global.locale.value = language);
afterEach(() => useLanguage('zh-CN'));

describe('the merchant draft', () => {
  it('sends a new merchant whole, leaving out an empty SWIFT code and an unset check date', () => {
    const record = merchantRecordOf({ ...filled, accountCheckedOn: null });
    expect(record.settlement).toEqual({ bank: '中国银行', branch: '福州鼓楼支行', cnaps: '104391000011', accountNo: '4061 2345 6789 0123' });
    expect('accountCheckedOn' in record).toBe(false);
    expect(checkMerchantDraft(filled, { editing: false, today: '2026-12-01' })).toEqual({ ok: true, errors: {}, warnings: {} });
  });

  it('starts an edit with every stored field but the masked secrets, which it leaves out unless retyped', () => {
    const draft = merchantDraftOf(stored);
    expect(draft.legalRepId).toBe('');
    expect(draft.settlement.accountNo).toBe('');
    expect(draft.settlement.swift).toBe('BKCHCNBJ720');
    const record = merchantRecordOf(draft);
    expect('legalRepId' in record).toBe(false);
    expect('accountNo' in record.settlement).toBe(false);
    expect(checkMerchantDraft(draft, { editing: true }).ok).toBe(true);
    // The same draft as a new merchant lacks both: the full form requires them.
    expect(checkMerchantDraft(draft, { editing: false }).errors).toMatchObject({ legalRepId: { code: 'desk-field-required' }, 'settlement.accountNo': { code: 'desk-field-required' } });
    // A retyped secret is sent and checked.
    const retyped = { ...draft, legalRepId: '110105194912310021' };
    expect(merchantRecordOf(retyped).legalRepId).toBe('110105194912310021');
    expect(checkMerchantDraft(retyped, { editing: true }).errors).toEqual({ legalRepId: { code: 'resident-id-bad-check', params: { actual: '1' } } });
  });

  it('gives the first reason of each refused field by its dotted path, in the user’s language', () => {
    const checked = checkMerchantDraft({ ...filled, uscc: '91350100M000100Y44', settlement: { ...filled.settlement, cnaps: '1043' }, accountCheckedOn: '2026-12-02' }, { editing: false, today: '2026-12-01' });
    expect(checked.ok).toBe(false);
    expect(Object.keys(checked.errors)).toEqual(['uscc', 'settlement.cnaps', 'accountCheckedOn']);
    expect(sayReason(checked.errors.uscc!)).toBe('校验码（第 18 位，4）与前 17 位不符，可能有字符输错。请对照营业执照核对。');
    useLanguage('en-US');
    expect(sayReason(checked.errors['settlement.cnaps']!)).toMatch(/12 digits/);
  });

  it('warns about the USCC’s inner organisation code without refusing the form', () => {
    const checked = checkMerchantDraft({ ...filled, uscc: '91350100M000100Y56' }, { editing: false });
    expect(checked.ok).toBe(true);
    expect(checked.warnings).toEqual({ uscc: { code: 'uscc-org-code-check-failed', params: { orgCode: 'M000100Y5' } } });
    expect(checkMerchantDraft({ ...emptyMerchantDraft(), uscc: '91350100M000100Y56' }, { editing: false }).warnings.uscc?.code).toBe('uscc-org-code-check-failed');
    expect(checkMerchantDraft(emptyMerchantDraft(), { editing: false }).warnings).toEqual({});
  });
});

describe('the receipt short name counter', () => {
  it('counts UTF-8 bytes against A003’s 40 and says so in Chinese and English', () => {
    const count = countShortName('福州示例便利店鼓楼店');
    expect(count).toMatchObject({ bytes: 30, limit: 40, fits: true });
    expect(sayReason(count.counter)).toBe('已用 30/40 字节（约可容纳 13 个汉字）');
    useLanguage('en-US');
    expect(sayReason(count.counter)).toBe('30 of 40 bytes (about 13 Chinese characters fit)');
  });

  it('refuses a short name over 40 bytes, which the form cannot save', () => {
    const over = '商'.repeat(14);
    expect(countShortName(over)).toMatchObject({ bytes: 42, fits: false });
    const checked = checkMerchantDraft({ ...filled, shortName: over }, { editing: false });
    expect(checked.ok).toBe(false);
    expect(sayReason(checked.errors.shortName!)).toBe('简称按 UTF-8 占 42 字节，而小票最多容纳 40 字节（约 13 个汉字）。请缩短。');
    expect(countShortName('ABCD'.repeat(10)).fits).toBe(true);
  });
});
