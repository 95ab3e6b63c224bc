import { describe, expect, it } from 'vitest';
import { checkMerchantForm, merchantFormSchema, type MerchantFormInput } from './merchant-form';
import { maskMerchantForm, sensitiveMerchantFields } from './merchant-mask';

const valid: MerchantFormInput = {
  name: '福州示例便利店有限公司',
  uscc: '91350100M000100Y43',
  legalRep: '张三',
  legalRepId: '11010519491231002X',
  contact: '李四',
  phone: '0591-87654321',
  address: '福建省福州市鼓楼区示例路 1 号',
  area: '350102',
  settlement: { bank: '中国银行', branch: '福州鼓楼支行', cnaps: '104391000011', accountNo: '4061 2345 6789 0123', swift: 'BKCHCNBJ720' },
  accountStatus: 'normal',
  accountCheckedOn: '2026-11-30',
  shortName: '示例便利店',
};

const fields = (result: ReturnType<typeof checkMerchantForm>) => (result.ok ? [] : result.errors.map((problem) => `${problem.field}:${problem.reason.code}`));

describe('the merchant form', () => {
  it('accepts a complete form and stores every value normalised', () => {
    const result = checkMerchantForm({ ...valid, uscc: ' 91350100m000100y43', legalRepId: '11010519491231002x', phone: '+86 591 8765 4321' });
    expect(result).toEqual({ ok: true, warnings: [], value: { ...valid, settlement: { ...valid.settlement, accountNo: '4061234567890123' } } });
  });

  it('leaves out the optional SWIFT code and check date when empty or absent', () => {
    const { swift: _swift, ...settlement } = valid.settlement;
    const result = checkMerchantForm({ ...valid, settlement: { ...settlement, swift: '  ' }, accountCheckedOn: undefined });
    expect(result.ok && result.value.settlement.swift).toBeUndefined();
    expect(result.ok && 'accountCheckedOn' in result.value ? result.value.accountCheckedOn : undefined).toBeUndefined();
    expect(checkMerchantForm({ ...valid, settlement }).ok).toBe(true);
  });

  it('names every refused field with its validator’s reason, nested fields by their path', () => {
    const result = checkMerchantForm({
      ...valid,
      uscc: '91350100M000100Y44',
      legalRepId: '110105491231002',
      phone: '12345',
      area: '3501',
      settlement: { ...valid.settlement, cnaps: '10439100001', accountNo: '1234', swift: 'BKCH' },
      accountStatus: 'closed',
      accountCheckedOn: '2026-02-30',
      shortName: '商'.repeat(14),
    });
    expect(fields(result)).toEqual([
      'uscc:uscc-bad-check',
      'legalRepId:resident-id-old-15-digit',
      'phone:phone-bad-mobile',
      'area:area-bad-format',
      'settlement.cnaps:cnaps-bad-length',
      'settlement.accountNo:account-no-bad-length',
      'settlement.swift:swift-bad-length',
      'accountStatus:account-status-unknown',
      'accountCheckedOn:desk-date-bad',
      'shortName:short-name-too-long',
    ]);
  });

  it('gives the reasons with their parameters', () => {
    const result = checkMerchantForm({ ...valid, shortName: '商'.repeat(14) });
    expect(result.ok ? [] : result.errors).toEqual([{ field: 'shortName', reason: { code: 'short-name-too-long', params: { bytes: 42, limit: 40, characters: 13 } } }]);
  });

  it('calls a missing or empty field required, a number where text belongs the wrong type, and an unknown key unknown', () => {
    const { name: _name, ...withoutName } = valid;
    expect(fields(checkMerchantForm({ ...withoutName, legalRep: '  ', contact: 12, extra: 'x' }))).toEqual(['name:desk-field-required', 'legalRep:desk-field-required', 'contact:desk-field-wrong-type', 'extra:desk-field-unknown']);
    expect(fields(checkMerchantForm({ ...valid, settlement: undefined }))).toEqual(['settlement:desk-field-required']);
    expect(fields(checkMerchantForm(null))).toEqual([':desk-field-required']);
  });

  it('refuses text over its limit and control characters in names and addresses', () => {
    expect(fields(checkMerchantForm({ ...valid, name: '商'.repeat(101) }))).toEqual(['name:desk-field-too-long']);
    expect(fields(checkMerchantForm({ ...valid, address: '示例路\n1 号' }))).toEqual(['address:desk-field-bad-character']);
    expect(checkMerchantForm({ ...valid, name: '商'.repeat(100) }).ok).toBe(true);
  });

  it('takes the account status in Chinese as a spreadsheet writes it, and stores its code', () => {
    const result = checkMerchantForm({ ...valid, accountStatus: '冻结' });
    expect(result.ok && result.value.accountStatus).toBe('frozen');
  });

  it('warns, without refusing, when the USCC’s inner organisation code fails GB 11714, and keeps the warning beside errors', () => {
    const accepted = checkMerchantForm({ ...valid, uscc: '91350100M000100Y56' });
    expect(accepted.ok).toBe(true);
    expect(accepted.warnings).toEqual([{ field: 'uscc', reason: { code: 'uscc-org-code-check-failed', params: { orgCode: 'M000100Y5' } } }]);
    expect(checkMerchantForm({ ...valid, uscc: '91350100M000100Y56', phone: '' }).warnings).toHaveLength(1);
  });

  it('refuses, with today given, a birth date or an account check after it', () => {
    const today = '2026-11-29';
    expect(fields(checkMerchantForm({ ...valid, legalRepId: '110105209912310029', accountCheckedOn: today }, { today }))).toEqual(['legalRepId:resident-id-born-in-future']);
    expect(fields(checkMerchantForm(valid, { today }))).toEqual(['accountCheckedOn:desk-date-in-future']);
    expect(checkMerchantForm(valid).ok).toBe(true);
    // The schema kept for the last day must not answer for another.
    expect(checkMerchantForm(valid, { today: '2026-12-01' }).ok).toBe(true);
    expect(fields(checkMerchantForm(valid, { today }))).toEqual(['accountCheckedOn:desk-date-in-future']);
  });

  it('is a zod schema whose issues carry the reason and say it in English for the logs', () => {
    const parsed = merchantFormSchema.safeParse({ ...valid, uscc: 'x' });
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    expect(issue).toMatchObject({ code: 'custom', path: ['uscc'], params: { reason: { code: 'uscc-bad-length', params: { length: 1 } } } });
    expect(issue.message).toBe('A unified social credit code has 18 characters; this one has 1. Copy it again from the business licence.');
  });

  it('masks the ID and account numbers to their last 4 for lists and exports', () => {
    const result = checkMerchantForm(valid);
    if (!result.ok) throw new Error('the form should be accepted');
    const masked = maskMerchantForm(result.value);
    expect(masked.legalRepId).toBe('••••••••••••••002X');
    expect(masked.settlement.accountNo).toBe('••••••••••••0123');
    expect({ ...masked, legalRepId: result.value.legalRepId, settlement: result.value.settlement }).toEqual(result.value);
    expect(sensitiveMerchantFields).toEqual(['legalRepId', 'settlement.accountNo']);
  });
});
