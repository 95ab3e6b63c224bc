// The service report's channels (issue 11 point 3, electron/main/report/, docs/service-report.md).
// The engineer of the visit (or an admin) issues; the desk, engineers and admins list, fetch the
// PDF and verify a file. A correction is a new report that supersedes the current one, with a reason.
import { z } from 'zod';
import { recordIdSchema } from '../desk/model/ids';
import { runOutcomeKinds } from '../checklist/checklist-outcome';
import { issuedReportSchema, REISSUE_REASON_MIN_LENGTH, reportVerifyResultSchema } from '../report/report-record';
import { languageSchema } from '../settings/settings';
import { deskReadRoles, terminalRoles } from './channel-roles';
import { ATTACHMENT_MAX_BYTES } from './contract-desk-cases';

/** The largest PDF verify reads (the attachment limit). */
export const REPORT_VERIFY_MAX_BYTES = ATTACHMENT_MAX_BYTES;
const base64Max = Math.ceil(REPORT_VERIFY_MAX_BYTES / 3) * 4;

/** A finished run of the case that has no report yet. */
export const issuableRunSchema = z.strictObject({
  runId: recordIdSchema,
  appointmentId: recordIdSchema,
  finishedAt: z.string(),
  outcome: z.enum(runOutcomeKinds),
});

export const reportContract = {
  // The case's reports, oldest first (each with what it superseded and what superseded it), and its
  // finished runs without a report.
  'report:list': {
    input: z.strictObject({ caseId: recordIdSchema }),
    output: z.strictObject({ reports: z.array(issuedReportSchema), issuable: z.array(issuableRunSchema) }),
    roles: deskReadRoles,
  },
  // Freezes the run's content, prints it in `language`, keeps the PDF with the case and records its
  // hash in the audit chain. `correction` issues a new report superseding the run's current one.
  'report:issue': {
    input: z.strictObject({
      runId: recordIdSchema,
      language: languageSchema,
      correction: z.strictObject({ reportId: recordIdSchema, reason: z.string().trim().min(REISSUE_REASON_MIN_LENGTH).max(500) }).optional(),
    }),
    output: issuedReportSchema,
    roles: terminalRoles,
  },
  // The issued PDF's bytes (to open, print or save), checked against their hash on the way out.
  'report:pdf': {
    input: z.strictObject({ reportId: recordIdSchema }),
    output: z.strictObject({ report: issuedReportSchema, fileName: z.string(), dataBase64: z.string() }),
    roles: deskReadRoles,
  },
  // Is this file a report issued here, unchanged? Read only.
  'report:verify': {
    input: z.strictObject({ dataBase64: z.base64().max(base64Max) }),
    output: reportVerifyResultSchema,
    roles: deskReadRoles,
  },
} as const;
