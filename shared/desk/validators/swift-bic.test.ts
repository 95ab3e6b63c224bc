import { describe, expect, it } from 'vitest';
import { bicCountryCodes, iso3166Alpha2 } from './iso-3166';
import { checkSwiftBic } from './swift-bic';

describe('checkSwiftBic', () => {
  it.each([
    ['BKCHCNBJ', 'Bank of China'],
    ['ICBKCNBJ', 'Industrial and Commercial Bank of China'],
    ['PCBCCNBJ', 'China Construction Bank'],
    ['ABOCCNBJ', 'Agricultural Bank of China'],
    ['COMMCNSH', 'Bank of Communications'],
    ['CMBCCNBS', 'China Merchants Bank'],
    ['DEUTDEFF500', 'Deutsche Bank, with a branch code'],
    ['NEDSZAJJXXX', 'Nedbank, primary office XXX'],
    ['HSBCHKHHHKH', 'HSBC Hong Kong'],
  ])('accepts %s (%s)', (code) => {
    expect(checkSwiftBic(code)).toMatchObject({ ok: true, value: code });
  });

  it('takes lower case and spaces', () => {
    expect(checkSwiftBic(' bkch cn bj ').value).toBe('BKCHCNBJ');
  });

  it.each(['BKCHCNB', 'BKCHCNBJ3', 'BKCHCNBJ3000'])('refuses %s: neither 8 nor 11 characters', (code) => {
    expect(checkSwiftBic(code).errors).toEqual([{ code: 'swift-bad-length', params: { length: code.length } }]);
  });

  it.each([
    ['BKC1CNBJ', 'a digit in the bank code'],
    ['BKCHC1BJ', 'a digit in the country'],
    ['BKCHCNB-', 'a dash in the location'],
    ['BKCHCNBJ30-', 'a dash in the branch'],
  ])('refuses %s (%s)', (code) => {
    expect(checkSwiftBic(code).errors.map((e) => e.code)).toEqual(['swift-bad-format']);
  });

  it('refuses a country that ISO 3166 has not assigned, and accepts Kosovo’s XK', () => {
    expect(checkSwiftBic('BKCHQQBJ').errors).toEqual([{ code: 'swift-unknown-country', params: { country: 'QQ' } }]);
    expect(checkSwiftBic('BKCHUKBJ').errors).toEqual([{ code: 'swift-unknown-country', params: { country: 'UK' } }]);
    expect(checkSwiftBic('RBKOXKPR').ok).toBe(true);
  });
});

describe('the ISO 3166 country list', () => {
  it('holds the 249 assigned alpha-2 codes, each a region the platform’s ICU data names', () => {
    expect(iso3166Alpha2.size).toBe(249);
    const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    expect(regions.of('QQ')).toBeUndefined();
    const unnamed = [...iso3166Alpha2].filter((code) => regions.of(code) === undefined);
    expect(unnamed).toEqual([]);
    expect(bicCountryCodes.size).toBe(250);
  });
});
