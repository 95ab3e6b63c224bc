import { describe, expect, it } from 'vitest';
import { checkAccountStatus } from './account-status';

describe('checkAccountStatus', () => {
  it.each([
    ['normal', 'normal'],
    ['Frozen', 'frozen'],
    ['arrears', 'arrears'],
    ['正常', 'normal'],
    ['冻结', 'frozen'],
    [' 欠款 ', 'arrears'],
  ])('reads %s as %s', (input, code) => {
    expect(checkAccountStatus(input)).toMatchObject({ ok: true, value: code });
  });

  it('refuses anything else, and an empty status as missing', () => {
    expect(checkAccountStatus('closed').errors).toEqual([{ code: 'account-status-unknown', params: { value: 'closed' } }]);
    expect(checkAccountStatus('').errors.map((e) => e.code)).toEqual(['desk-field-required']);
  });
});
