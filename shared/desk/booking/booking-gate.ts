// The booking gate (DESIGN.md §3, issue 10 point 4): every reason a case cannot be booked for a
// slot with an engineer, all at once, so the desk sees the whole list and not one refusal at a time.
// Pure: the caller loads the records; the same inputs always give the same reasons.
import { reason, type Reason } from '../../errors/reason';
import { caseStateNamed } from '../case-states';
import type { Appointment } from '../model/appointment';
import { blockingAppointmentStatuses } from '../model/appointment';
import type { Bank } from '../model/bank';
import type { TimeWindow } from '../model/calendar';
import type { RebindCase } from '../model/case';
import type { CaseState } from '../model/case-state';
import type { Compatibility } from '../model/compatibility';
import type { Engineer } from '../model/engineer';
import type { MerchantGateView, TerminalGateView } from '../model/gate-views';
import type { TerminalModel } from '../model/terminal-model';
import { contains, daysBetween, epochMs, formatWallTime, localDateOf, overlaps, weekdayOf, windowsOnDay, type EpochInterval } from '../time/zoned';
import { materialReasons } from './case-materials';
import { compareVersions, versionInFirmware } from './dotted-version';

/**
 * How old the account status check may be on the day of the appointment. A month: banks freeze
 * accounts at any time, and a rebind to an account frozen since the check loses the merchant money.
 */
export const ACCOUNT_CHECK_MAX_AGE_DAYS = 30;

/** States past booking: a case here cannot get a new appointment. */
const pastBooking: readonly CaseState[] = ['on-site', 'rebound', 'closed', 'cancelled'];

/** What the gate reads about the case, the same for every slot. */
export interface BookingCaseContext {
  rebindCase: RebindCase;
  /** The case's target bank. */
  bank: Bank;
  merchant: MerchantGateView;
  terminal: TerminalGateView;
  /** The terminal's model. */
  model: TerminalModel;
  /** The row for the terminal's model and the target bank; null when there is none. */
  compatibility: Compatibility | null;
}

/** An engineer and the name reasons call them by. */
export interface NamedEngineer {
  engineer: Engineer;
  name: string;
}

/** A span to book, UTC instants. */
export interface Slot {
  start: string;
  end: string;
}

/** Everything the gate decides on. */
export interface BookingGateInput extends BookingCaseContext, NamedEngineer {
  slot: Slot;
  /** The engineer's appointments around the slot (others are ignored). */
  appointments: readonly Appointment[];
  /** The appointment being moved, when rescheduling: it does not block its own new time. */
  replacing?: string | undefined;
  /** The current instant (injected, so tests drive the clock). */
  now: string;
}

/** Every reason the case cannot be booked for `input.slot` with `input.engineer`; empty when it can. */
export function bookingGate(input: BookingGateInput): Reason[] {
  const day = localDateOf(input.slot.start, input.bank.timeZone);
  return [...caseReasonsOn(input, day), ...slotReasons(input)];
}

/** The reasons that depend only on the case and the day (YYYY-MM-DD in the bank's zone), not on the hour or the engineer. */
export function caseReasonsOn(context: BookingCaseContext, day: string): Reason[] {
  const { rebindCase, bank, merchant } = context;
  assertMatches(context);
  const reasons: Reason[] = [];
  if (pastBooking.includes(rebindCase.state)) reasons.push(reason('booking-case-not-bookable', { state: caseStateNamed(rebindCase.state) }));
  if (rebindCase.review?.decision !== 'approved') reasons.push(reason('booking-not-approved'));
  if (rebindCase.agreement === null) reasons.push(reason('booking-agreement-unsigned'));
  reasons.push(...materialReasons(rebindCase, bank, day));
  if (merchant.accountStatus === 'frozen') reasons.push(reason('booking-account-frozen', { checkedOn: merchant.accountCheckedOn }));
  if (merchant.accountStatus === 'arrears') reasons.push(reason('booking-account-in-arrears', { checkedOn: merchant.accountCheckedOn }));
  if (daysBetween(merchant.accountCheckedOn, day) > ACCOUNT_CHECK_MAX_AGE_DAYS) {
    reasons.push(reason('booking-account-check-stale', { checkedOn: merchant.accountCheckedOn, days: ACCOUNT_CHECK_MAX_AGE_DAYS, day }));
  }
  reasons.push(...compatibilityReasons(context));
  if (!bank.areas.includes(merchant.area)) reasons.push(reason('booking-bank-area', { bank: bank.name, area: merchant.area }));
  reasons.push(...bankDayReasons(bank, day));
  return reasons;
}

/** The reasons that depend on the slot and the engineer. */
export function slotReasons(input: BookingGateInput): Reason[] {
  const { bank, engineer, name, slot } = input;
  const span: EpochInterval = { start: epochMs(slot.start), end: epochMs(slot.end) };
  const reasons: Reason[] = [];
  if (span.start <= epochMs(input.now)) reasons.push(reason('booking-slot-in-past', { start: formatWallTime(span.start, bank.timeZone), zone: bank.timeZone }));
  reasons.push(...bankWindowReasons(bank, span));
  if (!hasVendorSkill(engineer, input.model.vendor)) reasons.push(reason('booking-engineer-lacks-skill', { engineer: name, vendor: input.model.vendor }));
  if (!engineer.areas.includes(input.merchant.area)) reasons.push(reason('booking-engineer-area', { engineer: name, area: input.merchant.area }));
  reasons.push(...engineerHoursReasons(input, span));
  const zone = engineer.timeZone;
  for (const absence of engineer.absences) {
    if (overlaps(span, { start: epochMs(absence.from), end: epochMs(absence.until) })) {
      reasons.push(reason('booking-engineer-absent', { engineer: name, from: formatWallTime(absence.from, zone), until: formatWallTime(absence.until, zone), zone }));
    }
  }
  for (const other of clashingAppointments(input, span)) {
    reasons.push(reason('booking-engineer-double-booked', { engineer: name, start: formatWallTime(other.start, zone), end: formatWallTime(other.end, zone), zone }));
  }
  return reasons;
}

/** True when the engineer works on the vendor's terminals (names compared without case). */
export function hasVendorSkill(engineer: Engineer, vendor: string): boolean {
  return engineer.skills.some((skill) => skill.toLowerCase() === vendor.toLowerCase());
}

/** True when the appointment holds the engineer's time: theirs, tentative or confirmed, and not the one being moved. */
export function blocksEngineer(appointment: Appointment, engineer: Engineer, replacing?: string): boolean {
  return appointment.engineerId === engineer.id && appointment.id !== replacing && (blockingAppointmentStatuses as readonly string[]).includes(appointment.status);
}

/** The engineer's tentative or confirmed appointments that share time with `span` (not the one being moved). */
export function clashingAppointments(input: Pick<BookingGateInput, 'engineer' | 'appointments' | 'replacing'>, span: EpochInterval): Appointment[] {
  return input.appointments.filter((a) => blocksEngineer(a, input.engineer, input.replacing) && overlaps(span, { start: epochMs(a.start), end: epochMs(a.end) }));
}

/** The bank's windows on a local day: the exception for that date if there is one, else the weekday's. */
export function bankWindowsOn(bank: Bank, day: string): readonly TimeWindow[] {
  const exception = bank.exceptions.find((e) => e.date === day);
  if (exception) return 'closed' in exception ? [] : exception.windows;
  return bank.windows[weekdayOf(day)];
}

/** Windows as people read them: `09:00–12:00, 13:00–17:00`. */
export function describeWindows(windows: readonly TimeWindow[]): string {
  return windows.map((w) => `${w.start}–${w.end}`).join(', ');
}

function compatibilityReasons({ model, bank, terminal, compatibility }: BookingCaseContext): Reason[] {
  const named = { model: `${model.vendor} ${model.model}`, bank: bank.name };
  if (compatibility === null) return [reason('booking-model-not-listed', named)];
  if (compatibility.support === 'unsupported') return [reason('booking-model-incompatible', named)];
  if (compatibility.support === 'supported') return [];
  const version = versionInFirmware(terminal.firmware);
  const facts = { ...named, firmware: terminal.firmware, minFirmware: compatibility.minFirmware };
  if (version === null) return [reason('booking-firmware-unknown', facts)];
  return compareVersions(version, compatibility.minFirmware) < 0 ? [reason('booking-firmware-too-old', facts)] : [];
}

function bankDayReasons(bank: Bank, day: string): Reason[] {
  return bankWindowsOn(bank, day).length === 0 ? [reason('booking-bank-closed', { bank: bank.name, day, zone: bank.timeZone })] : [];
}

// A closed day is said once, by caseReasonsOn; here only an open day whose windows miss the slot.
function bankWindowReasons(bank: Bank, span: EpochInterval): Reason[] {
  const day = localDateOf(span.start, bank.timeZone);
  const windows = bankWindowsOn(bank, day);
  if (windows.length === 0 || fitsIn(span, windowsOnDay(day, windows, bank.timeZone))) return [];
  return [reason('booking-outside-bank-windows', { bank: bank.name, day, ...wallSpan(span, bank.timeZone), windows: describeWindows(windows) })];
}

function engineerHoursReasons({ engineer, name }: NamedEngineer, span: EpochInterval): Reason[] {
  const zone = engineer.timeZone;
  const day = localDateOf(span.start, zone);
  const hours = engineer.hours[weekdayOf(day)];
  if (hours.length === 0) return [reason('booking-engineer-day-off', { engineer: name, day, zone })];
  if (fitsIn(span, windowsOnDay(day, hours, zone))) return [];
  return [reason('booking-outside-engineer-hours', { engineer: name, day, ...wallSpan(span, zone), hours: describeWindows(hours) })];
}

/** Spans in order with touching or overlapping ones joined (09:00–12:00 and 12:00–13:00 are one). */
export function mergeSpans(spans: readonly EpochInterval[]): EpochInterval[] {
  const merged: EpochInterval[] = [];
  for (const w of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  return merged;
}

function fitsIn(span: EpochInterval, windows: readonly EpochInterval[]): boolean {
  return mergeSpans(windows).some((w) => contains(w, span));
}

// The slot's start and end on the zone's clocks; the end shows only its time when on the same day.
function wallSpan(span: EpochInterval, zone: string): { start: string; end: string; zone: string } {
  const start = formatWallTime(span.start, zone);
  const end = formatWallTime(span.end, zone);
  return { start, end: end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end, zone };
}

// Mismatched records are the caller's bug, not a reason to show the desk.
function assertMatches({ rebindCase, bank, terminal, model, compatibility }: BookingCaseContext): void {
  if (bank.code !== rebindCase.targetBank) throw new Error(`the gate was given bank ${bank.code} for a case whose target is ${rebindCase.targetBank}`);
  if (model.id !== terminal.modelId) throw new Error(`the gate was given model ${model.id} for a terminal of model ${terminal.modelId}`);
  if (compatibility && (compatibility.modelId !== model.id || compatibility.bankCode !== bank.code)) {
    throw new Error(`the gate was given the compatibility of ${compatibility.modelId} × ${compatibility.bankCode} for ${model.id} × ${bank.code}`);
  }
}
