import { describe, expect, it } from 'vitest';
import { checkAreaCode } from './area-code';
import { provinceCodes } from './division-codes';

describe('checkAreaCode', () => {
  it.each([
    ['350100', 'Fuzhou'],
    ['350000', 'Fujian'],
    ['110105', 'Chaoyang, Beijing'],
    ['650100', 'Urumqi'],
    ['810000', 'Hong Kong'],
    ['820000', 'Macao'],
  ])('accepts %s (%s)', (code) => {
    expect(checkAreaCode(code)).toMatchObject({ ok: true, value: code });
  });

  it('has the 34 province-level divisions of GB/T 2260', () => {
    expect(provinceCodes.size).toBe(34);
  });

  it.each(['35010', '3501000', '35O100', '350-100'])('refuses %s: not six digits', (code) => {
    expect(checkAreaCode(code).errors.map((e) => e.code)).toEqual(['area-bad-format']);
  });

  it.each([
    ['000000', '00'],
    ['100000', '10'],
    ['660100', '66'],
    ['910000', '91'],
  ])('refuses %s: %s is no province', (code, province) => {
    expect(checkAreaCode(code).errors).toEqual([{ code: 'area-unknown-province', params: { code: province } }]);
  });

  it('refuses an empty area as missing', () => {
    expect(checkAreaCode('').errors.map((e) => e.code)).toEqual(['desk-field-required']);
  });
});
