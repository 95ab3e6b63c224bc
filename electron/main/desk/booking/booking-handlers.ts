// The booking's channels (shared/ipc/contract-desk-booking.ts), spread into the one desk module.
import type Database from 'better-sqlite3';
import type { AuditedWrite } from '../../db/audited';
import type { Actor } from '../../../../shared/auth/session';
import type { InvokeOutput, ParsedInput } from '../../../../shared/ipc/contract';
import { createBookingQueries } from './booking-queries';
import { createBookingReadModel } from './booking-read-model';
import { createBookingService } from './booking-service';
import { createSqliteAppointmentRepository } from './sqlite-appointment-repository';
import { createSqliteCaseRepository } from '../cases/sqlite-case-repository';
import { createSqliteReferenceRepository } from '../reference/sqlite-reference-repository';
import { calendarOpening } from './calendar-opening';

export type BookingChannel = 'desk:book' | 'desk:reschedule' | 'desk:cancel-appointment' | 'desk:find-slots' | 'desk:calendar' | 'desk:calendar-open' | 'desk:today' | 'desk:appointment-work-order';

// Typed by the contract alone (desk/ sits below ipc/): desk-module.ts spreads them into its handlers.
type BookingHandlers = { [C in BookingChannel]: (input: ParsedInput<C>, context: { caller: Actor }) => InvokeOutput<C> };

export interface BookingDeps {
  connection: () => Database.Database;
  audited: AuditedWrite;
  now: () => Date;
}

/** The booking service, its queries and their handlers over the app's database. */
export function createBooking(deps: BookingDeps) {
  const appointments = createSqliteAppointmentRepository(deps.connection);
  const cases = createSqliteCaseRepository(deps.connection);
  const read = createBookingReadModel(deps.connection, cases);
  const service = createBookingService({ audited: deps.audited, now: deps.now, appointments, read, cases });
  const queries = createBookingQueries({ now: deps.now, appointments, read });
  const reference = createSqliteReferenceRepository(deps.connection);
  const handlers: BookingHandlers = {
    'desk:book': (input, { caller }) => service.book(caller, input),
    'desk:reschedule': (input, { caller }) => service.reschedule(caller, input),
    'desk:cancel-appointment': (input, { caller }) => service.cancel(caller, input),
    'desk:find-slots': (input) => queries.findSlots(input),
    'desk:calendar': (input) => queries.calendar(input),
    'desk:calendar-open': (input) => calendarOpening(reference, queries.calendar, input),
    'desk:today': (input, { caller }) => queries.today(caller, input.date),
    'desk:appointment-work-order': (input, { caller }) => queries.workOrder(caller, input.appointmentId),
  };
  return { service, queries, handlers };
}
