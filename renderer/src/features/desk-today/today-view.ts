// What the Today page shows of an appointment and what opening one puts into the On-site view:
// pure functions over the desk:today and desk:appointment-work-order answers.
import type { InvokeOutput } from '../../../../shared/ipc/contract';
import { instantToWallTime, plusDays } from '../../../../shared/desk/time/zoned';
import type { OnsiteVisit, RebindFormState } from '../onsite/onsite-store';

/** The engineer's day as main answers it. */
export type TodayView = InvokeOutput<'desk:today'>;
/** One appointment of the day. */
export type TodayEntry = TodayView['appointments'][number];
/** The work order main gives for an appointment. */
export type AppointmentWorkOrder = InvokeOutput<'desk:appointment-work-order'>;

/** An appointment's span on the wall clocks of `zone`: `14:00`–`15:00`, the offset, and whether it ends on a later day. */
export interface WallSpan {
  from: string;
  to: string;
  offset: string;
  endsLaterDay: boolean;
}

export function wallSpan(start: string, end: string, zone: string): WallSpan {
  const first = instantToWallTime(start, zone);
  const last = instantToWallTime(end, zone);
  return { from: first.time, to: last.time, offset: first.offset, endsLaterDay: last.date !== first.date };
}

/** The day `days` away from `date` (the day switch's previous and next). */
export function shiftDay(date: string, days: number): string {
  return plusDays(date, days);
}

/** A calendar date said in the UI language with its weekday (2026年12月1日星期二, Tuesday, 1 December 2026). */
export function sayDate(date: string, language: string): string {
  // Noon UTC of that date, formatted in UTC: the date itself, whatever the machine's own zone.
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * The On-site form and visit an appointment fills: the bank's template, the merchant's values with
 * the receipt short name (the MCC stays for the engineer: the desk keeps none), the work order the
 * terminal must match, and the case it is for. Override off: a mismatch is for the engineer to judge.
 */
export function onsiteFill(order: AppointmentWorkOrder, entry: TodayEntry, dayZone: string): { form: RebindFormState; visit: OnsiteVisit } {
  const { workOrder } = order;
  const span = wallSpan(entry.appointment.start, entry.appointment.end, dayZone);
  return {
    form: {
      templateId: order.templateId,
      merchant: { tid: order.merchant.tid, mid: order.merchant.mid, name: order.merchant.name, mcc: order.merchant.mcc },
      order: {
        caseRef: workOrder.caseRef ?? order.caseId,
        expectedSerial: workOrder.expectedSerial ?? '',
        expectedTid: workOrder.expectedTid ?? '',
        expectedModel: workOrder.expectedModel ?? '',
      },
      override: false,
      overrideReason: '',
    },
    visit: {
      appointmentId: order.appointmentId,
      caseId: order.caseId,
      caseState: entry.caseState,
      bankName: order.bank.name,
      shortName: order.merchant.name,
      date: instantToWallTime(entry.appointment.start, dayZone).date,
      from: span.from,
      to: span.to,
      zone: dayZone,
    },
  };
}
