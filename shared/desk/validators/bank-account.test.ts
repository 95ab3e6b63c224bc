import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountNoLength, checkAccountNo, checkCnaps } from './bank-account';

describe('checkCnaps', () => {
  it.each(['102100099996', '104100000004', '308584000013'])('accepts the 12-digit bank code %s', (code) => {
    expect(checkCnaps(code)).toMatchObject({ ok: true, value: code });
  });

  it('takes spaces, dashes and full-width digits', () => {
    expect(checkCnaps(' 1021 0009 9996 ').value).toBe('102100099996');
    expect(checkCnaps('102-100-099-996').value).toBe('102100099996');
    expect(checkCnaps('１０２１０００９９９９６').ok).toBe(true);
  });

  it.each(['10210009999', '1021000999961'])('refuses %s: not 12 digits', (code) => {
    expect(checkCnaps(code).errors).toEqual([{ code: 'cnaps-bad-length', params: { length: code.length } }]);
  });

  it('refuses a letter, naming its position', () => {
    expect(checkCnaps('10210009999A').errors).toEqual([{ code: 'cnaps-bad-character', params: { position: 12, character: 'A' } }]);
  });

  it('refuses an empty code as missing', () => {
    expect(checkCnaps('').errors.map((e) => e.code)).toEqual(['desk-field-required']);
  });
});

describe('checkAccountNo', () => {
  it.each([
    ['6222021234567890', 'a 16-digit debit card'],
    ['6217000010012345678', 'a 19-digit debit card'],
    ['1202020109900012345', 'a 19-digit corporate account'],
    ['44050146010900000123', 'a 20-digit corporate account'],
    ['350301000000123456789', 'a 21-digit corporate account'],
  ])('accepts %s (%s; a sample of that shape)', (number) => {
    expect(checkAccountNo(number)).toMatchObject({ ok: true, value: number });
  });

  it('drops the spaces and dashes printed on cards and permits', () => {
    expect(checkAccountNo('6222 0212 3456 7890').value).toBe('6222021234567890');
    expect(checkAccountNo('6222-0212-3456-7890').value).toBe('6222021234567890');
  });

  it('accepts 8 and 32 digits and refuses 7 and 33', () => {
    expect(accountNoLength).toEqual({ min: 8, max: 32 });
    expect(checkAccountNo('1'.repeat(8)).ok).toBe(true);
    expect(checkAccountNo('1'.repeat(32)).ok).toBe(true);
    expect(checkAccountNo('1'.repeat(7)).errors).toEqual([{ code: 'account-no-bad-length', params: { length: 7, min: 8, max: 32 } }]);
    expect(checkAccountNo('1'.repeat(33)).errors).toEqual([{ code: 'account-no-bad-length', params: { length: 33, min: 8, max: 32 } }]);
  });

  it('refuses anything but digits, naming the first', () => {
    expect(checkAccountNo('6222O21234567890').errors).toEqual([{ code: 'account-no-bad-character', params: { position: 5, character: 'O' } }]);
  });

  it('refuses an empty number as missing', () => {
    expect(checkAccountNo('   ').errors.map((e) => e.code)).toEqual(['desk-field-required']);
  });

  it('accepts exactly the digit strings of 8 to 32 digits (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,40}$/), (digits) => {
        expect(checkAccountNo(digits).ok).toBe(digits.length >= 8 && digits.length <= 32);
      }),
    );
  });
});
