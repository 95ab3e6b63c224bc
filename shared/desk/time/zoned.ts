// The desk's one time-zone module. Appointments are stored as UTC instants with the IANA zone they
// were booked in; bank windows and engineer hours are wall-clock times local to their own zone.
// Everything that turns one into the other goes through here.
//
// Library: temporal-polyfill (Temporal), chosen over date-fns-tz because Temporal is the coming
// standard (the code stays when the polyfill goes), it reads the zone rules from the runtime's Intl
// data rather than shipping its own, and its arithmetic is exact across DST: a local day can be 23
// or 25 hours long, and "09:00 in Berlin" is found per day, never by adding a fixed offset.
//
// DST semantics (Europe/Berlin 2026: clocks jump 02:00 → 03:00 on 29 March, fall back 03:00 → 02:00
// on 25 October):
// - A wall time the desk types (`wallTimeToInstant`) is REJECTED when it does not exist (02:30 on
//   2026-03-29 in Berlin: the clocks skip it) and when it is ambiguous (02:30 on 2026-10-25 happens
//   twice) unless the caller says which of the two ('earlier' = summer time, 'later' = winter time).
//   Guessing would book the engineer an hour off; a refusal says what to choose.
// - Window and working-hours edges (`windowEdgeToInstant`) are resolved the 'compatible' way, as
//   clocks do: an edge inside a gap moves forward by the gap (a window from 02:00 opens at 03:00
//   summer time), an edge inside an overlap takes the first occurrence. So a window 01:00–05:00 on
//   29 March is three real hours long, and on 25 October five.
import { Temporal } from 'temporal-polyfill';
import { reason, type Reason } from '../../errors/reason';
import type { IsoWeekday, TimeWindow } from '../model/calendar';
import { clockText, dateText, epochDayOf, offsetText, readWallClock } from './wall-reading';

/** A span of time as epoch milliseconds, start inclusive, end exclusive. */
export interface EpochInterval {
  start: number;
  end: number;
}

/** A wall-clock reading in a zone. */
export interface WallTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  weekday: IsoWeekday;
  /** The zone's offset then, e.g. +02:00. */
  offset: string;
}

// The form Date.parse reads exactly by the ECMAScript spec (UTC, at most milliseconds); the slot
// finder and the gate parse thousands of stored instants, and the polyfill's parser is much slower.
const dateTimeStringFormat = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** Epoch milliseconds of an ISO instant. */
export function epochMs(instant: string): number {
  return dateTimeStringFormat.test(instant) ? Date.parse(instant) : Temporal.Instant.from(instant).epochMilliseconds;
}

/** The ISO instant (UTC, Z) of epoch milliseconds. */
export function instantOf(ms: number): string {
  return Temporal.Instant.fromEpochMilliseconds(ms).toString();
}

/** Where `instant` falls on the wall clocks of `zone`. */
export function instantToWallTime(instant: string | number, zone: string): WallTime {
  const ms = typeof instant === 'number' ? instant : dateTimeStringFormat.test(instant) ? Date.parse(instant) : Number.NaN;
  const reading = readWallClock(ms, zone);
  if (reading) return { date: dateText(reading), time: clockText(reading), weekday: String(reading.weekday) as IsoWeekday, offset: offsetText(reading.offsetSeconds) };
  const exact = typeof instant === 'number' ? Temporal.Instant.fromEpochMilliseconds(instant) : Temporal.Instant.from(instant);
  const zoned = exact.toZonedDateTimeISO(zone);
  return {
    date: zoned.toPlainDate().toString(),
    time: zoned.toPlainTime().toString({ smallestUnit: 'minute' }),
    weekday: String(zoned.dayOfWeek) as IsoWeekday,
    offset: zoned.offset,
  };
}

/** `instant` as `YYYY-MM-DD HH:MM` on the wall clocks of `zone` (for reasons shown to people). */
export function formatWallTime(instant: string | number, zone: string): string {
  const wall = instantToWallTime(instant, zone);
  return `${wall.date} ${wall.time}`;
}

/** The local date of `instant` in `zone`. */
export function localDateOf(instant: string | number, zone: string): string {
  return instantToWallTime(instant, zone).date;
}

/** How a wall time maps to instants: once, never (a DST gap), or twice (a DST overlap). */
export type WallTimeResolution =
  | { kind: 'exact'; instant: string }
  | { kind: 'gap' }
  | { kind: 'overlap'; earlier: string; later: string };

/** Resolves `date` `time` (HH:MM) in `zone` without choosing for the caller. */
export function resolveWallTime(date: string, time: string, zone: string): WallTimeResolution {
  const local = Temporal.PlainDate.from(date).toPlainDateTime(Temporal.PlainTime.from(time));
  const earlier = local.toZonedDateTime(zone, { disambiguation: 'earlier' });
  const later = local.toZonedDateTime(zone, { disambiguation: 'later' });
  if (!earlier.toPlainDateTime().equals(local)) return { kind: 'gap' };
  if (earlier.epochMilliseconds !== later.epochMilliseconds) {
    return { kind: 'overlap', earlier: earlier.toInstant().toString(), later: later.toInstant().toString() };
  }
  return { kind: 'exact', instant: earlier.toInstant().toString() };
}

/** Which occurrence of an ambiguous wall time is meant: the first (before the clocks go back) or the second. */
export type OverlapChoice = 'earlier' | 'later';

/** A typed wall time as an instant, or why not (`booking-time-in-gap`, `booking-time-ambiguous`). */
export function wallTimeToInstant(date: string, time: string, zone: string, choice?: OverlapChoice): { ok: true; instant: string } | { ok: false; reason: Reason } {
  const resolved = resolveWallTime(date, time, zone);
  if (resolved.kind === 'exact') return { ok: true, instant: resolved.instant };
  if (resolved.kind === 'gap') return { ok: false, reason: reason('booking-time-in-gap', { day: date, time, zone }) };
  if (choice) return { ok: true, instant: resolved[choice] };
  return {
    ok: false,
    reason: reason('booking-time-ambiguous', {
      day: date,
      time,
      zone,
      earlier: instantToWallTime(resolved.earlier, zone).offset,
      later: instantToWallTime(resolved.later, zone).offset,
    }),
  };
}

// Window edges repeat (the same banks and hours, the same few days): remembered per zone, date and
// clock, which cannot change while the process runs; bounded, and emptied when full.
const edgeMemo = new Map<string, number>();
const EDGE_MEMO_LIMIT = 20_000;

/** The instant a window edge (HH:MM, or 24:00 for the next midnight) stands for on `date` in `zone`, 'compatible' in gaps and overlaps. */
export function windowEdgeToInstant(date: string, clock: string, zone: string): number {
  const key = `${zone} ${date} ${clock}`;
  const known = edgeMemo.get(key);
  if (known !== undefined) return known;
  if (edgeMemo.size >= EDGE_MEMO_LIMIT) edgeMemo.clear();
  const ms = edgeInstant(date, clock, zone);
  edgeMemo.set(key, ms);
  return ms;
}

function edgeInstant(date: string, clock: string, zone: string): number {
  const day = Temporal.PlainDate.from(date);
  if (clock === '24:00') return day.add({ days: 1 }).toZonedDateTime(zone).startOfDay().epochMilliseconds;
  return day.toPlainDateTime(Temporal.PlainTime.from(clock)).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** The real spans of a day's windows on `date` in `zone` (an edge in a DST gap moves as the clocks do). */
export function windowsOnDay(date: string, windows: readonly TimeWindow[], zone: string): EpochInterval[] {
  return windows
    .map((w) => ({ start: windowEdgeToInstant(date, w.start, zone), end: windowEdgeToInstant(date, w.end, zone) }))
    .filter((span) => span.start < span.end);
}

/** The local day `date` in `zone` as real time: from its first instant to the next day's (23, 24 or 25 hours). */
export function dayBounds(date: string, zone: string): EpochInterval {
  const day = Temporal.PlainDate.from(date);
  return {
    start: day.toZonedDateTime(zone).startOfDay().epochMilliseconds,
    end: day.add({ days: 1 }).toZonedDateTime(zone).startOfDay().epochMilliseconds,
  };
}

/** The ISO weekday of a date. */
export function weekdayOf(date: string): IsoWeekday {
  const epochDay = epochDayOf(date);
  // 1970-01-01 was a Thursday (ISO 4).
  if (epochDay !== undefined) return String(((((epochDay + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
  return String(Temporal.PlainDate.from(date).dayOfWeek) as IsoWeekday;
}

/** `date` plus `days` calendar days. */
export function plusDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [a, b] = [epochDayOf(from), epochDayOf(to)];
  if (a !== undefined && b !== undefined) return b - a;
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}

/** True when two half-open spans share any time. */
export function overlaps(a: EpochInterval, b: EpochInterval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when `inner` lies wholly inside `outer`. */
export function contains(outer: EpochInterval, inner: EpochInterval): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
