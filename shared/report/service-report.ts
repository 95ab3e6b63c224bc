// The service report's content (issue 11 point 3): everything the printed PDF says, frozen when the
// report is issued. The fingerprint (report-canonical.ts) is taken over exactly this value, so
// anything that matters to the merchant or the bank is a field here, and nothing here is layout:
// the language, thumbnails and QR code are the printer's input (electron/main/report/report-printer.ts).
import { z } from 'zod';
import { journalFactsSchema, signatureStrokeSchema } from '../checklist/checklist-answers';
import { automaticChecks, checklistStepIdSchema, localizedTextSchema, signers } from '../checklist/checklist-steps';
import { runOutcomeSchema } from '../checklist/checklist-outcome';
import { bankCodeSchema, recordIdSchema } from '../desk/model/ids';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const instant = z.string().min(1).max(64);
const shortText = z.string().max(200);

/** The content's own format; a change to this schema that changes meaning makes a new version. */
export const SERVICE_REPORT_FORMAT = 1;

/** A report number, e.g. `SR-20261202-0007`: the day it was issued and a running number that day. */
export const reportNumberSchema = z.string().regex(/^SR-\d{8}-\d{4,6}$/, 'a report number looks like SR-20261202-0007');
/** A report number. */
export type ReportNumber = z.infer<typeof reportNumberSchema>;

/** A person named on the report: the username the audit chain knows, and the name printed. */
export const reportPersonSchema = z.strictObject({ username: z.string().min(1).max(64), displayName: shortText });

/** A bank as the report names it. */
export const reportBankSchema = z.strictObject({ code: bankCodeSchema, name: shortText });

/** What the terminal said about its bank binding at one moment (before the push or after it). */
export const terminalBindingSchema = z.strictObject({
  tid: z.string().max(64).nullable(),
  mid: z.string().max(64).nullable(),
  acquirerId: z.string().max(64).nullable(),
  /** SHA-256 of the active parameter set (F008), lower-case hex; null when the journal lacks it. */
  parameterDigest: sha256Hex.nullable(),
});
/** A terminal's binding at one moment. */
export type TerminalBinding = z.infer<typeof terminalBindingSchema>;

/** One evidence file, by the content hash the attachment store keeps it under. */
export const reportEvidenceSchema = z.strictObject({
  sha256: sha256Hex,
  fileName: z.string().max(255),
  mediaType: z.string().max(100),
  size: z.int().positive(),
});
/** One evidence file on the report. */
export type ReportEvidence = z.infer<typeof reportEvidenceSchema>;

/**
 * A step's answer as printed: the checklist's answer made self-contained (a choice carries its
 * option's label, a number its unit, evidence its files by hash; a signature points at `signatures`,
 * where the strokes are, so they sit in the content once).
 */
export const reportAnswerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('auto'), check: z.enum(automaticChecks), passed: z.boolean(), stepStatus: z.string().max(20), facts: journalFactsSchema }),
  z.strictObject({ kind: z.literal('tick'), checked: z.boolean() }),
  z.strictObject({ kind: z.literal('number'), value: z.number().finite(), unit: z.string().max(16).nullable() }),
  z.strictObject({ kind: z.literal('choice'), optionId: checklistStepIdSchema, optionLabel: localizedTextSchema }),
  z.strictObject({ kind: z.literal('text'), text: z.string().max(4000) }),
  z.strictObject({ kind: z.literal('evidence'), files: z.array(reportEvidenceSchema).max(10) }),
  z.strictObject({ kind: z.literal('signature'), signer: z.enum(signers) }),
]);
/** A step's answer on the report. */
export type ReportAnswer = z.infer<typeof reportAnswerSchema>;

/** One checklist step with its current answer, who gave it and when (null: not answered). */
export const reportStepSchema = z.strictObject({
  position: z.int().positive(),
  stepId: checklistStepIdSchema,
  label: localizedTextSchema,
  required: z.boolean(),
  answer: reportAnswerSchema.nullable(),
  answeredAt: instant.nullable(),
  answeredBy: z.string().max(64).nullable(),
  /** How many earlier answers the step's history holds (they stay in the app, not on the report). */
  earlierAnswers: z.int().nonnegative(),
});
/** One step on the report. */
export type ReportStep = z.infer<typeof reportStepSchema>;

/** A drawn signature with its strokes (signature_pad's point groups), its SVG and the pad's size. */
export const reportSignatureSchema = z.strictObject({
  signer: z.enum(signers),
  signerName: shortText,
  strokes: z.array(signatureStrokeSchema).min(1).max(500),
  svg: z.string().min(1).max(1_000_000),
  width: z.number().finite().positive(),
  height: z.number().finite().positive(),
  signedAt: instant,
  stepId: checklistStepIdSchema,
});
/** A signature on the report. */
export type ReportSignature = z.infer<typeof reportSignatureSchema>;

/** The service report's content: what is printed and fingerprinted. */
export const serviceReportContentSchema = z.strictObject({
  format: z.literal(SERVICE_REPORT_FORMAT),
  reportNumber: reportNumberSchema,
  /** The report this one replaces after a correction (docs/service-report.md), or null. */
  supersedes: reportNumberSchema.nullable(),
  issuedAt: instant,
  issuedBy: reportPersonSchema,
  case: z.strictObject({ id: recordIdSchema }),
  appointment: z.strictObject({ id: recordIdSchema, startsAt: instant, endsAt: instant, engineer: reportPersonSchema }),
  merchant: z.strictObject({ id: recordIdSchema, name: shortText, address: z.string().max(500).nullable(), contactName: shortText.nullable() }),
  terminal: z.strictObject({
    id: recordIdSchema,
    vendor: shortText.nullable(),
    model: shortText.nullable(),
    serialNumber: shortText,
    firmware: shortText.nullable(),
  }),
  previousBank: reportBankSchema.nullable(),
  newBank: reportBankSchema,
  /** The rebind operation the journal facts come from; null when none ran (a failed visit). */
  operationId: z.int().positive().nullable(),
  before: terminalBindingSchema,
  after: terminalBindingSchema,
  /** The batch settled before the switch; null when the journal holds no settle step. */
  settledBatch: z.strictObject({ count: z.int().nonnegative().nullable(), totalFen: z.int().nullable(), balanced: z.boolean().nullable(), skipped: z.boolean() }).nullable(),
  checklist: z.strictObject({
    runId: recordIdSchema,
    templateId: recordIdSchema,
    templateVersion: z.int().positive(),
    outcome: runOutcomeSchema,
    finishedAt: instant,
    finishedBy: z.string().max(64),
    steps: z.array(reportStepSchema).max(200),
  }),
  signatures: z.strictObject({ merchant: reportSignatureSchema.nullable(), engineer: reportSignatureSchema.nullable() }),
});
/** The service report's content. */
export type ServiceReportContent = z.infer<typeof serviceReportContentSchema>;

/** A fingerprint: lower-case hex SHA-256 of the content's canonical form. */
export const reportFingerprintSchema = sha256Hex;
