// The calendar values every desk record uses: dates, clock times, instants, IANA zones and weekly
// hours. Dates and clock times are local to a zone named beside them; instants are UTC (ISO 8601
// with Z), so two desks in different zones store the same moment the same way.
import { z } from 'zod';
import { Temporal } from 'temporal-polyfill';

/** ISO weekdays, Monday = 1 … Sunday = 7 (Temporal's dayOfWeek). */
export const isoWeekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;
/** One ISO weekday as a record key. */
export type IsoWeekday = (typeof isoWeekdays)[number];

/** True when `zone` is an IANA zone the runtime's Intl data knows (Europe/Berlin, Asia/Shanghai, UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    Temporal.Now.zonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** An IANA time-zone name. */
export const timeZoneSchema = z.string().min(1).max(64).refine(isTimeZone, { message: 'not an IANA time zone (for example Asia/Shanghai or Europe/Berlin)' });

/** A calendar date, YYYY-MM-DD, that exists (no 2026-02-30). */
export const plainDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
  .refine((value) => {
    try {
      Temporal.PlainDate.from(value, { overflow: 'reject' });
      return true;
    } catch {
      return false;
    }
  }, 'no such date');

/** A UTC instant as an ISO 8601 string ending in Z. */
export const instantSchema = z.iso.datetime();

// 24:00 ends a window at midnight; it is never a start.
const clockPattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A wall-clock time, HH:MM (00:00–23:59). */
export const clockTimeSchema = z.string().regex(clockPattern, 'a time is HH:MM between 00:00 and 23:59');
/** The end of a window: HH:MM, or 24:00 for midnight at the end of the day. */
export const clockEndSchema = z.string().refine((value) => value === '24:00' || clockPattern.test(value), 'an end time is HH:MM between 00:01 and 24:00');

/** Minutes since local midnight of an HH:MM (24:00 → 1440). */
export function minutesOfClock(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** A span of wall-clock time on one local day, start before end. */
export const timeWindowSchema = z
  .strictObject({ start: clockTimeSchema, end: clockEndSchema })
  .refine((w) => minutesOfClock(w.start) < minutesOfClock(w.end), { message: 'a window ends after it starts', path: ['end'] });
/** One window of wall-clock time. */
export type TimeWindow = z.infer<typeof timeWindowSchema>;

/** A day's windows: in order and not overlapping (touching is fine: 09:00–12:00 and 12:00–13:00). */
export const dayWindowsSchema = z.array(timeWindowSchema).max(24).refine(
  (windows) => windows.every((w, i) => i === 0 || minutesOfClock(windows[i - 1]!.end) <= minutesOfClock(w.start)),
  { message: 'windows of a day are in order and do not overlap' },
);

/** Windows for each ISO weekday, all seven keys present (an empty list: closed or off that day). */
export const weekWindowsSchema = z.record(z.enum(isoWeekdays), dayWindowsSchema);
/** Windows per ISO weekday. */
export type WeekWindows = z.infer<typeof weekWindowsSchema>;
