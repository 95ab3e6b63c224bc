// A checklist template: one bank's list of steps, versioned. Each save by an admin is a new
// version (a new row); old versions stay, and a run names the exact version it started with, so a
// later edit never changes what a finished run was asked.
import { z } from 'zod';
import { reason, type Reason } from '../errors/reason';
import { bankCodeSchema, recordIdSchema } from '../desk/model/ids';
import { recordMetaSchema } from '../desk/model/record';
import { checklistStepSchema, localizedTextSchema, type ChecklistStep } from './checklist-steps';

/** Most steps one template holds. */
export const TEMPLATE_MAX_STEPS = 100;

/** What an admin edits and `resources/checklists/<bank>.json` holds. */
export const checklistTemplateContentSchema = z.strictObject({
  bankCode: bankCodeSchema,
  title: localizedTextSchema,
  steps: z.array(checklistStepSchema).min(1).max(TEMPLATE_MAX_STEPS),
});
/** A template's content. */
export type ChecklistTemplateContent = z.infer<typeof checklistTemplateContentSchema>;

/** Where a version came from: the shipped file, or an admin's edit. */
export const templateSources = ['shipped', 'edited'] as const;

/** A stored version of a template. Rows are never changed, so the record meta's version stays 1. */
export const storedChecklistTemplateSchema = z.strictObject({
  ...recordMetaSchema.shape,
  ...checklistTemplateContentSchema.shape,
  /** 1, 2, 3 … per bank. */
  templateVersion: z.int().positive(),
  source: z.enum(templateSources),
});
/** A stored version of a template. */
export type StoredChecklistTemplate = z.infer<typeof storedChecklistTemplateSchema>;

/** A line of the template list. */
export const checklistTemplateSummarySchema = z.strictObject({
  id: recordIdSchema,
  bankCode: bankCodeSchema,
  templateVersion: z.int().positive(),
  title: localizedTextSchema,
  stepCount: z.int().nonnegative(),
  requiredCount: z.int().nonnegative(),
  source: z.enum(templateSources),
  createdAt: z.string(),
  createdBy: z.string(),
  /** The newest version of its bank: the one a new run starts with. */
  latest: z.boolean(),
});
/** A line of the template list. */
export type ChecklistTemplateSummary = z.infer<typeof checklistTemplateSummarySchema>;

/**
 * What a template's schema cannot say: step ids unique, option ids unique within a step, a number's
 * range not empty. Each problem names the step; empty when the template is fine. The admin editor
 * shows these before saving, and main refuses a save with the same reasons.
 */
export function checkTemplate(steps: readonly ChecklistStep[]): Reason[] {
  const problems: Reason[] = [];
  const seen = new Set<string>();
  steps.forEach((step, index) => {
    const position = index + 1;
    if (seen.has(step.id)) problems.push(reason('checklist-step-id-duplicate', { position, step: step.id }));
    seen.add(step.id);
    if (step.kind === 'number' && step.min > step.max) problems.push(reason('checklist-number-range-invalid', { position, step: step.id, min: step.min, max: step.max }));
    if (step.kind === 'choice') {
      const options = new Set<string>();
      for (const option of step.options) {
        if (options.has(option.id)) problems.push(reason('checklist-option-id-duplicate', { position, step: step.id, option: option.id }));
        options.add(option.id);
      }
    }
  });
  return problems;
}
