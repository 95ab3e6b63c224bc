import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../bytes';
import { canonicalParameterSet } from '../rtp';
import { SAMPLE_NEW_CANONICAL_HEX } from '../../tests/fixtures/rtp-vectors';
import { BANK_TEMPLATE_FORMAT, mergeBankTemplate, parseBankTemplate, templateAcceptsModel } from './bank-template';
import type { BankTemplate } from './bank-template';

const template: BankTemplate = {
  format: BANK_TEMPLATE_FORMAT,
  version: 1,
  id: 'acquirer-b',
  bank: 'Acquirer B',
  models: ['A920'],
  params: {
    primaryHost: 'pos.acquirer-b.example:8443',
    tpdu: '6000120000',
    nii: '012',
    acquirerId: '03055800',
    commMode: '4',
    tls: '1',
    keyIndex: '02',
    kcv: '3F9A0C',
    receiptHeader: '欢迎光临 Welcome',
  },
};
const merchant = { tid: '87654321', mid: '105290058120007', name: '上海示例便利店', mcc: '5411' };

describe('bank templates', () => {
  it('merged with the merchant’s values give the sample new set, byte for byte in canonical form', () => {
    const merged = mergeBankTemplate(template, merchant);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(bytesToHex(canonicalParameterSet(merged.params))).toBe(SAMPLE_NEW_CANONICAL_HEX);
  });

  it('reports every bad field with its name and tag before anything is sent', () => {
    const merged = mergeBankTemplate({ ...template, params: { ...template.params, kcv: '3F9A0', nii: '12', primaryHost: 'host' } }, { ...merchant, mcc: '54111' });
    expect(merged.ok).toBe(false);
    if (merged.ok) return;
    expect(merged.problems.map((p) => [p.field, p.tag])).toEqual([
      ['params.primaryHost', 'A011'],
      ['params.nii', 'A013'],
      ['params.kcv', 'E0E1'],
      ['merchant.mcc', 'A014'],
    ]);
    expect(merged.problems[2]!.message).toBe('params.kcv (E0E1 master key check value must be 6 hex digits)');
  });

  it('parses a template file and names structural problems by path', () => {
    expect(parseBankTemplate(template)).toMatchObject({ ok: true });
    const bad = parseBankTemplate({ ...template, format: 'other', params: { ...template.params, tls: undefined } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['format', 'params.tls']));
    expect(bad.problems.find((p) => p.field === 'params.tls')?.tag).toBe('A016');
  });

  it('knows which models a bank takes', () => {
    expect(templateAcceptsModel(template, 'A920')).toBe(true);
    expect(templateAcceptsModel(template, 'S800')).toBe(false);
    expect(templateAcceptsModel({ ...template, models: undefined }, 'S800')).toBe(true);
  });
});
