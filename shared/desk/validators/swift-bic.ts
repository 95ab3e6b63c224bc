// A SWIFT code (BIC) of ISO 9362: bank (4 letters), country (2 letters, ISO 3166), location
// (2 letters or digits) and an optional branch (3 letters or digits), 8 or 11 characters.
import { bicCountryCodes } from './iso-3166';
import { deskReason, normaliseCode, refused, type FieldCheck } from './field-check';

/** Checks a SWIFT/BIC code; spaces are removed and letters upper-cased. */
export function checkSwiftBic(input: string): FieldCheck {
  const value = normaliseCode(input);
  if (value === '') return refused(value, [deskReason('desk-field-required')]);
  const length = Array.from(value).length;
  if (length !== 8 && length !== 11) return refused(value, [deskReason('swift-bad-length', { length })]);
  if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value)) return refused(value, [deskReason('swift-bad-format')]);
  const country = value.slice(4, 6);
  return refused(value, bicCountryCodes.has(country) ? [] : [deskReason('swift-unknown-country', { country })]);
}
