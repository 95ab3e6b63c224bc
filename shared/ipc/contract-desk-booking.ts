// The booking's channels (issue 10 points 4 and 5): book, move and cancel appointments, find free
// slots, the calendar, and the engineer's day with the work order that fills the On-site view.
import { z } from 'zod';
import { deskRoles } from './channel-roles';
import { appointmentSchema, appointmentStatuses, instantSchema, plainDateSchema, recordIdSchema, timeZoneSchema } from '../desk/model';
import { mainReasonSchema } from '../errors/main-reason-schema';
import { merchantInputSchema } from '../rebind/rebind-ipc';
import { workOrderSchema } from '../rebind/work-order';
import { CASE_REASON_MIN_LENGTH } from '../desk/case-states';

/** The longest calendar range one call reads (a month view with the days around it). */
export const CALENDAR_MAX_DAYS = 42;
/** The most engineers one calendar call reads (the resource view's page). */
export const CALENDAR_MAX_ENGINEERS = 200;

/**
 * When: two UTC instants, or a wall time in the booking's zone with a length. A wall time the
 * clocks skip is refused, one they pass twice needs `choice` (shared/desk/time/zoned.ts).
 */
export const bookingSlotSchema = z.union([
  z.strictObject({ start: instantSchema, end: instantSchema }),
  z.strictObject({
    date: plainDateSchema,
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM'),
    durationMinutes: z.int().min(5).max(720),
    choice: z.enum(['earlier', 'later']).optional(),
  }),
]);
/** A slot as the desk gives it. */
export type BookingSlotInput = z.infer<typeof bookingSlotSchema>;

const reasonText = z.string().trim().min(CASE_REASON_MIN_LENGTH).max(500);

/** A stored appointment as the renderer sees it. */
export const appointmentViewSchema = z.strictObject({
  ...appointmentSchema.shape,
  version: z.int().positive(),
  cancelReason: z.string().optional(),
});
/** A stored appointment. */
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

/** Booked, or every reason it was not (the gate's, all at once). */
export const bookingOutcomeSchema = z.discriminatedUnion('booked', [
  z.strictObject({ booked: z.literal(true), appointment: appointmentViewSchema, caseState: z.string() }),
  z.strictObject({ booked: z.literal(false), reasons: z.array(mainReasonSchema).min(1) }),
]);
/** A booking's outcome. */
export type BookingOutcome = z.infer<typeof bookingOutcomeSchema>;

const calendarEntrySchema = z.strictObject({
  id: recordIdSchema,
  caseId: recordIdSchema,
  engineerId: recordIdSchema,
  start: instantSchema,
  end: instantSchema,
  zone: z.string(),
  status: z.enum(appointmentStatuses),
  version: z.int(),
  merchantName: z.string(),
  caseState: z.string(),
});

// What the calendar page shows of reference data: engineers as rows (their areas and skills filter
// them, their zones are offered), and the banks whose zones and names a booking needs.
const calendarEngineerSchema = z.strictObject({ id: recordIdSchema, displayName: z.string(), areas: z.array(z.string()), skills: z.array(z.string()), timeZone: z.string() });
const calendarBankSchema = z.strictObject({ code: z.string(), name: z.string(), timeZone: z.string() });

const todayEntrySchema = z.strictObject({
  appointment: appointmentViewSchema,
  caseState: z.string(),
  merchant: z.strictObject({ shortName: z.string(), address: z.string() }),
  terminal: z.strictObject({ serial: z.string(), tid: z.string(), model: z.string() }),
  bank: z.strictObject({ code: z.string(), name: z.string(), templateId: z.string() }),
});

/** The booking's channels. */
export const deskBookingContract = {
  'desk:book': {
    input: z.strictObject({ caseId: recordIdSchema, engineerId: recordIdSchema, zone: timeZoneSchema, slot: bookingSlotSchema }),
    output: bookingOutcomeSchema,
    roles: deskRoles,
  },
  'desk:reschedule': {
    input: z.strictObject({ appointmentId: recordIdSchema, version: z.int().positive(), engineerId: recordIdSchema.optional(), zone: timeZoneSchema, slot: bookingSlotSchema, reason: reasonText }),
    output: bookingOutcomeSchema,
    roles: deskRoles,
  },
  'desk:cancel-appointment': {
    input: z.strictObject({ appointmentId: recordIdSchema, version: z.int().positive(), reason: reasonText }),
    output: z.strictObject({ appointment: appointmentViewSchema, caseState: z.string() }),
    roles: deskRoles,
  },
  'desk:find-slots': {
    input: z.strictObject({
      caseId: recordIdSchema,
      /** Only these engineers (default: every engineer with the skill and the area). */
      engineerIds: z.array(recordIdSchema).max(CALENDAR_MAX_ENGINEERS).optional(),
      from: instantSchema,
      durationMinutes: z.int().min(5).max(720),
      count: z.int().min(1).max(50),
      stepMinutes: z.int().min(5).max(240),
      horizonDays: z.int().min(1).max(62).optional(),
      /** The appointment being moved, so its own time counts as free. */
      replacing: recordIdSchema.optional(),
    }),
    output: z.strictObject({ slots: z.array(z.strictObject({ engineerId: recordIdSchema, start: instantSchema, end: instantSchema, zone: z.string() })) }),
    roles: deskRoles,
  },
  'desk:calendar': {
    input: z.strictObject({ from: instantSchema, to: instantSchema, engineerIds: z.array(recordIdSchema).min(1).max(CALENDAR_MAX_ENGINEERS) }),
    output: z.strictObject({ appointments: z.array(calendarEntrySchema) }),
    roles: 'signed-in',
  },
  /**
   * The calendar page opening: its engineers and banks with every engineer's appointments in the
   * first view's range, in one call (one round trip before the calendar is drawn, not reference
   * data and then the appointments that need its engineers).
   */
  'desk:calendar-open': {
    input: z.strictObject({ from: instantSchema, to: instantSchema }),
    output: z.strictObject({ engineers: z.array(calendarEngineerSchema), banks: z.array(calendarBankSchema), appointments: z.array(calendarEntrySchema) }),
    roles: 'signed-in',
  },
  'desk:today': {
    /** The day in the engineer's zone; today when absent. */
    input: z.strictObject({ date: plainDateSchema.optional() }),
    output: z.strictObject({ date: z.string(), zone: z.string(), appointments: z.array(todayEntrySchema) }),
    roles: ['engineer', 'admin'],
  },
  'desk:appointment-work-order': {
    input: z.strictObject({ appointmentId: recordIdSchema }),
    output: z.strictObject({
      appointmentId: recordIdSchema,
      caseId: recordIdSchema,
      templateId: z.string(),
      bank: z.strictObject({ code: z.string(), name: z.string() }),
      merchant: merchantInputSchema,
      workOrder: workOrderSchema,
    }),
    roles: ['engineer', 'admin'],
  },
} as const;
