// Calendar dates as the desk writes them (ISO 8601, YYYY-MM-DD), checked by arithmetic: a stored
// date is a day, never a moment, so no time zone enters.
import { accepted, deskReason, normaliseCode, refused, shown, type FieldCheck } from './field-check';

/** True when year-month-day is a day of the Gregorian calendar. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** True when `text` is YYYY-MM-DD and names a real day. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * Checks a date field (YYYY-MM-DD). With `today` (also YYYY-MM-DD, the caller's clock) a later
 * date is refused: the fields that use this record something that has happened.
 */
export function checkPastIsoDate(input: string, options: { today?: string } = {}): FieldCheck {
  const value = normaliseCode(input);
  if (value === '') return refused(value, [deskReason('desk-field-required')]);
  if (!isIsoDate(value)) return refused(value, [deskReason('desk-date-bad', { value: shown(value) })]);
  // Same-length ISO dates order as strings.
  if (options.today !== undefined && value > options.today) return refused(value, [deskReason('desk-date-in-future', { date: value, today: options.today })]);
  return accepted(value);
}
