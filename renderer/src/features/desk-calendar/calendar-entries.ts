import { instantToWallTime, wallTimeToInstant } from '../../../../shared/desk/time/zoned';
import type { Reason } from '../../../../shared/errors/reason';
import type { InvokeOutput } from '../../../../shared/ipc/contract';
import { wallClockOf, wallDateOf } from './calendar-range';
import type { DaySummary } from './day-summaries';

/** An appointment as desk:calendar returns it. */
export type CalendarEntry = InvokeOutput<'desk:calendar'>['appointments'][number];
/** An engineer as the calendar's opening (desk:calendar-open) gives them. */
export type EngineerView = InvokeOutput<'desk:calendar-open'>['engineers'][number];

/** What the calendar component is given for one appointment (its event input). */
export interface CalendarEvent {
  id: string;
  resourceIds: string[];
  /** Floating wall times (no offset) in the zone the calendar shows. */
  start: string;
  end: string;
  title: string;
  classNames: string[];
  editable: boolean;
  /** One appointment, or an engineer's busy day drawn as one (day-summaries.ts). */
  extendedProps: { entry: CalendarEntry } | { summary: DaySummary };
}

/**
 * An instant as a floating wall time in `zone` (2026-12-07T10:00:00). The calendar is told only a
 * UTC offset, which is wrong for half the year in a DST zone; given wall times it draws them as they
 * are, so the zone rules stay with Temporal (shared/desk/time/zoned.ts).
 */
export function floatingWallTime(instant: string | number, zone: string): string {
  const wall = instantToWallTime(instant, zone);
  return `${wall.date}T${wall.time}:00`;
}

/** The instant a calendar Date (wall fields in `zone`) stands for, or why it has none (a DST gap or doubled hour). */
export function instantOfCalendarDate(date: Date, zone: string): { ok: true; instant: string } | { ok: false; reason: Reason } {
  return wallTimeToInstant(wallDateOf(date), wallClockOf(date), zone);
}

/** The appointment as the calendar draws it: tentative, confirmed and cancelled each with a class of their own. */
export function toCalendarEvent(entry: CalendarEntry, zone: string, mayEdit: boolean): CalendarEvent {
  return {
    id: entry.id,
    resourceIds: [entry.engineerId],
    start: floatingWallTime(entry.start, zone),
    end: floatingWallTime(entry.end, zone),
    title: entry.merchantName,
    classNames: ['appointment', `appointment-${entry.status}`],
    editable: mayEdit && entry.status !== 'cancelled',
    extendedProps: { entry },
  };
}

/** One row or column per engineer: their name, with their areas for telling two of a name apart. */
export function toResources(engineers: readonly EngineerView[]): { id: string; title: string; extendedProps: { areas: string } }[] {
  return engineers.map((e) => ({ id: e.id, title: e.displayName, extendedProps: { areas: e.areas.join(' ') } }));
}

/** The calendar's `timeZone` option: the zone's offset now (what its "now" line and "today" need). */
export function offsetNow(zone: string, now: number): string {
  return instantToWallTime(now, zone).offset;
}

/** A span's two ends on the wall clocks of `zone`: the start with its date, the end with its date only when it is another day. */
export function spanParts(start: string, end: string, zone: string): { start: string; end: string } {
  const from = instantToWallTime(start, zone);
  const to = instantToWallTime(end, zone);
  return { start: `${from.date} ${from.time}`, end: to.date === from.date ? to.time : `${to.date} ${to.time}` };
}

/** A span on the wall clocks of `zone`: "2026-12-07 10:00–11:00". */
export function spanText(start: string, end: string, zone: string): string {
  const parts = spanParts(start, end, zone);
  return `${parts.start}–${parts.end}`;
}
