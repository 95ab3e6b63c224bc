// The work order a rebind runs against: which terminal the case is about. HELLO's serial number,
// TID and model must match before anything is changed (PROTOCOL.md §5 step 1).
import { reason, type Reason } from '../errors/reason';
import { z } from 'zod';

/** The fields a work order can pin. */
export const workOrderFields = ['serialNumber', 'tid', 'model'] as const;

/** A pinned field. */
export type WorkOrderField = (typeof workOrderFields)[number];

/** The shortest override reason main accepts: a sentence, not "ok". */
export const overrideReasonMinLength = 10;

/** What the case expects of the terminal; a field left out is not checked. */
export const workOrderSchema = z.strictObject({
  /** The case or work-order reference, for the journal. */
  caseRef: z.string().min(1).max(100).optional(),
  expectedSerial: z.string().min(1).max(64).optional(),
  expectedTid: z.string().min(1).max(64).optional(),
  expectedModel: z.string().min(1).max(128).optional(),
  /** Go on despite a mismatch; the reason is audited. */
  override: z.strictObject({ reason: z.string().trim().min(overrideReasonMinLength, `Say in a sentence why the mismatch is acceptable (at least ${overrideReasonMinLength} characters).`).max(500) }).optional(),
});

/** What the case expects of the terminal. */
export type WorkOrder = z.infer<typeof workOrderSchema>;

/** One field that differs between the work order and the terminal. */
export interface WorkOrderMismatch {
  field: WorkOrderField;
  expected: string;
  actual: string;
}

/** What HELLO says, as far as the work order cares. */
export interface IdentityForWorkOrder {
  serialNumber: string;
  tid: string;
  model: string;
}

/** The fields that differ (serial numbers, TIDs and models compared exactly, after trimming). */
export function checkWorkOrder(order: WorkOrder, identity: IdentityForWorkOrder): WorkOrderMismatch[] {
  const pairs: [WorkOrderField, string | undefined, string][] = [
    ['serialNumber', order.expectedSerial, identity.serialNumber],
    ['tid', order.expectedTid, identity.tid],
    ['model', order.expectedModel, identity.model],
  ];
  const mismatches: WorkOrderMismatch[] = [];
  for (const [field, expected, actual] of pairs) {
    if (expected !== undefined && expected.trim() !== actual.trim()) mismatches.push({ field, expected, actual });
  }
  return mismatches;
}

const fieldNames: Readonly<Record<WorkOrderField, string>> = { serialNumber: 'serial number', tid: 'TID', model: 'model' };

/** The mismatches as one reason, said in the user's language: "serial number: the work order says …; TID: …". */
export function mismatchesReason(mismatches: readonly WorkOrderMismatch[]): Reason {
  const lines = mismatches.map((m): Reason => reason('mismatch-line', { field: reason(`work-order-field-${m.field}`), expected: m.expected, actual: m.actual }));
  return lines.reduceRight((rest, line) => reason('mismatches-2', { a: line, b: rest }));
}

/** "serial number: the work order says 1170012345, the terminal says 1170099999". */
export function describeMismatch(m: WorkOrderMismatch): string {
  return `${fieldNames[m.field]}: the work order says ${m.expected}, the terminal says ${m.actual}`;
}
