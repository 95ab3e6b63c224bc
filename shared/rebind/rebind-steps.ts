// The steps of a rebind (PROTOCOL.md §5) and of its recovery, as the journal, the events and the
// On-site view name them. Pure data: the engine in electron/main/rebind/ runs them.
import { z } from 'zod';

/** The steps of a clean run, in order (PROTOCOL.md §5), for the On-site view's step list. */
export const forwardSteps = [
  'identify',
  'backup',
  'settle',
  'stage',
  'verify-stage',
  'commit',
  'read-back',
  'sign-on',
  'echo-test',
  'print-test',
  'confirm',
] as const;

/**
 * Every step the engine journals: a clean run's, then the recovery steps. `reconnect` asks the
 * terminal which set is active (HELLO) after a failure or a restart.
 */
export const rebindSteps = [...forwardSteps, 'reconnect', 'abort-stage', 'rollback', 'verify-restored', 'verify-rebound'] as const;

/** One step of a rebind or of its recovery. */
export type RebindStep = (typeof rebindSteps)[number];

/** A step's state in the journal: `interrupted` when the app stopped while it ran. */
export const stepStatuses = ['running', 'ok', 'failed', 'skipped', 'interrupted'] as const;

/** A step's state. */
export type StepStatus = (typeof stepStatuses)[number];

/** English labels; the renderer translates by step name. */
export const stepLabels: Readonly<Record<RebindStep, string>> = {
  identify: 'Identify the terminal and check the work order',
  backup: 'Back up the current parameters and batch',
  settle: 'Settle the open batch with the old bank',
  stage: 'Send the new parameter set',
  'verify-stage': 'Verify the staged set',
  commit: 'Activate the new set',
  'read-back': 'Read the new set back',
  'sign-on': 'Sign on with the new bank',
  'echo-test': 'Echo test with the new bank',
  'print-test': 'Print a test receipt',
  confirm: 'Confirm the new set',
  reconnect: 'Reconnect and ask the terminal which set is active',
  'abort-stage': 'Drop an unfinished stage',
  rollback: 'Roll back to the old set',
  'verify-restored': 'Read the old set back',
  'verify-rebound': 'Read the new set back after a restart',
};

/** Zod schema of a step name. */
export const rebindStepSchema = z.enum(rebindSteps);

/** Zod schema of a step status. */
export const stepStatusSchema = z.enum(stepStatuses);

/** One journaled step, as the outcome and the On-site view list it. */
export const stepRecordSchema = z.strictObject({
  step: rebindStepSchema,
  status: stepStatusSchema,
  /** Which run of the operation (1 = the first; each resume or recovery adds one). */
  session: z.int().positive(),
  /** Which attempt within the session (a retried forward path counts up). */
  attempt: z.int().positive(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  durationMs: z.number().nonnegative().nullable(),
  /** What the step found, e.g. `{ "digest": "…", "pages": 1 }`; never a secret. */
  detail: z.record(z.string(), z.unknown()).nullable(),
  /** The error message when it failed. */
  error: z.string().nullable(),
});

/** One journaled step. */
export type StepRecord = z.infer<typeof stepRecordSchema>;
