// The unified social credit code of GB 32100-2015: 18 characters from 31 (digits and capital
// letters without I, O, Z, S, V): registration authority (1), organisation category (1), the
// registering authority's administrative division (6 digits), the organisation code of GB 11714
// (9) and a check character (weights 3^i mod 31, value 31 - sum mod 31).
import { deskReason, firstCharacterMatching, normaliseCode, refused, shown, type DeskReason, type FieldCheck } from './field-check';
import { orgCodeCheckHolds } from './org-code';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, index) => Array.from({ length: index }).reduce<number>((power) => (power * 3) % 31, 1));

/**
 * The categories each registration authority may give (GB 32100-2015 table 1 as amended by the
 * authorities since: 2-8 (foreign affairs to trade unions), A (the military) and N (agriculture)).
 * Y (others) has the single category 1.
 */
export const usccCategories: Readonly<Record<string, string>> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

/** The check character for the first 17 characters of a code. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17 || [...first17].some((char) => !CHARSET.includes(char))) throw new RangeError('A code body is 17 characters of the GB 32100 set.');
  const sum = [...first17].reduce((total, char, index) => total + CHARSET.indexOf(char) * WEIGHTS[index]!, 0);
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * Checks a unified social credit code. Errors: length, a character outside the set, an unknown
 * authority or category, a division that is not six digits, the check character. The embedded
 * organisation code's own GB 11714 check is only a warning: some early codes, issued before the
 * check was enforced everywhere, fail it and are real all the same.
 */
export function checkUscc(input: string): FieldCheck {
  const value = normaliseCode(input);
  if (value === '') return refused(value, [deskReason('desk-field-required')]);
  const length = Array.from(value).length;
  if (length !== 18) return refused(value, [deskReason('uscc-bad-length', { length })]);
  const bad = firstCharacterMatching(value, /[^0-9A-HJ-NPQRTUWXY]/u);
  if (bad) return refused(value, [deskReason('uscc-bad-character', { position: bad.position, character: bad.character })]);

  const errors: DeskReason[] = [];
  const authority = value[0]!;
  const categories = usccCategories[authority];
  if (categories === undefined) errors.push(deskReason('uscc-bad-authority', { code: authority }));
  else if (!categories.includes(value[1]!)) errors.push(deskReason('uscc-bad-category', { code: value[1]!, authority }));
  const division = value.slice(2, 8);
  if (!/^[0-9]{6}$/.test(division)) errors.push(deskReason('uscc-bad-division', { code: shown(division) }));
  if (usccCheckCharacter(value.slice(0, 17)) !== value[17]) errors.push(deskReason('uscc-bad-check', { actual: value[17]! }));

  const orgCode = value.slice(8, 17);
  const warnings = orgCodeCheckHolds(orgCode) ? [] : [deskReason('uscc-org-code-check-failed', { orgCode })];
  return refused(value, errors, warnings);
}
