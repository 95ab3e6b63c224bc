// How a checklist run ends (issue 11 point 2). The outcome closes the appointment (status `done`)
// and moves the case through the case state table (docs/checklist.md says which row for which).
import { z } from 'zod';
import { CASE_REASON_MIN_LENGTH } from '../desk/case-states';

/** The three ends of a run. */
export const runOutcomeKinds = ['completed', 'restored', 'failed'] as const;
/** One end of a run. */
export type RunOutcomeKind = (typeof runOutcomeKinds)[number];

/**
 * Why a visit failed, as a stable code (the Reports page counts failures by it; each is named in
 * both languages as the reason `checklist-cause-<code>`). `other` needs the text to say what.
 */
export const failureCauses = [
  'terminal-not-working',
  'host-unreachable',
  'sign-on-declined',
  'printer-fault',
  'hardware-fault',
  'wrong-parameters',
  'wrong-terminal',
  'merchant-absent',
  'merchant-refused',
  'other',
] as const;
/** One failure cause. */
export type FailureCause = (typeof failureCauses)[number];

const note = z.string().trim().max(2000);

/** The outcome the engineer records. */
export const runOutcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('completed'), note: note.optional() }),
  /** The terminal was put back on its previous bank (by the engine's restore or a rebind back). */
  z.strictObject({ kind: z.literal('restored'), note: z.string().trim().min(CASE_REASON_MIN_LENGTH).max(2000) }),
  z.strictObject({ kind: z.literal('failed'), cause: z.enum(failureCauses), text: z.string().trim().min(CASE_REASON_MIN_LENGTH).max(2000) }),
]);
/** The outcome the engineer records. */
export type RunOutcome = z.infer<typeof runOutcomeSchema>;
