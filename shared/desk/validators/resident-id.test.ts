import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkResidentId, residentIdCheckCharacter, residentIdKind } from './resident-id';

const codes = (check: ReturnType<typeof checkResidentId>) => check.errors.map((error) => error.code);

describe('checkResidentId', () => {
  it.each(['11010519491231002X', '440524188001010014'])('accepts GB 11643-1999’s example %s', (number) => {
    expect(checkResidentId(number)).toEqual({ value: number, ok: true, errors: [], warnings: [] });
    expect(residentIdKind(number)).toBe('citizen');
  });

  it('takes a lower-case x, spaces and full-width digits', () => {
    expect(checkResidentId('11010519491231002x')).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(checkResidentId('110105 19491231 002X').ok).toBe(true);
    expect(checkResidentId('１１０１０５１９４９１２３１００２Ｘ').ok).toBe(true);
  });

  // Built with their check digit: the address codes are the permits' own (810000 Hong Kong,
  // 820000 Macao, 830000 Taiwan); the 2023 permanent residence card begins with 9.
  it.each([
    ['810000199408230021', 'hk-macao-taiwan-permit'],
    ['820000198501010039', 'hk-macao-taiwan-permit'],
    ['830000199005150047', 'hk-macao-taiwan-permit'],
    ['933840198001010027', 'foreign-permanent-resident'],
    ['911826200506200018', 'foreign-permanent-resident'],
  ])('accepts the residence permit or card number %s (%s)', (number, kind) => {
    expect(checkResidentId(number).ok).toBe(true);
    expect(residentIdKind(number)).toBe(kind);
  });

  it('refuses an old 15-digit number with its own reason, asking for the 18-digit one', () => {
    expect(codes(checkResidentId('110105491231002'))).toEqual(['resident-id-old-15-digit']);
  });

  it('refuses an empty number as missing', () => {
    expect(codes(checkResidentId(''))).toEqual(['desk-field-required']);
  });

  it.each(['11010519491231002', '11010519491231002X1', '1101051949123100'])('refuses %s: not 18 characters', (number) => {
    expect(checkResidentId(number).errors).toEqual([{ code: 'resident-id-bad-length', params: { length: number.length } }]);
  });

  it('refuses a letter among the first 17 and anything but a digit or X last, naming the position', () => {
    expect(checkResidentId('1101051949A231002X').errors).toEqual([{ code: 'resident-id-bad-character', params: { position: 11, character: 'A' } }]);
    expect(checkResidentId('11010519491231002Y').errors).toEqual([{ code: 'resident-id-bad-character', params: { position: 18, character: 'Y' } }]);
  });

  it.each([
    ['720105194912310023', '720105', 'no province 72'],
    ['010105194912310020', '010105', 'no province 01'],
    ['811234199408230027', '811234', 'a Hong Kong permit uses 810000 only'],
  ])('refuses %s: %s is not a region (%s)', (number, code) => {
    expect(checkResidentId(number).errors).toEqual([{ code: 'resident-id-bad-region', params: { code } }]);
  });

  it.each([
    ['110105194902300012', '19490230', 'February 30th'],
    ['110105190002290017', '19000229', '1900 was not a leap year'],
    ['110105179912310016', '17991231', 'before 1800'],
  ])('refuses %s: the birth date %s is not real (%s)', (number, date) => {
    expect(checkResidentId(number).errors).toEqual([{ code: 'resident-id-bad-birth-date', params: { date } }]);
  });

  it('accepts February 29th of a leap year', () => {
    expect(checkResidentId('350102200002290019').ok).toBe(true);
  });

  it('refuses a birth date after the given today, and accepts it without a today', () => {
    expect(checkResidentId('110105209912310029', { today: '2026-12-01' }).errors).toEqual([{ code: 'resident-id-born-in-future', params: { date: '2099-12-31' } }]);
    expect(checkResidentId('110105209912310029').ok).toBe(true);
    expect(checkResidentId('11010519491231002X', { today: '2026-12-01' }).ok).toBe(true);
  });

  it('refuses a wrong check character, and each of the ten wrong ones', () => {
    expect(checkResidentId('110105194912310021').errors).toEqual([{ code: 'resident-id-bad-check', params: { actual: '1' } }]);
    for (const wrong of '0123456789') expect(codes(checkResidentId(`11010519491231002${wrong}`))).toEqual(['resident-id-bad-check']);
  });

  const body = fc
    .tuple(fc.constantFrom('110105', '440524', '350102', '810000', '830000', '933840'), fc.date({ min: new Date('1900-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }), fc.stringMatching(/^[0-9]{3}$/))
    .map(([address, birth, sequence]) => address + birth.toISOString().slice(0, 10).replace(/-/g, '') + sequence);

  it('accepts any number whose check character was computed (property)', () => {
    fc.assert(fc.property(body, (first17) => void expect(checkResidentId(first17 + residentIdCheckCharacter(first17)).ok).toBe(true)));
  });

  it('catches every single mistyped digit and every swap of two neighbouring digits (property: MOD 11-2)', () => {
    fc.assert(
      fc.property(body, fc.nat(16), fc.integer({ min: 1, max: 9 }), (first17, at, shift) => {
        const number = first17 + residentIdCheckCharacter(first17);
        const typo = number.slice(0, at) + String((Number(number[at]) + shift) % 10) + number.slice(at + 1);
        expect(residentIdCheckCharacter(typo.slice(0, 17))).not.toBe(number[17]);
        if (at < 16 && number[at] !== number[at + 1]) {
          const swapped = number.slice(0, at) + number[at + 1] + number[at] + number.slice(at + 2);
          expect(residentIdCheckCharacter(swapped.slice(0, 17))).not.toBe(number[17]);
        }
      }),
    );
  });
});
