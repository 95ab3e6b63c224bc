// Booking (issue 10 point 4): book, move and cancel appointments. Each asks the booking gate first
// (every reason at once, outside any lock) and then, in ONE audited BEGIN IMMEDIATE transaction,
// writes the appointment, moves the case (the cases aggregate's applyTransition, the one way a case
// moves) and records the audit entry and the outbox rows. The overlap is checked again inside that transaction by the table's triggers: the write
// lock makes it final, so a desk process that lost the race (both passed the gate) waits on
// busy_timeout, then its insert sees the winner's row and is refused; the RAISE becomes the gate's
// booking-engineer-double-booked, naming the appointment in the way.
import type { Actor } from '../../../../shared/auth/session';
import { bookingGate, caseGuardCheck, type NamedEngineer } from '../../../../shared/desk/booking';
import { deskAuditActions } from '../../../../shared/desk/desk-audit';
import { decideTransition } from '../../../../shared/desk/case-states';
import type { Appointment, CaseState } from '../../../../shared/desk/model';
import { formatWallTime } from '../../../../shared/desk/time/zoned';
import { reason, type Reason } from '../../../../shared/errors/reason';
import type { AppointmentView, BookingOutcome, BookingSlotInput } from '../../../../shared/ipc/contract-desk-booking';
import { AppError } from '../../app-error';
import type { AuditedWrite } from '../../db/audited';
import type { RecordChange } from '../../db/outbox';
import { newRecordMeta, nextRecordMeta } from '../../db/record-meta';
import { recordChanged } from '../records/save-record';
import type { CaseRepository, StoredCase } from '../cases/case-repository';
import { applyTransition } from '../cases/case-transition';
import type { AppointmentRepository, StoredAppointment } from './appointment-repository';
import type { BookingCase, BookingReadModel } from './booking-read-model';
import { resolveSlot } from './booking-slot';
import type { VisitOutcome } from './visit-outcome-port';
import { isTriggerRefusal } from '../../db/trigger-refusal';

// The visit's steps per outcome: on site first (the rebind ran there), then done or failed. A
// refused rebind changed nothing on the terminal, so the case stays booked for another try.
const visitActions = { rebound: 'record-rebound', restored: 'record-failure', 'needs-attention': 'record-failure' } as const;

export interface BookingServiceDeps {
  audited: AuditedWrite;
  /** The cases the booking moves, through the cases aggregate's applyTransition inside its audited operation. */
  cases: CaseRepository;
  now: () => Date;
  appointments: AppointmentRepository;
  read: BookingReadModel;
}

/** What a booking asks for. */
export interface BookRequest {
  caseId: string;
  engineerId: string;
  zone: string;
  slot: BookingSlotInput;
  /** `confirmed` here; `tentative` is for team mode's offline bookings, waiting for the server. */
  status?: 'confirmed' | 'tentative';
}

export type BookingService = ReturnType<typeof createBookingService>;

/** The appointment as the renderer sees it. */
export function appointmentView(a: StoredAppointment): AppointmentView {
  return { id: a.id, caseId: a.caseId, engineerId: a.engineerId, start: a.start, end: a.end, zone: a.zone, status: a.status, version: a.version, ...(a.cancelReason === undefined ? {} : { cancelReason: a.cancelReason }) };
}

const asAppointment = (a: StoredAppointment): Appointment => ({ id: a.id, caseId: a.caseId, engineerId: a.engineerId, start: a.start, end: a.end, zone: a.zone, status: a.status });

// The gate and the case table's guards both say "not approved": each reason once, in order.
function distinct(reasons: readonly Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The refusal of a slot the engineer holds already, naming the appointment in the way. */
export function doubleBooked(named: NamedEngineer, other: StoredAppointment): AppError {
  const zone = named.engineer.timeZone;
  return new AppError(
    'conflict',
    reason('booking-engineer-double-booked', { engineer: named.name, start: formatWallTime(other.start, zone), end: formatWallTime(other.end, zone), zone, appointment: other.id }),
  );
}

const isOverlapTrigger = (error: unknown): boolean => isTriggerRefusal(error, 'engineer-double-booked');

export function createBookingService(deps: BookingServiceDeps) {
  const { appointments, read } = deps;

  const caseOf = (caseId: string): BookingCase => {
    const found = read.bookingCase(caseId);
    if (!found) throw new AppError('not-found', reason('appointment-case-not-found'));
    return found;
  };
  const engineerOf = (engineerId: string): NamedEngineer => {
    const found = read.namedEngineer(engineerId);
    if (!found) throw new AppError('not-found', reason('appointment-engineer-not-found'));
    return found;
  };
  const appointmentOf = (id: string, version: number): StoredAppointment => {
    const found = appointments.get(id);
    if (!found) throw new AppError('not-found', reason('appointment-not-found'));
    if (found.version !== version) throw recordChanged('appointment');
    if (found.status === 'cancelled') throw new AppError('conflict', reason('appointment-already-cancelled'));
    if (found.status === 'done') throw new AppError('conflict', reason('appointment-already-done'));
    return found;
  };

  // Every reason the slot is refused: the wall time, the gate, and (for a booking) the case table.
  const gateReasons = (booking: BookingCase, named: NamedEngineer, start: string, end: string, now: Date, replacing?: string): Reason[] => {
    const around = appointments.engineerAround(named.engineer.id, start, end).map(asAppointment);
    return bookingGate({ ...booking.context, ...named, slot: { start, end }, appointments: around, replacing, now: now.toISOString() });
  };

  // The overlap checked again under the write lock, by the table's triggers (migration 0010): the
  // insert or update is the check, so nothing that writes appointments can skip it. Their RAISE is
  // said as the gate says it, naming the appointment in the way.
  const writeChecked = <T>(named: NamedEngineer, start: string, end: string, except: string | undefined, write: () => T): T => {
    try {
      return write();
    } catch (error) {
      if (!isOverlapTrigger(error)) throw error;
      const clash = appointments.clash(named.engineer.id, start, end, except);
      throw clash ? doubleBooked(named, clash) : new AppError('conflict', reason('booking-engineer-double-booked', { engineer: named.name, start, end, zone: named.engineer.timeZone }));
    }
  };

  // Only the case the gate saw, moved meanwhile, refused. Under the write lock its row version is
  // read, not the case again: the same version is the same row (every write raises it), so the
  // case as the gate read it is the one the move starts from. Its materials are not versioned with
  // it, but no booking transition's guard reads them (the gate's reasons stand for them).
  const caseAsSeen = (booking: BookingCase): StoredCase => {
    if (deps.cases.caseVersion(booking.stored.id) !== booking.caseVersion) throw new AppError('conflict', reason('appointment-case-moved'));
    return booking.stored;
  };

  return {
    /**
     * Moves the case by its rebind's outcome: rebound → `rebound` (on site done); restored or
     * needs attention → `failed` with the outcome as its reason, from where a new appointment is
     * booked through the gate. A case not at `scheduled` or `on-site` (moved meanwhile, or already
     * moved by an earlier outcome of the same operation) is left alone; null then.
     */
    visitOutcome(visit: VisitOutcome): { from: string; to: string } | null {
      const outcome = visit.outcome;
      if (outcome === 'refused') return null;
      const at = deps.now();
      const booking = read.bookingCase(visit.caseId);
      const role = read.roleOf(visit.actor) ?? 'engineer';
      if (!booking || !['scheduled', 'on-site'].includes(booking.context.rebindCase.state)) return null;
      const from = booking.context.rebindCase.state;
      const why = visit.outcome === 'rebound' ? undefined : `${visit.outcome}: ${visit.reason}`;
      const moves = deps.audited(
        (result: { to: CaseState; changes: RecordChange[] }) => ({
          actor: visit.actor,
          action: deskAuditActions.visitOutcome,
          entity: { type: 'case', id: visit.caseId },
          payload: { operationId: visit.operationId, outcome: visit.outcome, reason: visit.reason, caseFrom: from, caseTo: result.to },
          at,
          changes: result.changes,
        }),
        () => {
          const changes: RecordChange[] = [];
          let current = caseAsSeen(booking);
          const step = (action: 'start-on-site' | 'record-rebound' | 'record-failure') => {
            const applied = applyTransition(deps.cases, current, action, { username: visit.actor, role }, at, action === 'record-failure' ? why : undefined, { bank: booking.context.bank });
            changes.push(...applied.changes);
            current = applied.rebindCase;
          };
          if (current.state === 'scheduled') step('start-on-site');
          step(visitActions[outcome]);
          return { to: current.state, changes };
        },
      );
      return { from, to: moves.to };
    },

    book(caller: Actor, request: BookRequest): BookingOutcome {
      const at = deps.now();
      const booking = caseOf(request.caseId);
      const named = engineerOf(request.engineerId);
      const slot = resolveSlot(request.slot, request.zone);
      if (!slot.ok) return { booked: false, reasons: [slot.reason] };
      const { start, end } = slot;
      const gate = gateReasons(booking, named, start, end, at);
      const { rebindCase, bank } = booking.context;
      const decision = decideTransition({ state: rebindCase.state, action: 'schedule', role: caller.role, checkGuard: caseGuardCheck({ rebindCase, bank, gateReasons: gate }) });
      if (!decision.ok) return { booked: false, reasons: distinct([...decision.reasons, ...gate]) };
      const record: StoredAppointment = {
        caseId: rebindCase.id,
        engineerId: named.engineer.id,
        start,
        end,
        zone: request.zone,
        status: request.status ?? 'confirmed',
        ...newRecordMeta(caller.username, at),
      };
      deps.audited(
        ({ changes }: { changes: RecordChange[] }) => ({
          actor: caller.username,
          action: deskAuditActions.appointmentBooked,
          entity: { type: 'appointment', id: record.id },
          payload: { caseId: rebindCase.id, engineerId: named.engineer.id, start, end, zone: request.zone, status: record.status, caseFrom: rebindCase.state, caseTo: 'scheduled' },
          at,
          changes,
        }),
        () => {
          const change = writeChecked(named, start, end, undefined, () => appointments.insert(record));
          const applied = applyTransition(deps.cases, caseAsSeen(booking), 'schedule', caller, at, undefined, { bank, gateReasons: gate });
          return { changes: [change, ...applied.changes] };
        },
      );
      return { booked: true, appointment: appointmentView(record), caseState: 'scheduled' };
    },

    reschedule(caller: Actor, request: { appointmentId: string; version: number; engineerId?: string | undefined; zone: string; slot: BookingSlotInput; reason: string }): BookingOutcome {
      const at = deps.now();
      const before = appointmentOf(request.appointmentId, request.version);
      const booking = caseOf(before.caseId);
      const named = engineerOf(request.engineerId ?? before.engineerId);
      const slot = resolveSlot(request.slot, request.zone);
      if (!slot.ok) return { booked: false, reasons: [slot.reason] };
      const { start, end } = slot;
      const gate = gateReasons(booking, named, start, end, at, before.id);
      if (gate.length > 0) return { booked: false, reasons: gate };
      const after: StoredAppointment = { ...before, engineerId: named.engineer.id, start, end, zone: request.zone, ...nextRecordMeta(before, caller.username, at) };
      deps.audited(
        (change: RecordChange) => ({
          actor: caller.username,
          action: deskAuditActions.appointmentRescheduled,
          entity: { type: 'appointment', id: before.id },
          payload: { caseId: before.caseId, from: { engineerId: before.engineerId, start: before.start, end: before.end }, to: { engineerId: after.engineerId, start, end, zone: request.zone }, reason: request.reason },
          at,
          changes: [change],
        }),
        () => {
          const change = writeChecked(named, start, end, before.id, () => appointments.update(after, before.version));
          if (!change) throw recordChanged('appointment');
          return change;
        },
      );
      return { booked: true, appointment: appointmentView(after), caseState: booking.context.rebindCase.state };
    },

    cancel(caller: Actor, request: { appointmentId: string; version: number; reason: string }): { appointment: AppointmentView; caseState: string } {
      const at = deps.now();
      const before = appointmentOf(request.appointmentId, request.version);
      const booking = caseOf(before.caseId);
      const { rebindCase } = booking.context;
      const after: StoredAppointment = { ...before, status: 'cancelled', cancelReason: request.reason, ...nextRecordMeta(before, caller.username, at) };
      // The case goes back per the table only while this booking is what holds it in `scheduled`.
      const movesCase = rebindCase.state === 'scheduled';
      const caseState = movesCase ? 'agreement-signed' : rebindCase.state;
      deps.audited(
        (changes: RecordChange[]) => ({
          actor: caller.username,
          action: deskAuditActions.appointmentCancelled,
          entity: { type: 'appointment', id: before.id },
          payload: { caseId: before.caseId, start: before.start, end: before.end, reason: request.reason, caseFrom: rebindCase.state, caseTo: caseState },
          at,
          changes,
        }),
        () => {
          const change = appointments.update(after, before.version);
          if (!change) throw recordChanged('appointment');
          if (!movesCase) return [change];
          const applied = applyTransition(deps.cases, caseAsSeen(booking), 'cancel-appointment', caller, at, request.reason, { bank: booking.context.bank });
          return [change, ...applied.changes];
        },
      );
      return { appointment: appointmentView(after), caseState };
    },
  };
}
