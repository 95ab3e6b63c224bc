// A run of a checklist on site: tied to one appointment, started with one template version,
// answered step by step, ended with an outcome. What blocks completion is `missingSteps`.
import { z } from 'zod';
import { reason, type Reason } from '../errors/reason';
import { bankCodeSchema, recordIdSchema } from '../desk/model/ids';
import { recordMetaSchema } from '../desk/model/record';
import { stepStateSchema, type AnswerValue, type StepState } from './checklist-answers';
import { checklistStepIdSchema, evidenceMediaTypes, type ChecklistStep } from './checklist-steps';
import { runOutcomeSchema } from './checklist-outcome';
import { storedChecklistTemplateSchema } from './checklist-template';

/** A run is open until its outcome is recorded. */
export const runStatuses = ['open', 'finished'] as const;

/** A stored run. */
export const storedRunSchema = z.strictObject({
  ...recordMetaSchema.shape,
  appointmentId: recordIdSchema,
  caseId: recordIdSchema,
  templateId: recordIdSchema,
  bankCode: bankCodeSchema,
  templateVersion: z.int().positive(),
  status: z.enum(runStatuses),
  /** The rebind operation the automatic steps were last read from; null before one exists. */
  operationId: z.int().positive().nullable(),
  outcome: runOutcomeSchema.nullable(),
  finishedAt: z.string().nullable(),
  finishedBy: z.string().nullable(),
});
/** A stored run. */
export type StoredRun = z.infer<typeof storedRunSchema>;

/** A required step not answered, or automatic and not passed, by its place in the template. */
export const missingStepSchema = z.strictObject({
  stepId: checklistStepIdSchema,
  position: z.int().positive(),
  why: z.enum(['unanswered', 'not-passed']),
});
/** A step that blocks completion. */
export type MissingStep = z.infer<typeof missingStepSchema>;

/** A photo or file given as evidence: kept in the case's attachment store (purpose `checklist-evidence`). */
export const evidenceAttachmentSchema = z.strictObject({
  id: recordIdSchema,
  sha256: z.string().length(64),
  fileName: z.string(),
  mediaType: z.enum(evidenceMediaTypes),
  size: z.int().positive(),
  createdAt: z.string(),
  createdBy: z.string(),
});
/** An evidence file. */
export type EvidenceAttachment = z.infer<typeof evidenceAttachmentSchema>;

/**
 * The run page's data: the run, the exact template version it started with, every step's answers
 * (template order), the evidence files any answer named, and what still blocks completion.
 */
export const runViewSchema = z.strictObject({
  run: storedRunSchema,
  template: storedChecklistTemplateSchema,
  steps: z.array(stepStateSchema),
  evidence: z.array(evidenceAttachmentSchema),
  missing: z.array(missingStepSchema),
});
/** The run page's data. */
export type RunView = z.infer<typeof runViewSchema>;

/**
 * Whether an answer counts toward completion: a tick ticked, a text not empty, evidence with a
 * file, an automatic check passed. A number, a choice and a signature count once given.
 */
export function answerSatisfies(value: AnswerValue): boolean {
  switch (value.kind) {
    case 'auto':
      return value.passed;
    case 'tick':
      return value.checked;
    case 'text':
      return value.text.length > 0;
    case 'evidence':
      return value.attachmentIds.length > 0;
    default:
      return true;
  }
}

/** The required steps that block completion, in template order. */
export function missingSteps(steps: readonly ChecklistStep[], states: readonly StepState[]): MissingStep[] {
  const byId = new Map(states.map((state) => [state.stepId, state]));
  const missing: MissingStep[] = [];
  steps.forEach((step, index) => {
    if (!step.required) return;
    const current = byId.get(step.id)?.current ?? null;
    if (current === null) missing.push({ stepId: step.id, position: index + 1, why: step.kind === 'auto' ? 'not-passed' : 'unanswered' });
    else if (!answerSatisfies(current.value)) missing.push({ stepId: step.id, position: index + 1, why: current.value.kind === 'auto' ? 'not-passed' : 'unanswered' });
  });
  return missing;
}

/** The refusal of a completion: how many, then each missing step by place and id (the UI names each by its label). */
export function missingStepReasons(missing: readonly MissingStep[]): Reason[] {
  if (missing.length === 0) return [];
  return [
    reason('checklist-required-missing', { count: missing.length }),
    ...missing.map((m) => reason(m.why === 'not-passed' ? 'checklist-step-not-passed' : 'checklist-step-missing', { position: m.position, step: m.stepId })),
  ];
}
