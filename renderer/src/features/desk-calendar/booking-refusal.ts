import { epochMs, overlaps } from '../../../../shared/desk/time/zoned';
import type { Reason } from '../../../../shared/errors/reason';
import type { BookingOutcome } from '../../../../shared/ipc/contract-desk-booking';
import { BridgeError } from '../../bridge/rebind-api';
import type { CalendarEntry } from './calendar-entries';

/**
 * How a booking or a move ended, as the page answers it: done; refused with every reason the gate
 * (or the database's overlap check, a race lost at commit) gave; stale — someone changed the
 * appointment since it was read, so the calendar reloads; or failed for another reason.
 */
export type BookingAnswer =
  | { kind: 'done'; outcome: Extract<BookingOutcome, { booked: true }> }
  | { kind: 'refused'; reasons: Reason[] }
  | { kind: 'stale'; reasons: Reason[] }
  | { kind: 'failed'; error: unknown };

/** A call's outcome in the page's terms. */
export function answerOf(outcome: BookingOutcome): BookingAnswer {
  return outcome.booked ? { kind: 'done', outcome } : { kind: 'refused', reasons: outcome.reasons };
}

/** A call's error in the page's terms: a refusal with a reason code is said, never shown raw. */
export function answerOfError(error: unknown): BookingAnswer {
  if (!(error instanceof BridgeError) || !error.detail.reason) return { kind: 'failed', error };
  const said: Reason = { code: error.detail.reason, params: error.detail.params ?? {} };
  if (error.detail.reason === 'record-changed') return { kind: 'stale', reasons: [said] };
  if (error.detail.code === 'conflict' || error.detail.code === 'invalid-input' || error.detail.code === 'not-found') return { kind: 'refused', reasons: [said] };
  return { kind: 'failed', error };
}

/**
 * The appointments of `engineerId` the slot runs into, from those on screen (not `except`, the one
 * being moved): a double booking is shown with the merchant it clashes with.
 */
export function clashesOn(entries: readonly CalendarEntry[], engineerId: string, start: string, end: string, except?: string): CalendarEntry[] {
  const slot = { start: epochMs(start), end: epochMs(end) };
  return entries.filter((e) => e.engineerId === engineerId && e.id !== except && e.status !== 'cancelled' && overlaps(slot, { start: epochMs(e.start), end: epochMs(e.end) }));
}
