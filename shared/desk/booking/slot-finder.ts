// The slot finder: the next free slots for a case, across the engineers who could take it, each one
// passing the booking gate. Candidates start at the bank's window openings and step by `stepMinutes`
// of real time, so on a DST day a window is as long as the clocks make it. The search is bounded by
// `horizonDays` local days of the bank.
//
// The gate converts wall times for every call, which is too slow to ask for each of thousands of
// candidates (200 engineers × a fortnight of half-hours). So each engineer's hours and busy spans are
// turned into epoch spans once per day, candidates are sieved against them with plain arithmetic,
// and only the survivors, earliest first, are put to the full gate, which has the last word.
import { z } from 'zod';
import type { Appointment } from '../model/appointment';
import { instantSchema, type TimeWindow } from '../model/calendar';
import { contains, epochMs, instantOf, localDateOf, overlaps, plusDays, weekdayOf, windowsOnDay, type EpochInterval } from '../time/zoned';
import { bankWindowsOn, blocksEngineer, bookingGate, caseReasonsOn, describeWindows, hasVendorSkill, mergeSpans, type BookingCaseContext, type NamedEngineer } from './booking-gate';

/** What to look for: how long, how many, on which grid, from when and how far ahead. */
export const slotSearchOptionsSchema = z.strictObject({
  from: instantSchema,
  durationMinutes: z.int().min(5).max(720),
  count: z.int().min(1).max(50),
  stepMinutes: z.int().min(5).max(240),
  horizonDays: z.int().min(1).max(62).default(14),
});
/** Options of a slot search (parsed: horizonDays filled in). */
export type SlotSearchOptions = z.infer<typeof slotSearchOptionsSchema>;

/** A search: the case, who could go, what is booked already, and the options. */
export interface SlotSearch extends z.input<typeof slotSearchOptionsSchema> {
  context: BookingCaseContext;
  engineers: readonly NamedEngineer[];
  /** Tentative and confirmed appointments of these engineers over the horizon (others are ignored). */
  appointments: readonly Appointment[];
  /** The current instant, for the gate's "in the past". */
  now: string;
  /** The appointment being moved, when rescheduling. */
  replacing?: string | undefined;
}

/** A slot that passes the gate: who, when (UTC), and the bank's zone it was found in. */
export interface ProposedSlot {
  engineerId: string;
  start: string;
  end: string;
  zone: string;
}

const MINUTE = 60_000;

interface Candidate {
  named: NamedEngineer;
  start: number;
  end: number;
}

/** The earliest `count` slots that pass the gate, by start and then in the order the engineers were given. */
export function findSlots(search: SlotSearch): ProposedSlot[] {
  const { from, durationMinutes, count, stepMinutes, horizonDays } = search;
  const options = slotSearchOptionsSchema.parse({ from, durationMinutes, count, stepMinutes, horizonDays });
  const { bank, model, merchant } = search.context;
  const zone = bank.timeZone;
  const earliest = Math.max(epochMs(options.from), epochMs(search.now) + 1);
  const duration = options.durationMinutes * MINUTE;
  const step = options.stepMinutes * MINUTE;
  // Skill and area do not change with the hour: engineers who fail them never get a candidate.
  const able = search.engineers.filter(({ engineer }) => hasVendorSkill(engineer, model.vendor) && engineer.areas.includes(merchant.area));
  const busy = new Map(able.map((named) => [named, busySpans(named, search.appointments, search.replacing)]));
  const firstDay = localDateOf(options.from, zone);
  // Engineers mostly share a zone and hours: each (zone, date, hours) is converted once per search.
  const converted = new Map<string, EpochInterval[]>();
  const spansOf = (date: string, windows: readonly TimeWindow[], inZone: string) => {
    const key = `${inZone} ${date} ${describeWindows(windows)}`;
    if (!converted.has(key)) converted.set(key, mergeSpans(windowsOnDay(date, windows, inZone)));
    return converted.get(key)!;
  };
  const found: ProposedSlot[] = [];
  for (let offset = 0; offset < options.horizonDays && found.length < options.count; offset++) {
    const day = plusDays(firstDay, offset);
    // A reason about the case or the day refuses every slot of the day: skip it whole.
    if (caseReasonsOn(search.context, day).length > 0) continue;
    const windows = mergeSpans(windowsOnDay(day, bankWindowsOn(bank, day), zone));
    const datesIn = new Map<string, string[]>();
    const hours = new Map(
      able.map(({ engineer }) => {
        const zoneOf = engineer.timeZone;
        if (!datesIn.has(zoneOf)) datesIn.set(zoneOf, localDatesMeeting(windows, zoneOf));
        return [engineer, datesIn.get(zoneOf)!.flatMap((date) => spansOf(date, engineer.hours[weekdayOf(date)], zoneOf))];
      }),
    );
    const candidates: Candidate[] = [];
    for (const window of windows) {
      for (let start = window.start; start + duration <= window.end; start += step) {
        if (start < earliest) continue;
        const span = { start, end: start + duration };
        for (const named of able) {
          if (hours.get(named.engineer)!.some((h) => contains(h, span)) && !busy.get(named)!.some((b) => overlaps(b, span))) candidates.push({ named, ...span });
        }
      }
    }
    candidates.sort((a, b) => a.start - b.start);
    for (const candidate of candidates) {
      if (found.length >= options.count) break;
      const slot = { start: instantOf(candidate.start), end: instantOf(candidate.end) };
      const input = { ...search.context, ...candidate.named, slot, appointments: search.appointments, replacing: search.replacing, now: search.now };
      if (bookingGate(input).length === 0) found.push({ engineerId: candidate.named.engineer.id, ...slot, zone });
    }
  }
  return found;
}

// Absences and appointments that hold the engineer's time, as epoch spans.
function busySpans({ engineer }: NamedEngineer, appointments: readonly Appointment[], replacing: string | undefined): EpochInterval[] {
  const absences = engineer.absences.map((a) => ({ start: epochMs(a.from), end: epochMs(a.until) }));
  const booked = appointments.filter((a) => blocksEngineer(a, engineer, replacing)).map((a) => ({ start: epochMs(a.start), end: epochMs(a.end) }));
  return [...absences, ...booked];
}

// The local dates in `zone` that the bank's windows of one day meet (at most three). An engineer's
// hours are taken per date and merged per date only: like the gate, a slot must lie inside the hours
// of the day it starts on.
function localDatesMeeting(windows: readonly EpochInterval[], zone: string): string[] {
  if (windows.length === 0) return [];
  const last = localDateOf(windows.at(-1)!.end - 1, zone);
  const dates = [localDateOf(windows[0]!.start, zone)];
  while (dates.at(-1)! < last) dates.push(plusDays(dates.at(-1)!, 1));
  return dates;
}
