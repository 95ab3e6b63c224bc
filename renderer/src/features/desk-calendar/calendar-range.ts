import { dayBounds, daysBetween, instantOf, plusDays, weekdayOf } from '../../../../shared/desk/time/zoned';
import { reason, type Reason } from '../../../../shared/errors/reason';
import { CALENDAR_MAX_DAYS, CALENDAR_MAX_ENGINEERS } from '../../../../shared/ipc/contract-desk-booking';

/** What one desk:calendar call reads: two instants and the engineers. */
export interface CalendarQuery {
  from: string;
  to: string;
  engineerIds: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The wall date a calendar Date stands for. The calendar hands out Dates whose local fields are the
 * wall clock of the zone it shows (it keeps no zone rules of its own), so the fields are read, not
 * the instant.
 */
export function wallDateOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The wall clock (HH:MM) a calendar Date stands for. */
export function wallClockOf(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The instants a view covers: from the start of its first local day to the end of its last one in
 * `zone` (a local day is 23, 24 or 25 hours). `lastDay` is inclusive. Refused over CALENDAR_MAX_DAYS,
 * the most main reads at once.
 */
export function rangeOfDays(firstDay: string, lastDay: string, zone: string): { ok: true; from: string; to: string } | { ok: false; reason: Reason } {
  const from = dayBounds(firstDay, zone).start;
  const to = dayBounds(lastDay, zone).end;
  if (to <= from) return { ok: false, reason: reason('appointment-range-backwards') };
  // Days by the calendar, not by 24 hours: a DST day is an hour short or long.
  if (daysBetween(firstDay, lastDay) + 1 > CALENDAR_MAX_DAYS) return { ok: false, reason: reason('appointment-range-too-long', { days: CALENDAR_MAX_DAYS }) };
  return { ok: true, from: instantOf(from), to: instantOf(to) };
}

/**
 * The days of the week `date` falls in, Monday to Sunday (the calendar's `firstDay: 1`): what the
 * week view shows first, known before the calendar exists, so its appointments can be asked for at once.
 */
export function weekOf(date: string): { firstDay: string; lastDay: string } {
  const firstDay = plusDays(date, 1 - Number(weekdayOf(date)));
  return { firstDay, lastDay: plusDays(firstDay, 6) };
}

/** The calendar calls for a range: one per CALENDAR_MAX_ENGINEERS engineers; none without engineers. */
export function calendarQueries(range: { from: string; to: string }, engineerIds: readonly string[], perCall = CALENDAR_MAX_ENGINEERS): CalendarQuery[] {
  const queries: CalendarQuery[] = [];
  for (let i = 0; i < engineerIds.length; i += perCall) queries.push({ from: range.from, to: range.to, engineerIds: engineerIds.slice(i, i + perCall) });
  return queries;
}
