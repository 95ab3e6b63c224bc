// The booking's reads: free slots for a case, the calendar of a range, the engineer's day and the
// work order that fills the On-site view. An engineer reads only their own appointments.
import type { Actor } from '../../../../shared/auth/session';
import { findSlots, type ProposedSlot } from '../../../../shared/desk/booking';
import { dayBounds, epochMs, localDateOf } from '../../../../shared/desk/time/zoned';
import { reason } from '../../../../shared/errors/reason';
import { CALENDAR_MAX_DAYS } from '../../../../shared/ipc/contract-desk-booking';
import type { MerchantValues } from '../../../../shared/rebind/bank-template';
import type { WorkOrder } from '../../../../shared/rebind/work-order';
import { AppError } from '../../app-error';
import type { AppointmentRepository, CalendarEntry, StoredAppointment } from './appointment-repository';
import type { BookingReadModel } from './booking-read-model';
import { appointmentView } from './booking-service';
import { storedInstant } from './booking-slot';

const DAY = 86_400_000;

export interface BookingQueriesDeps {
  now: () => Date;
  appointments: AppointmentRepository;
  read: BookingReadModel;
}

/** A slot search as the desk asks it. */
export interface SlotRequest {
  caseId: string;
  engineerIds?: readonly string[] | undefined;
  from: string;
  durationMinutes: number;
  count: number;
  stepMinutes: number;
  horizonDays?: number | undefined;
  replacing?: string | undefined;
}

export type BookingQueries = ReturnType<typeof createBookingQueries>;

export function createBookingQueries({ now, appointments, read }: BookingQueriesDeps) {
  const caseOf = (caseId: string) => {
    const found = read.bookingCase(caseId);
    if (!found) throw new AppError('not-found', reason('appointment-case-not-found'));
    return found;
  };

  const range = (from: string, to: string): { from: string; to: string } => {
    const start = epochMs(from);
    const end = epochMs(to);
    if (end <= start) throw new AppError('invalid-input', reason('appointment-range-backwards'), 'to');
    if (end - start > CALENDAR_MAX_DAYS * DAY) throw new AppError('invalid-input', reason('appointment-range-too-long', { days: CALENDAR_MAX_DAYS }), 'to');
    return { from: storedInstant(start), to: storedInstant(end) };
  };

  // The signed-in engineer's profile; an admin without one has no day either.
  const profileOf = (caller: Actor) => {
    const profile = read.engineerOfOperator(caller.operatorId);
    if (!profile) throw new AppError('not-found', reason('appointment-no-engineer-profile'));
    return profile;
  };

  // An engineer opens only their own appointment; an admin any.
  const ownAppointment = (caller: Actor, appointmentId: string): StoredAppointment => {
    const appointment = appointments.get(appointmentId);
    if (!appointment) throw new AppError('not-found', reason('appointment-not-found'));
    if (caller.role !== 'admin' && appointment.engineerId !== read.engineerOfOperator(caller.operatorId)?.id) {
      throw new AppError('forbidden', reason('appointment-not-yours'));
    }
    return appointment;
  };

  return {
    findSlots(request: SlotRequest): { slots: ProposedSlot[] } {
      const booking = caseOf(request.caseId);
      const wanted = request.engineerIds === undefined ? undefined : new Set(request.engineerIds);
      const engineers = read.engineers().filter(({ engineer }) => wanted === undefined || wanted.has(engineer.id));
      const horizonDays = request.horizonDays ?? 14;
      const from = storedInstant(Math.max(epochMs(request.from), now().getTime()));
      const to = storedInstant(epochMs(from) + (horizonDays + 2) * DAY);
      const busy = engineers.length === 0 ? [] : appointments.calendar(from, to, engineers.map((e) => e.engineer.id));
      const slots = findSlots({
        context: booking.context,
        engineers,
        appointments: busy.map((a) => ({ id: a.id, caseId: a.caseId, engineerId: a.engineerId, start: a.start, end: a.end, zone: a.zone, status: a.status })),
        now: now().toISOString(),
        from: request.from,
        durationMinutes: request.durationMinutes,
        count: request.count,
        stepMinutes: request.stepMinutes,
        horizonDays,
        replacing: request.replacing,
      });
      // The stored instant form, so a proposed slot books as it is.
      return { slots: slots.map((slot) => ({ ...slot, start: storedInstant(epochMs(slot.start)), end: storedInstant(epochMs(slot.end)) })) };
    },

    calendar(request: { from: string; to: string; engineerIds: readonly string[] }): { appointments: CalendarEntry[] } {
      const { from, to } = range(request.from, request.to);
      return { appointments: appointments.calendar(from, to, [...new Set(request.engineerIds)]) };
    },

    today(caller: Actor, date?: string) {
      const profile = profileOf(caller);
      const zone = profile.timeZone;
      const day = date ?? localDateOf(now().getTime(), zone);
      const bounds = dayBounds(day, zone);
      const entries = appointments.calendar(storedInstant(bounds.start), storedInstant(bounds.end), [profile.id]);
      return {
        date: day,
        zone,
        appointments: entries.map((entry) => {
          const booking = caseOf(entry.caseId);
          const { bank } = booking.context;
          return {
            appointment: appointmentView(appointments.get(entry.id)!),
            caseState: entry.caseState,
            merchant: { shortName: booking.merchant.shortName, address: booking.merchant.address },
            terminal: { serial: booking.terminal.serial, tid: booking.terminal.tid, model: booking.terminal.modelName },
            bank: { code: bank.code, name: bank.name, templateId: bank.templateId },
          };
        }),
      };
    },

    /**
     * What fills the On-site view: the work order the terminal must match (serial, TID, model), the
     * target bank's template, and the merchant's values for it — the receipt short name (A003 holds
     * 40 bytes), never the legal name. The case id goes with rebind:start, so the journal names it.
     */
    workOrder(caller: Actor, appointmentId: string): { appointmentId: string; caseId: string; templateId: string; bank: { code: string; name: string }; merchant: MerchantValues; workOrder: WorkOrder } {
      const appointment = ownAppointment(caller, appointmentId);
      const booking = caseOf(appointment.caseId);
      const { bank } = booking.context;
      const { terminal, merchant } = booking;
      return {
        appointmentId,
        caseId: appointment.caseId,
        templateId: bank.templateId,
        bank: { code: bank.code, name: bank.name },
        // The desk keeps no MCC: the bank's template or the engineer supplies it on site.
        merchant: { tid: terminal.tid, mid: terminal.mid, name: merchant.shortName, mcc: '' },
        workOrder: { caseRef: appointment.caseId, expectedSerial: terminal.serial, expectedTid: terminal.tid, expectedModel: terminal.modelName },
      };
    },
  };
}
