// The answers to a checklist's steps. A manual answer is what the engineer gives; an automatic one
// is what main read from the rebind journal. Every answer is stored as a new row with who and when
// (electron/main/checklist/): answering again appends, so the earlier answer stays in the history.
import { z } from 'zod';
import { recordIdSchema } from '../desk/model/ids';
import { automaticChecks, checklistStepIdSchema, EVIDENCE_MAX_FILES, signers, TEXT_ANSWER_MAX } from './checklist-steps';

const digest = z.string().regex(/^[0-9a-f]{64}$/);

/** One point of a drawn stroke as signature_pad records it (CSS pixels, ms since the epoch). */
export const signaturePointSchema = z.strictObject({ x: z.number().finite(), y: z.number().finite(), pressure: z.number().finite().min(0).max(1), time: z.number().finite() });
/** One stroke: signature_pad's PointGroup (its pen options and points). */
export const signatureStrokeSchema = z.strictObject({
  penColor: z.string().max(40),
  dotSize: z.number().finite().min(0),
  minWidth: z.number().finite().min(0),
  maxWidth: z.number().finite().min(0),
  velocityFilterWeight: z.number().finite(),
  compositeOperation: z.string().max(40),
  points: z.array(signaturePointSchema).min(1).max(5000),
});
/** One stroke of a signature. */
export type SignatureStroke = z.infer<typeof signatureStrokeSchema>;
/** Longest SVG of a signature, in characters. */
export const SIGNATURE_SVG_MAX = 1_000_000;

/** What the engineer gives for a manual step, by the step's kind. */
export const manualAnswerValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('tick'), checked: z.boolean() }),
  z.strictObject({ kind: z.literal('number'), value: z.number().finite() }),
  z.strictObject({ kind: z.literal('choice'), optionId: checklistStepIdSchema }),
  z.strictObject({ kind: z.literal('text'), text: z.string().trim().max(TEXT_ANSWER_MAX) }),
  // The files are added one by one through checklist:evidence-add; this form drops some of them.
  z.strictObject({ kind: z.literal('evidence'), attachmentIds: z.array(recordIdSchema).max(EVIDENCE_MAX_FILES) }),
  z.strictObject({
    kind: z.literal('signature'),
    signer: z.enum(signers),
    /** The name of who signed, printed under the signature. */
    signerName: z.string().trim().min(1).max(100),
    strokes: z.array(signatureStrokeSchema).min(1).max(500),
    /** signature_pad's toSVG(); main checks it holds only drawing elements (isSafeSignatureSvg). */
    svg: z.string().min(1).max(SIGNATURE_SVG_MAX),
    /** The pad's size in CSS pixels, so the strokes can be drawn again at scale. */
    width: z.number().finite().positive().max(10_000),
    height: z.number().finite().positive().max(10_000),
  }),
]);
/** A manual answer. */
export type ManualAnswerValue = z.infer<typeof manualAnswerValueSchema>;

/** What the journal said for one automatic check (null fields: the journal did not hold them). */
export const journalFactsSchema = z.discriminatedUnion('check', [
  z.strictObject({ check: z.literal('identity-matched'), serialNumber: z.string().nullable(), model: z.string().nullable(), tid: z.string().nullable(), mismatches: z.array(z.string()), overridden: z.boolean() }),
  z.strictObject({ check: z.literal('backup-saved'), backupId: z.int().positive().nullable(), digest: digest.nullable() }),
  /** `skipped`: the batch was empty, nothing to settle (count 0). */
  z.strictObject({ check: z.literal('batch-settled'), count: z.int().nonnegative().nullable(), totalFen: z.int().nullable(), balanced: z.boolean().nullable(), skipped: z.boolean() }),
  z.strictObject({ check: z.literal('parameters-verified'), targetDigest: digest.nullable(), readBackDigest: digest.nullable(), matched: z.boolean() }),
  z.strictObject({ check: z.literal('sign-on'), responseCode: z.string().nullable(), roundTripMs: z.number().nullable() }),
  z.strictObject({ check: z.literal('echo-test'), responseCode: z.string().nullable(), roundTripMs: z.number().nullable() }),
  z.strictObject({ check: z.literal('receipt-printed'), lines: z.array(z.string()) }),
]);
/** What the journal said for one check. */
export type JournalFacts = z.infer<typeof journalFactsSchema>;

/** What main recorded for an automatic step: passed or not, from which operation, with the facts. */
export const automaticAnswerValueSchema = z.strictObject({
  kind: z.literal('auto'),
  check: z.enum(automaticChecks),
  passed: z.boolean(),
  /** The rebind operation the facts come from. */
  operationId: z.int().positive(),
  /** The journal step's status (`missing`: the operation never ran the step). */
  stepStatus: z.enum(['ok', 'failed', 'skipped', 'running', 'interrupted', 'missing']),
  facts: journalFactsSchema,
});
/** An automatic answer. */
export type AutomaticAnswerValue = z.infer<typeof automaticAnswerValueSchema>;

/** Any answer's value. */
export const answerValueSchema = z.union([automaticAnswerValueSchema, manualAnswerValueSchema]);
/** Any answer's value. */
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** One stored answer: never changed; a later one for the same step names it in `replaces`. */
export const storedAnswerSchema = z.strictObject({
  id: recordIdSchema,
  runId: recordIdSchema,
  stepId: checklistStepIdSchema,
  value: answerValueSchema,
  /** Manual answers are the engineer's; automatic ones are read from the journal on someone's request. */
  source: z.enum(['engineer', 'journal']),
  answeredAt: z.string(),
  answeredBy: z.string(),
  replaces: recordIdSchema.nullable(),
});
/** One stored answer. */
export type StoredAnswer = z.infer<typeof storedAnswerSchema>;

/** A step in a run: its current answer and every answer it had, oldest first (the current last). */
export const stepStateSchema = z.strictObject({
  stepId: checklistStepIdSchema,
  current: storedAnswerSchema.nullable(),
  history: z.array(storedAnswerSchema),
});
/** A step in a run. */
export type StepState = z.infer<typeof stepStateSchema>;
