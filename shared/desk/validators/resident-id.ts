// The citizen identity number of GB 11643-1999: a 6-digit address code, the birth date (8 digits),
// a 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X). The same form is used
// by the residence permits of Hong Kong, Macao and Taiwan residents (address 810000, 820000,
// 830000) and by the foreigner's permanent residence ID card of 2023 (first digit 9).
import { isCalendarDay } from './calendar-date';
import { provinceCodes } from './division-codes';
import { accepted, deskReason, firstCharacterMatching, normaliseCode, refused, shown, type FieldCheck } from './field-check';

// 2^(17-i) mod 11 for positions 1..17 (ISO 7064 MOD 11-2).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
// The permits' address codes: the whole six digits, not only a province.
const PERMIT_ADDRESS_CODES = new Set(['810000', '820000', '830000']);
// GB 11643's own example is born in 1880; a birth year before 1800 can only be a typo.
const EARLIEST_BIRTH_YEAR = 1800;

/** The kind of holder the number's first digits say. */
export type ResidentIdKind = 'citizen' | 'hk-macao-taiwan-permit' | 'foreign-permanent-resident';

/** The check character (0-9 or X) for the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^[0-9]{17}$/.test(first17)) throw new RangeError('An ID number body is 17 digits.');
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
  return CHECK_CHARACTERS[sum % 11]!;
}

/** What kind of number this is by its first digits; undefined when no holder has such a number. */
export function residentIdKind(number: string): ResidentIdKind | undefined {
  // The permanent residence card puts 9 first, which no province code has.
  if (number.startsWith('9')) return 'foreign-permanent-resident';
  if (PERMIT_ADDRESS_CODES.has(number.slice(0, 6))) return 'hk-macao-taiwan-permit';
  const province = number.slice(0, 2);
  if (province === '81' || province === '82') return undefined;
  return provinceCodes.has(province) ? 'citizen' : undefined;
}

/**
 * Checks an 18-character ID number. A 15-digit number (issued before 1999) is refused with its own
 * reason: banks and the acquirers want the 18-digit one. `today` (YYYY-MM-DD) refuses a birth date
 * after it. A lower-case x is taken as X.
 */
export function checkResidentId(input: string, options: { today?: string } = {}): FieldCheck {
  const value = normaliseCode(input);
  if (value === '') return refused(value, [deskReason('desk-field-required')]);
  if (/^[0-9]{15}$/.test(value)) return refused(value, [deskReason('resident-id-old-15-digit')]);
  const length = Array.from(value).length;
  if (length !== 18) return refused(value, [deskReason('resident-id-bad-length', { length })]);
  const bad = firstCharacterMatching(value.slice(0, 17), /[^0-9]/u) ?? (/^[0-9X]$/.test(value[17]!) ? undefined : { position: 18, character: value[17]! });
  if (bad) return refused(value, [deskReason('resident-id-bad-character', { position: bad.position, character: bad.character })]);

  const kind = residentIdKind(value);
  if (kind === undefined) return refused(value, [deskReason('resident-id-bad-region', { code: value.slice(0, 6) })]);
  const birth = value.slice(6, 14);
  const [year, month, day] = [Number(birth.slice(0, 4)), Number(birth.slice(4, 6)), Number(birth.slice(6, 8))];
  if (year < EARLIEST_BIRTH_YEAR || !isCalendarDay(year, month, day)) return refused(value, [deskReason('resident-id-bad-birth-date', { date: shown(birth) })]);
  const isoBirth = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  if (options.today !== undefined && isoBirth > options.today) return refused(value, [deskReason('resident-id-born-in-future', { date: isoBirth })]);
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) return refused(value, [deskReason('resident-id-bad-check', { actual: value[17]! })]);
  return accepted(value);
}
