// The week and month rows hold a day per cell. An engineer's busy day drawn appointment by
// appointment stacks four or more boxes in a 136 px cell, and the calendar measures every box it
// stacks (a forced layout each): a week of 50 engineers with 1000 appointments took ~1.9 s to draw
// on an idle machine (docs/benchmarks.md). A busy day is drawn as one summary instead; clicking it
// opens that day in the day view, where every appointment is drawn and can be dragged.
import { instantToWallTime } from '../../../../shared/desk/time/zoned';
import { floatingWallTime, toCalendarEvent, type CalendarEntry, type CalendarEvent } from './calendar-entries';
import type { CalendarViewName } from './calendar-views';

/** An engineer's day with more appointments than this is one summary in the week and month rows. */
export const CELL_MAX_APPOINTMENTS = 2;

/** One engineer's busy day, as its summary says it. */
export interface DaySummary {
  engineerId: string;
  /** The day in the zone shown (YYYY-MM-DD). */
  date: string;
  count: number;
  /** First start and last end, wall times in the zone shown (HH:MM). */
  from: string;
  to: string;
  tentative: number;
}

/** What the calendar draws for `entries` in `view`: every appointment, or a summary per busy engineer-day in the rows. */
export function eventsForView(entries: readonly CalendarEntry[], zone: string, mayEdit: boolean, view: CalendarViewName): CalendarEvent[] {
  if (view === 'resourceTimeGridDay') return entries.map((e) => toCalendarEvent(e, zone, mayEdit));
  const days = new Map<string, { date: string; entries: CalendarEntry[] }>();
  for (const entry of entries) {
    const date = instantToWallTime(entry.start, zone).date;
    const key = `${entry.engineerId} ${date}`;
    const day = days.get(key) ?? { date, entries: [] };
    day.entries.push(entry);
    days.set(key, day);
  }
  const events: CalendarEvent[] = [];
  for (const { date, entries: those } of days.values()) {
    if (those.length <= CELL_MAX_APPOINTMENTS) {
      for (const entry of those) events.push(toCalendarEvent(entry, zone, mayEdit));
      continue;
    }
    events.push(summaryEvent(those, date, zone));
  }
  return events;
}

function summaryEvent(entries: readonly CalendarEntry[], date: string, zone: string): CalendarEvent {
  const first = entries.reduce((a, b) => (a.start <= b.start ? a : b));
  const last = entries.reduce((a, b) => (a.end >= b.end ? a : b));
  const summary: DaySummary = {
    engineerId: first.engineerId,
    date,
    count: entries.length,
    from: instantToWallTime(first.start, zone).time,
    to: instantToWallTime(last.end, zone).time,
    tentative: entries.filter((e) => e.status === 'tentative').length,
  };
  return {
    id: `day-summary ${first.engineerId} ${date}`,
    resourceIds: [first.engineerId],
    start: floatingWallTime(first.start, zone),
    end: floatingWallTime(last.end, zone),
    title: String(entries.length),
    classNames: ['appointment', 'appointment-summary', ...(summary.tentative > 0 ? ['appointment-tentative'] : ['appointment-confirmed'])],
    editable: false,
    extendedProps: { summary },
  };
}
