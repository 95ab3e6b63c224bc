import type { Appointment, AppointmentStatus } from '../../../../shared/desk/model';
import type { RecordChange } from '../../db/outbox';
import type { Stored } from '../../db/record-table';

/** An appointment as stored: the shared record without its id (the meta carries it), and why it was cancelled. */
export interface AppointmentFields extends Omit<Appointment, 'id'> {
  cancelReason?: string;
}

/** A stored appointment. */
export type StoredAppointment = Stored<AppointmentFields>;

/** One calendar row: the appointment and what a calendar cell says about it. */
export interface CalendarEntry {
  id: string;
  caseId: string;
  engineerId: string;
  start: string;
  end: string;
  zone: string;
  status: AppointmentStatus;
  version: number;
  merchantName: string;
  caseState: string;
}

/**
 * The appointments table. Writes return the outbox change; call them inside the audited operation
 * that records them. Instants are the stored 24-character UTC form (text order is time order).
 */
export interface AppointmentRepository {
  get(id: string): StoredAppointment | undefined;
  insert(appointment: StoredAppointment): RecordChange;
  /** Null when the row moved on from `baseVersion`. */
  update(appointment: StoredAppointment, baseVersion: number): RecordChange | null;
  /** The engineer's tentative and confirmed appointments that could share time with [start, end) (they start less than the longest appointment before `end`). */
  engineerAround(engineerId: string, start: string, end: string): StoredAppointment[];
  /** The first of the engineer's blocking appointments overlapping [start, end), other than `except`. */
  clash(engineerId: string, start: string, end: string, except?: string): StoredAppointment | undefined;
  /** The engineers' tentative and confirmed appointments that overlap [from, to), by start. */
  calendar(from: string, to: string, engineerIds: readonly string[]): CalendarEntry[];
  /** The case's tentative or confirmed appointment, if it has one. */
  activeOfCase(caseId: string): StoredAppointment | undefined;
}
