// An area as the desk records it (where a merchant is, which areas a bank or an engineer serves):
// a six-digit administrative division code of GB/T 2260, e.g. 350100 (Fuzhou) or 350000 (Fujian).
import { provinceCodes } from './division-codes';
import { accepted, deskReason, normaliseCode, refused, shown, type FieldCheck } from './field-check';

/**
 * Checks an area code: six digits whose first two are a province-level code. The remaining digits
 * are not looked up: divisions are renamed and merged every year, and a list shipped today would
 * refuse tomorrow's codes.
 */
export function checkAreaCode(input: string): FieldCheck {
  const value = normaliseCode(input);
  if (value === '') return refused(value, [deskReason('desk-field-required')]);
  if (!/^[0-9]{6}$/.test(value)) return refused(value, [deskReason('area-bad-format', { value: shown(value) })]);
  const province = value.slice(0, 2);
  return provinceCodes.has(province) ? accepted(value) : refused(value, [deskReason('area-unknown-province', { code: province })]);
}
