// An issued report as the app lists it, and what verifying a PDF found (docs/service-report.md).
import { z } from 'zod';
import { recordIdSchema } from '../desk/model/ids';
import { languageSchema } from '../settings/settings';
import { reportFingerprintSchema, reportNumberSchema, reportPersonSchema } from './service-report';

/** The shortest reason for issuing a report again: a sentence, not "fix". */
export const REISSUE_REASON_MIN_LENGTH = 10;

/** An issued report, without its content: enough to list it, name it and fetch its PDF. */
export const issuedReportSchema = z.strictObject({
  id: recordIdSchema,
  reportNumber: reportNumberSchema,
  caseId: recordIdSchema,
  appointmentId: recordIdSchema,
  runId: recordIdSchema,
  terminalSerial: z.string(),
  merchantName: z.string(),
  fingerprint: reportFingerprintSchema,
  pdfSha256: reportFingerprintSchema,
  pdfSize: z.int().positive(),
  language: languageSchema,
  issuedAt: z.string(),
  issuedBy: reportPersonSchema,
  /** The report this one replaced, and why (a correction); null for a first report. */
  supersedes: z.strictObject({ reportNumber: reportNumberSchema, reason: z.string() }).nullable(),
  /** The report that replaced this one; null while it is the current one. */
  supersededBy: z.strictObject({ reportNumber: reportNumberSchema, issuedAt: z.string() }).nullable(),
  /** The audit entry that recorded it (its place in the chain). */
  auditSeq: z.int().positive().nullable(),
});
/** An issued report. */
export type IssuedReport = z.infer<typeof issuedReportSchema>;

/** What was wrong with a file that is not the issued report. */
export const alteredWhySchema = z.enum([
  /** The file names a report of this data directory, but its bytes are not the issued file's. */
  'bytes-differ',
  /** The bytes are an issued file's, but the stored report no longer matches its audit entry or fingerprint. */
  'record-damaged',
]);

/** Verify's answer: genuine (the file issued), altered, or unknown here. */
export const reportVerifyResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('genuine'), pdfSha256: reportFingerprintSchema, report: issuedReportSchema }),
  z.strictObject({ status: z.literal('altered'), pdfSha256: reportFingerprintSchema, why: alteredWhySchema, report: issuedReportSchema }),
  /** Neither the bytes nor a report number or fingerprint in them are known to this data directory. */
  z.strictObject({ status: z.literal('unknown'), pdfSha256: reportFingerprintSchema, isPdf: z.boolean() }),
]);
/** Verify's answer. */
export type ReportVerifyResult = z.infer<typeof reportVerifyResultSchema>;
