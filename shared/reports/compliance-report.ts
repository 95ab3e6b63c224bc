// The compliance report for the periodic review (合规性检查, issue 11 point 4): for a period, the
// audit log's entries an auditor asks about, in sections, and the chain's verification with its
// head. Rows are the entries themselves (an auditor reads each), their payloads cut to the
// details that say what happened.
import { z } from 'zod';
import { auditVerifyResultSchema } from '../audit/audit-entry';
import { reportPeriodSchema } from './service-report';

/** The sections, in the order the report shows them. */
export const complianceSections = ['overrides', 'reveals', 'restores', 'signIns', 'operators'] as const;
/** One section. */
export type ComplianceSection = (typeof complianceSections)[number];

/** The most rows one section carries; `truncated` says when the period held more. */
export const COMPLIANCE_SECTION_MAX_ROWS = 5000;

const detail = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One audit entry of a section. */
export const complianceRowSchema = z.strictObject({
  seq: z.int().positive(),
  time: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** The payload's own fields that say what happened (reason, field, changes as from → to). */
  details: z.record(z.string(), detail),
});
/** One audit entry of a section. */
export type ComplianceRow = z.infer<typeof complianceRowSchema>;

const sectionSchema = z.strictObject({ rows: z.array(complianceRowSchema), truncated: z.boolean() });

/** The compliance report of one period. */
export const complianceReportSchema = z.strictObject({
  period: z.strictObject({ from: z.string(), to: z.string(), zone: z.string() }),
  generatedAt: z.string(),
  sections: z.strictObject(Object.fromEntries(complianceSections.map((name) => [name, sectionSchema])) as Record<ComplianceSection, typeof sectionSchema>),
  /** The whole chain, verified now (not only the period: a gap before it would hide an edit). */
  chain: auditVerifyResultSchema,
});
/** The compliance report of one period. */
export type ComplianceReport = z.infer<typeof complianceReportSchema>;

/** Its input: a period as the Reports page takes it. */
export const compliancePeriodSchema = reportPeriodSchema;
