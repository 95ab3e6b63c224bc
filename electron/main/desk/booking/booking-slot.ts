// A slot as the desk gives it (two instants, or a wall time in the booking's zone with a length)
// turned into the stored UTC instants, through the one time module.
import type { BookingSlotInput } from '../../../../shared/ipc/contract-desk-booking';
import type { Reason } from '../../../../shared/errors/reason';
import { epochMs, wallTimeToInstant } from '../../../../shared/desk/time/zoned';

const MINUTE = 60_000;

/** An instant in the stored form: toISOString's 24 characters, so text order is time order. */
export const storedInstant = (ms: number): string => new Date(ms).toISOString();

/** The slot's stored start and end, or why the wall time does not name one instant. */
export function resolveSlot(slot: BookingSlotInput, zone: string): { ok: true; start: string; end: string } | { ok: false; reason: Reason } {
  if ('start' in slot) return { ok: true, start: storedInstant(epochMs(slot.start)), end: storedInstant(epochMs(slot.end)) };
  const start = wallTimeToInstant(slot.date, slot.time, zone, slot.choice);
  if (!start.ok) return start;
  const ms = epochMs(start.instant);
  return { ok: true, start: storedInstant(ms), end: storedInstant(ms + slot.durationMinutes * MINUTE) };
}
