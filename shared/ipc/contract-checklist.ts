// The checklist's channels (issue 11 points 1 and 2, electron/main/checklist/): engineers and
// admins run a checklist on site, admins edit templates (each save a new version), the desk reads.
// Every answer is its own call and its own transaction, so what was given is stored when it returns.
import { z } from 'zod';
import { bankCodeSchema, recordIdSchema } from '../desk/model';
import { mainReasonSchema } from '../errors/main-reason-schema';
import { appointmentStatuses } from '../desk/model/appointment';
import { caseStateSchema } from '../desk/model/case-state';
import {
  checklistStepIdSchema,
  checklistTemplateContentSchema,
  checklistTemplateSummarySchema,
  evidenceAttachmentSchema,
  manualAnswerValueSchema,
  missingStepSchema,
  runOutcomeSchema,
  runViewSchema,
  stepStateSchema,
  storedChecklistTemplateSchema,
} from '../checklist';
import { adminOnly, deskReadRoles, terminalRoles } from './channel-roles';
import { ATTACHMENT_MAX_BYTES } from './contract-desk-cases';

const base64Max = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4;
const runRef = z.strictObject({ runId: recordIdSchema });

/** An answer's result: the step with its history, and what still blocks completion. */
export const answerResultSchema = z.strictObject({ step: stepStateSchema, missing: z.array(missingStepSchema) });

/** Finished, or why not (the missing steps also as data, so the page can name each by its label). */
export const finishResultSchema = z.discriminatedUnion('finished', [
  z.strictObject({ finished: z.literal(true), view: runViewSchema, appointmentStatus: z.enum(appointmentStatuses), caseState: caseStateSchema }),
  z.strictObject({ finished: z.literal(false), reasons: z.array(mainReasonSchema).min(1), missing: z.array(missingStepSchema) }),
]);
/** A finish's result. */
export type FinishResult = z.infer<typeof finishResultSchema>;

export const checklistContract = {
  // Newest version per bank, or every version of one bank (`allVersions`).
  'checklist:templates': {
    input: z.strictObject({ bankCode: bankCodeSchema.optional(), allVersions: z.boolean().default(false) }),
    output: z.strictObject({ templates: z.array(checklistTemplateSummarySchema) }),
    roles: deskReadRoles,
  },
  'checklist:template-get': { input: z.strictObject({ templateId: recordIdSchema }), output: storedChecklistTemplateSchema, roles: deskReadRoles },
  // A new version of the bank's template. `basedOn` is the version the admin opened (null: the
  // bank has none yet); when a newer one exists meanwhile, refused with checklist-template-changed.
  'checklist:template-save': {
    input: z.strictObject({ content: checklistTemplateContentSchema, basedOn: z.strictObject({ templateId: recordIdSchema, templateVersion: z.int().positive() }).nullable() }),
    output: storedChecklistTemplateSchema,
    roles: adminOnly,
  },
  // The appointment's open run, or a new one with the bank's newest template (automatic steps
  // filled from the journal at once). One open run per appointment, held by the database.
  'checklist:run-start': { input: z.strictObject({ appointmentId: recordIdSchema }), output: runViewSchema, roles: terminalRoles },
  // A run by id, or the appointment's newest run (null: none started).
  'checklist:run-get': {
    input: z.union([runRef, z.strictObject({ appointmentId: recordIdSchema })]),
    output: runViewSchema.nullable(),
    roles: deskReadRoles,
  },
  'checklist:answer': {
    input: z.strictObject({ runId: recordIdSchema, stepId: checklistStepIdSchema, value: manualAnswerValueSchema }),
    output: answerResultSchema,
    roles: terminalRoles,
  },
  // One file for an evidence step: stored in the case's attachment store (type by its first bytes,
  // size checked), and a new answer for the step naming the files so far with this one added.
  'checklist:evidence-add': {
    input: z.strictObject({ runId: recordIdSchema, stepId: checklistStepIdSchema, fileName: z.string().trim().min(1).max(200), dataBase64: z.base64().max(base64Max) }),
    output: z.strictObject({ attachment: evidenceAttachmentSchema, result: answerResultSchema }),
    roles: terminalRoles,
  },
  // Reads the automatic steps again from the rebind journal of the case (e.g. after the rebind ended).
  'checklist:fill-automatic': { input: runRef, output: runViewSchema, roles: terminalRoles },
  // The outcome: completed needs every required step; it closes the appointment and moves the case.
  'checklist:finish': {
    input: z.strictObject({ runId: recordIdSchema, outcome: runOutcomeSchema }),
    output: finishResultSchema,
    roles: terminalRoles,
  },
} as const;
