// Judging Electronegativity's findings, apart from running it, so the rule has a test
// (scripts/electronegativity-report.test.ts).

/** Severities that fail the check: anything at MEDIUM or above must be fixed, not explained. */
export const failingSeverities = ['HIGH', 'MEDIUM'];

/** Plain records from the tool's issue objects (severity and confidence are enum objects there). */
export function toFindings(issues) {
  return issues.map((issue) => ({
    id: String(issue.id),
    severity: String(issue.severity?.name ?? issue.severity ?? 'UNKNOWN').toUpperCase(),
    confidence: String(issue.confidence?.name ?? issue.confidence ?? 'UNKNOWN').toUpperCase(),
    file: String(issue.file ?? 'N/A'),
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    manualReview: issue.manualReview === true,
    description: String(issue.description ?? ''),
  }));
}

/**
 * The verdict: fails on any finding of a failing severity (or of a severity this code does not
 * know, rather than guess), and on any file the tool could not parse, since it was not checked.
 */
export function judge(findings, parseErrors = []) {
  const known = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
  const blocking = findings.filter((f) => failingSeverities.includes(f.severity) || !known.includes(f.severity));
  const unparsed = parseErrors.filter((e) => !e.tolerable);
  return { ok: blocking.length === 0 && unparsed.length === 0, blocking, unparsed, low: findings.filter((f) => !blocking.includes(f)) };
}

/** The findings as CSV (RFC 4180), one row each. */
export function findingsCsv(findings) {
  const cell = (value) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const header = ['id', 'severity', 'confidence', 'file', 'line', 'column', 'manualReview', 'description'];
  const rows = findings.map((f) => header.map((key) => cell(f[key])).join(','));
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}
