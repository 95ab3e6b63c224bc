import { describe, expect, it } from 'vitest';
import { checkPhone } from './phone';

describe('checkPhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['19912345678', '19912345678'],
  ])('accepts the mobile number %s as %s', (input, value) => {
    expect(checkPhone(input)).toEqual({ value, ok: true, errors: [], warnings: [], kind: 'mobile' });
  });

  it.each([
    ['010-62345678', '010-62345678'],
    ['021 54321234', '021-54321234'],
    ['0591-87654321', '0591-87654321'],
    ['059187654321', '0591-87654321'],
    ['(0591)87654321', '0591-87654321'],
    ['0591-8765432', '0591-8765432'],
    ['+86 591 8765 4321', '0591-87654321'],
    ['0591-87654321-8001', '0591-87654321-8001'],
    ['0591-87654321 转 8001', '0591-87654321-8001'],
    ['0591-87654321 ext. 12', '0591-87654321-12'],
    ['0591-87654321#12', '0591-87654321-12'],
  ])('reads the landline %s as %s', (input, value) => {
    expect(checkPhone(input)).toEqual({ value, ok: true, errors: [], warnings: [], kind: 'landline' });
  });

  it('refuses a mobile number that does not begin 13 to 19 or has the wrong length', () => {
    expect(checkPhone('12345678901').errors).toEqual([{ code: 'phone-bad-mobile', params: { number: '12345678901' } }]);
    expect(checkPhone('1380013800').errors).toEqual([{ code: 'phone-bad-mobile', params: { number: '1380013800' } }]);
    expect(checkPhone('138001380001').errors).toEqual([{ code: 'phone-bad-mobile', params: { number: '138001380001' } }]);
  });

  it('refuses an area code that does not exist (0012, 0123)', () => {
    expect(checkPhone('0012-87654321').errors).toEqual([{ code: 'phone-bad-area-code', params: { code: '0012' } }]);
    expect(checkPhone('0123-87654321').errors).toEqual([{ code: 'phone-bad-area-code', params: { code: '0123' } }]);
  });

  it('refuses a local number of the wrong length or beginning with 0 or 1', () => {
    expect(checkPhone('0591-876543').errors).toEqual([{ code: 'phone-bad-local-number', params: { number: '876543' } }]);
    expect(checkPhone('010-12345678').errors).toEqual([{ code: 'phone-bad-local-number', params: { number: '12345678' } }]);
    expect(checkPhone('0591-07654321').errors).toEqual([{ code: 'phone-bad-local-number', params: { number: '07654321' } }]);
  });

  it.each(['87654321', '4008123123', '95588', 'abc', '0591-8765432a', '13800138000 转 12'])('refuses %s: neither a mobile nor a landline with its area code', (input) => {
    expect(checkPhone(input).errors.map((e) => e.code)).toEqual(['phone-bad-format']);
  });

  it('refuses an empty number as missing', () => {
    expect(checkPhone(' ').errors.map((e) => e.code)).toEqual(['desk-field-required']);
  });
});
