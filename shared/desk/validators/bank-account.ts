// A settlement account: the CNAPS bank code of the account's branch and the account number.
import { deskReason, firstCharacterMatching, normaliseCode, refused, type FieldCheck } from './field-check';

/**
 * The account number's length range. Personal card accounts are 16 to 19 digits (ISO/IEC 7812),
 * corporate settlement accounts run from about 9 (some city and rural banks) to 25 digits; 8 keeps
 * a margin below the shortest and still catches a number cut in half; 32 leaves room above the
 * longest while still refusing two numbers pasted together.
 */
export const accountNoLength = { min: 8, max: 32 } as const;

/** Checks a CNAPS bank code (开户行行号): exactly 12 digits. */
export function checkCnaps(input: string): FieldCheck {
  const value = normaliseCode(input).replace(/-/g, '');
  if (value === '') return refused(value, [deskReason('desk-field-required')]);
  const bad = firstCharacterMatching(value, /[^0-9]/u);
  if (bad) return refused(value, [deskReason('cnaps-bad-character', { position: bad.position, character: bad.character })]);
  return refused(value, value.length === 12 ? [] : [deskReason('cnaps-bad-length', { length: value.length })]);
}

/**
 * Checks a bank account number: digits only, 8 to 32 of them. Spaces and dashes, as printed on
 * cards and permits (`6222 0212 3456 7890`), are removed. No Luhn check: corporate accounts do
 * not carry one.
 */
export function checkAccountNo(input: string): FieldCheck {
  const value = normaliseCode(input).replace(/-/g, '');
  if (value === '') return refused(value, [deskReason('desk-field-required')]);
  const bad = firstCharacterMatching(value, /[^0-9]/u);
  if (bad) return refused(value, [deskReason('account-no-bad-character', { position: bad.position, character: bad.character })]);
  const { min, max } = accountNoLength;
  return refused(value, value.length >= min && value.length <= max ? [] : [deskReason('account-no-bad-length', { length: value.length, min, max })]);
}
