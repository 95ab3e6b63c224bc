// An on-site appointment: an engineer at a case's merchant from start to end. Start and end are UTC
// instants; `zone` is the IANA zone it was booked in, so it shows at the wall time the desk chose
// even if the zone's rules change later. `tentative` is a booking made offline, waiting for the team
// server (DESIGN.md §6); it blocks the engineer's time just as `confirmed` does. `done`: the visit's
// checklist recorded its outcome (docs/checklist.md); it can no longer be moved or cancelled.
import { z } from 'zod';
import { instantSchema, timeZoneSchema } from './calendar';
import { recordIdSchema } from './ids';

/** The states of an appointment. */
export const appointmentStatuses = ['tentative', 'confirmed', 'cancelled', 'done'] as const;
/** One appointment status. */
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** Statuses that hold the engineer's time: a done visit (its checklist's outcome recorded, migration 0015) held it too. */
export const blockingAppointmentStatuses = ['tentative', 'confirmed', 'done'] as const satisfies readonly AppointmentStatus[];

/** An appointment. */
export const appointmentSchema = z
  .strictObject({
    id: recordIdSchema,
    caseId: recordIdSchema,
    /** The engineer profile's id (Engineer.id). */
    engineerId: recordIdSchema,
    start: instantSchema,
    end: instantSchema,
    zone: timeZoneSchema,
    status: z.enum(appointmentStatuses),
  })
  .refine((a) => Date.parse(a.start) < Date.parse(a.end), { message: 'an appointment ends after it starts', path: ['end'] });
/** An appointment. */
export type Appointment = z.infer<typeof appointmentSchema>;
