// The engine's live events, for the On-site view (step list with progress, receipt, outcome banner)
// and the CLI's progress lines. Sent main → renderer as plain data. Link lines are no event here:
// they reach the Terminal page's log once, through the line the engine borrows (terminal:log).
import { z } from 'zod';
import { mainReasonSchema } from '../errors/main-reason-schema';
import { rebindOutcomeSchema } from './rebind-outcome';
import { rebindStepSchema } from './rebind-steps';

/** Progress inside a step: SETTLE's interim percentage, or the bytes the terminal has staged. */
export const stepProgressSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), percent: z.int().min(0).max(100) }),
  z.strictObject({ kind: z.literal('bytes'), done: z.int().nonnegative(), total: z.int().positive() }),
]);

/** Progress inside a step. */
export type StepProgress = z.infer<typeof stepProgressSchema>;

/** What the engine decided after asking the terminal (HELLO) which set is active. */
export const recoveryActions = ['start-over', 'resume-forward', 'verify-new', 'rollback', 'finish-restore', 'finish-rebound', 'stop'] as const;

/** One of the recovery actions. */
export type RecoveryAction = (typeof recoveryActions)[number];

/** One live event of a rebind. */
export const rebindEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('operation'),
    operationId: z.int().positive(),
    session: z.int().positive(),
    /** `started` for a new run, `resumed` for a recovery of an interrupted one. */
    status: z.enum(['started', 'resumed']),
  }),
  z.strictObject({
    type: z.literal('step-started'),
    operationId: z.int().positive(),
    step: rebindStepSchema,
    attempt: z.int().positive(),
    at: z.string(),
  }),
  z.strictObject({
    type: z.literal('step-progress'),
    operationId: z.int().positive(),
    step: rebindStepSchema,
    progress: stepProgressSchema,
  }),
  z.strictObject({
    type: z.literal('step-finished'),
    operationId: z.int().positive(),
    step: rebindStepSchema,
    status: z.enum(['ok', 'failed', 'skipped']),
    durationMs: z.number().nonnegative(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    /** Why it failed, as a reason (the journal keeps its English). */
    error: mainReasonSchema.nullable(),
  }),
  z.strictObject({
    type: z.literal('decision'),
    operationId: z.int().positive(),
    action: z.enum(recoveryActions),
    /** Why, in a sentence (which digest is active, whether a previous set is kept), as a reason. */
    message: mainReasonSchema,
  }),
  z.strictObject({ type: z.literal('receipt'), operationId: z.int().positive(), lines: z.array(z.string()) }),
  z.strictObject({ type: z.literal('outcome'), outcome: rebindOutcomeSchema }),
]);

/** One live event of a rebind. */
export type RebindEvent = z.infer<typeof rebindEventSchema>;

/** Receives the engine's events; must not throw (a throwing listener is ignored). */
export type RebindEventListener = (event: RebindEvent) => void;
