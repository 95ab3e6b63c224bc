import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orgCodeCheckCharacter } from './org-code';
import { checkUscc, usccCategories, usccCheckCharacter } from './uscc';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const codes = (check: ReturnType<typeof checkUscc>) => check.errors.map((error) => error.code);

// Codes printed on business licences and published by the companies themselves; the first is
// GB 32100-2015's own example. Each passes the check character and the inner GB 11714 check.
const published = [
  ['91350100M000100Y43', 'GB 32100-2015 example'],
  ['9144030071526726XG', 'Tencent Technology (Shenzhen)'],
  ['914403001922038216', 'Huawei Technologies'],
  ['91100000100003962T', 'Industrial and Commercial Bank of China'],
  ['911000001000013428', 'Bank of China'],
  ['91110000802100433B', 'Beijing Baidu Netcom'],
  ['91110108551385082Q', 'Xiaomi'],
  ['91330100716105852F', 'Alibaba (China)'],
  ['91230184MA1BUFLT44', 'an enterprise in Harbin (MA series organisation code)'],
  ['92371000MA3MXH0E3W', 'an individual business in Weihai (category 2)'],
] as const;

describe('checkUscc', () => {
  it.each(published)('accepts %s (%s) without a warning', (code) => {
    expect(checkUscc(code)).toEqual({ value: code, ok: true, errors: [], warnings: [] });
  });

  it('computes the standard example’s check character', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('takes lower case, spaces and full-width characters as typed with an input method', () => {
    expect(checkUscc(' 91350100m000100y43 ').value).toBe('91350100M000100Y43');
    expect(checkUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toMatchObject({ ok: true, value: '91350100M000100Y43' });
    expect(checkUscc('9135 0100 M000 100Y 43').ok).toBe(true);
  });

  it('refuses an empty code as missing', () => {
    expect(codes(checkUscc('  '))).toEqual(['desk-field-required']);
  });

  it.each(['91350100M000100Y4', '91350100M000100Y430', '91350100M000100'])('refuses %s: not 18 characters', (code) => {
    expect(checkUscc(code).errors).toEqual([{ code: 'uscc-bad-length', params: { length: code.length } }]);
  });

  it.each(['I', 'O', 'Z', 'S', 'V', '-', '*'])('refuses the character %s, which GB 32100 does not use, naming its position', (char) => {
    const code = `91350100${char}000100Y43`;
    expect(checkUscc(code).errors).toEqual([{ code: 'uscc-bad-character', params: { position: 9, character: char } }]);
  });

  it('refuses a registration authority outside the table (B), though the check character holds', () => {
    expect(checkUscc('B1350100M000100Y41').errors).toEqual([{ code: 'uscc-bad-authority', params: { code: 'B' } }]);
  });

  it('refuses a category the authority does not give (94: market regulation has 1 to 3 only)', () => {
    expect(checkUscc('94350100M000100Y4R').errors).toEqual([{ code: 'uscc-bad-category', params: { code: '4', authority: '9' } }]);
    expect(checkUscc('Y2350100M000100Y4A').errors).toEqual([{ code: 'uscc-bad-category', params: { code: '2', authority: 'Y' } }]);
  });

  it('accepts every authority and category of the table (codes built with their check character)', () => {
    for (const [authority, categories] of Object.entries(usccCategories)) {
      for (const category of categories) {
        const body = `${authority}${category}350100M000100Y4`;
        expect(checkUscc(body + usccCheckCharacter(body)), body).toMatchObject({ ok: true, warnings: [] });
      }
    }
    expect(Object.keys(usccCategories).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'N', 'Y']);
  });

  it('refuses a division (characters 3 to 8) that is not six digits', () => {
    expect(checkUscc('91AB0100M000100Y4T').errors).toEqual([{ code: 'uscc-bad-division', params: { code: 'AB0100' } }]);
  });

  it('refuses a wrong check character without saying the right one (that would hide the typo)', () => {
    expect(checkUscc('91350100M000100Y44').errors).toEqual([{ code: 'uscc-bad-check', params: { actual: '4' } }]);
    for (const wrong of CHARSET.replace('3', '')) expect(codes(checkUscc(`91350100M000100Y4${wrong}`))).toEqual(['uscc-bad-check']);
  });

  it('reports every independent fault of a well-formed code at once', () => {
    expect(codes(checkUscc('B4AB0100M000100Y40'))).toEqual(['uscc-bad-authority', 'uscc-bad-division', 'uscc-bad-check']);
  });

  it('only warns when the inner organisation code fails GB 11714 (91350100M000100Y56: check 5, GB 11714 wants 4)', () => {
    const check = checkUscc('91350100M000100Y56');
    expect(check.ok).toBe(true);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([{ code: 'uscc-org-code-check-failed', params: { orgCode: 'M000100Y5' } }]);
  });

  it('keeps the warning beside the errors of a refused code', () => {
    const check = checkUscc('91350100M000100Y55');
    expect(codes(check)).toEqual(['uscc-bad-check']);
    expect(check.warnings.map((warning) => warning.code)).toEqual(['uscc-org-code-check-failed']);
  });

  const body = fc
    .tuple(
      fc.constantFrom(...Object.entries(usccCategories).flatMap(([authority, categories]) => [...categories].map((category) => authority + category))),
      fc.stringMatching(/^[0-9]{6}$/),
      fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), { minLength: 8, maxLength: 8 }).map((chars) => chars.join('')),
    )
    .map(([head, division, org]) => ({ body17: head + division + org + orgCodeCheckCharacter(org), org }));

  it('accepts any code whose check characters were computed (property)', () => {
    fc.assert(
      fc.property(body, ({ body17 }) => {
        const check = checkUscc(body17 + usccCheckCharacter(body17));
        expect(check.ok).toBe(true);
      }),
    );
  });

  it('catches any single mistyped character (property: MOD 31 detects every substitution)', () => {
    fc.assert(
      fc.property(body, fc.nat(17), fc.integer({ min: 1, max: 30 }), ({ body17 }, at, shift) => {
        const code = body17 + usccCheckCharacter(body17);
        const typo = code.slice(0, at) + CHARSET[(CHARSET.indexOf(code[at]!) + shift) % 31] + code.slice(at + 1);
        expect(checkUscc(typo).ok).toBe(false);
      }),
    );
  });
});
