// The steps a checklist template is made of (issue 11 point 1). Automatic steps are answered by
// main from the rebind journal of the appointment's case (never from the line); manual steps by the
// engineer on site. Labels carry both languages, because templates are data shipped and edited in
// the app, not strings in the renderer's catalogs.
import { z } from 'zod';

/** A template's text in both of the app's languages. */
export const localizedTextSchema = z.strictObject({
  'zh-CN': z.string().trim().min(1).max(200),
  'en-US': z.string().trim().min(1).max(200),
});
/** A template's text in both languages. */
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** A step's or a choice option's id: stable across versions, so answers and reports can follow a step. */
export const checklistStepIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'a step id is 1-48 lower-case letters, digits or dashes');

/** What an automatic step reads from the journal (electron/main/checklist/journal-facts.ts). */
export const automaticChecks = ['identity-matched', 'backup-saved', 'batch-settled', 'parameters-verified', 'sign-on', 'echo-test', 'receipt-printed'] as const;
/** One automatic check. */
export type AutomaticCheck = (typeof automaticChecks)[number];

/** Every step kind: `auto` first, then the manual ones. */
export const checklistStepKinds = ['auto', 'tick', 'number', 'choice', 'text', 'evidence', 'signature'] as const;
/** One step kind. */
export type ChecklistStepKind = (typeof checklistStepKinds)[number];

/** The media types an evidence step may accept: the attachment store's (shared/desk/attachments). */
export const evidenceMediaTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
/** Most files one evidence step holds. */
export const EVIDENCE_MAX_FILES = 10;
/** Longest text answer. */
export const TEXT_ANSWER_MAX = 4000;

/** Who signs a signature step: the merchant's representative, or the engineer. */
export const signers = ['merchant', 'engineer'] as const;

const stepBase = {
  id: checklistStepIdSchema,
  label: localizedTextSchema,
  /** A line under the label: what to check, how. */
  hint: localizedTextSchema.optional(),
  required: z.boolean(),
};

export const autoStepSchema = z.strictObject({ ...stepBase, kind: z.literal('auto'), check: z.enum(automaticChecks) });
export const tickStepSchema = z.strictObject({ ...stepBase, kind: z.literal('tick') });
export const numberStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('number'),
  min: z.number().finite(),
  max: z.number().finite(),
  /** Decimal places an answer may have (0: a whole number). */
  decimals: z.int().min(0).max(4),
  /** e.g. "dBm", "V", "%"; shown after the field, not translated. */
  unit: z.string().trim().max(16).optional(),
});
export const choiceOptionSchema = z.strictObject({ id: checklistStepIdSchema, label: localizedTextSchema });
export const choiceStepSchema = z.strictObject({ ...stepBase, kind: z.literal('choice'), options: z.array(choiceOptionSchema).min(2).max(20) });
export const textStepSchema = z.strictObject({ ...stepBase, kind: z.literal('text'), maxLength: z.int().min(1).max(TEXT_ANSWER_MAX), multiline: z.boolean() });
export const evidenceStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('evidence'),
  accept: z.array(z.enum(evidenceMediaTypes)).min(1).max(evidenceMediaTypes.length),
  maxFiles: z.int().min(1).max(EVIDENCE_MAX_FILES),
});
export const signatureStepSchema = z.strictObject({ ...stepBase, kind: z.literal('signature'), signer: z.enum(signers) });

/** One step of a template. Cross-field rules (min ≤ max, unique ids) are checkTemplate's (checklist-template.ts). */
export const checklistStepSchema = z.discriminatedUnion('kind', [autoStepSchema, tickStepSchema, numberStepSchema, choiceStepSchema, textStepSchema, evidenceStepSchema, signatureStepSchema]);
/** One step of a template. */
export type ChecklistStep = z.infer<typeof checklistStepSchema>;
/** A step of one kind. */
export type ChecklistStepOf<K extends ChecklistStepKind> = Extract<ChecklistStep, { kind: K }>;
