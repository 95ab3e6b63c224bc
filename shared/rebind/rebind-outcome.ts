// How a rebind ends: rebound, restored, needs-attention or refused, with the cause, what is known,
// what to do next, the digests and the steps. The CLI prints it; the On-site view shows it. The
// link log is not part of it: the journal keeps it, and the Terminal page's log shows it live.
import { z } from 'zod';
import { stepRecordSchema } from './rebind-steps';
import { mainReasonSchema } from '../errors/main-reason-schema';
import { linkLogKinds } from '../terminal/link-log-line';

/**
 * The four ways a rebind ends (the CLI's exit codes 0, 3, 4 and 5). `refused` means the engine
 * stopped before it sent anything that changes the terminal: nothing is uncertain, only a reason
 * and what to do; `needs-attention` means the terminal's state is not settled or not known.
 */
export const rebindOutcomes = ['rebound', 'restored', 'needs-attention', 'refused'] as const;

/** How a rebind ended. */
export type RebindOutcomeKind = (typeof rebindOutcomes)[number];

/**
 * Why it ended that way, as a stable code the renderer translates:
 * - rebound: `confirmed` (clean run, or a resumed one), `confirmed-earlier` (found confirmed after a
 *   restart), `already-active` (the terminal already ran the new set, confirmed: nothing changed);
 * - restored: `restore-requested`, `host-test-failed`, `print-failed`, `verification-failed`,
 *   `settle-failed`, `terminal-refused`, `link-failed`, `interrupted`, `cancelled`;
 * - refused (nothing sent that changes the terminal): `work-order-mismatch`, `locked`,
 *   `open-operation`, `unconfirmed-set`, `cancelled`;
 * - needs-attention: the rest, and `database-failed` (the journal could not be written).
 */
export const rebindReasons = [
  'confirmed',
  'confirmed-earlier',
  'restore-requested',
  'host-test-failed',
  'print-failed',
  'verification-failed',
  'settle-failed',
  'terminal-refused',
  'link-failed',
  'interrupted',
  'work-order-mismatch',
  'locked',
  'open-operation',
  'already-active',
  'terminal-unreachable',
  'wrong-terminal',
  'unknown-set',
  'confirmed-elsewhere',
  'rollback-refused',
  'interrupted-before-identify',
  'protocol-error',
  'abandoned',
  'taken-over',
  'unconfirmed-set',
  'database-failed',
  'cancelled',
] as const;

/** Why a rebind ended the way it did. */
export type RebindReason = (typeof rebindReasons)[number];

const digest = z.string().regex(/^[0-9a-f]{64}$/);

/** A sentence of an outcome: a reason code main can send, with its parameters (shared/errors/reasons-en.ts). */
const outcomeTextSchema = mainReasonSchema;

/** What a link log line records: the one list (shared/terminal/link-log-line.ts). */
export { linkLogKinds };

/** The result of a run, a resume or a recovery. */
export const rebindOutcomeSchema = z.strictObject({
  operationId: z.int().positive(),
  outcome: z.enum(rebindOutcomes),
  reason: z.enum(rebindReasons),
  /** One sentence: what happened (a reason code with its parameters, said in the user's language). */
  message: outcomeTextSchema,
  /** What is known for sure (each a sentence), e.g. "The old set (52b6…) is active, read back from the terminal." */
  known: z.array(outcomeTextSchema),
  /** What the engineer does next (each a sentence). */
  nextSteps: z.array(outcomeTextSchema),
  /** The operation stays open (the terminal's state is not settled): run recovery when the terminal is back. */
  operationOpen: z.boolean(),
  serialNumber: z.string().nullable(),
  /** The digest HELLO reported before anything changed. */
  digestBefore: digest.nullable(),
  /** The digest of the new bank's set. */
  targetDigest: digest,
  /** The active digest at the end, read back from the terminal; null when it could not be read. */
  finalDigest: digest.nullable(),
  /** The backup of the old set and batch; null when the run stopped before taking it. */
  backupId: z.int().positive().nullable(),
  /** Every step of every session of the operation, oldest first. */
  steps: z.array(stepRecordSchema),
  /** The receipt PRINT_TEST printed in this session, when it ran. */
  receipt: z.array(z.string()).nullable(),
});

/** The result of a run, a resume or a recovery. */
export type RebindOutcome = z.infer<typeof rebindOutcomeSchema>;
