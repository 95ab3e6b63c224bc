// Types for electronegativity-report.mjs, so its test is type-checked.

/** One finding, flattened from the tool's issue object. */
export interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  column: number;
  manualReview: boolean;
  description: string;
}

/** Severities that fail the check. */
export const failingSeverities: string[];
/** Plain records from the tool's issue objects. */
export function toFindings(issues: unknown[]): Finding[];
/** The verdict over findings and parse errors. */
export function judge(
  findings: Finding[],
  parseErrors?: { file: string; message: string; tolerable: boolean }[],
): { ok: boolean; blocking: Finding[]; unparsed: { file: string; message: string; tolerable: boolean }[]; low: Finding[] };
/** The findings as CSV. */
export function findingsCsv(findings: Finding[]): string;
