// The slot finder: the next free slots for a case, across the engineers who could take it, each one
// passing the booking gate. Candidates start at the bank's window openings and step by `stepMinutes`
// of real time, so on a DST day a window is as long as the clocks make it. The search is bounded by
// `horizonDays` local days of the bank.
import { z } from 'zod';
import type { Appointment } from '../model/appointment';
import { instantSchema } from '../model/calendar';
import { epochMs, instantOf, localDateOf, plusDays, windowsOnDay } from '../time/zoned';
import { bankWindowsOn, caseReasonsOn, slotReasons, type BookingCaseContext, type NamedEngineer } from './booking-gate';

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

/** The earliest `count` slots that pass the gate, by start and then in the order the engineers were given. */
export function findSlots(search: SlotSearch): ProposedSlot[] {
  const { from, durationMinutes, count, stepMinutes, horizonDays } = search;
  const options = slotSearchOptionsSchema.parse({ from, durationMinutes, count, stepMinutes, horizonDays });
  const { bank } = search.context;
  const zone = bank.timeZone;
  const fromMs = epochMs(options.from);
  const duration = options.durationMinutes * MINUTE;
  const step = options.stepMinutes * MINUTE;
  const firstDay = localDateOf(options.from, zone);
  const found: ProposedSlot[] = [];
  for (let offset = 0; offset < options.horizonDays && found.length < options.count; offset++) {
    const day = plusDays(firstDay, offset);
    // A reason about the case or the day refuses every slot of the day: skip it whole.
    if (caseReasonsOn(search.context, day).length > 0) continue;
    const onDay: ProposedSlot[] = [];
    for (const window of windowsOnDay(day, bankWindowsOn(bank, day), zone)) {
      for (let start = window.start; start + duration <= window.end; start += step) {
        if (start < fromMs) continue;
        const slot = { start: instantOf(start), end: instantOf(start + duration) };
        for (const named of search.engineers) {
          const input = { ...search.context, ...named, slot, appointments: search.appointments, replacing: search.replacing, now: search.now };
          if (slotReasons(input).length === 0) onDay.push({ engineerId: named.engineer.id, ...slot, zone });
        }
      }
    }
    found.push(...onDay.sort((a, b) => epochMs(a.start) - epochMs(b.start)));
  }
  return found.slice(0, options.count);
}
