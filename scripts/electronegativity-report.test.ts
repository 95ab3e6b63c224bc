import { describe, expect, it } from 'vitest';
import { findingsCsv, judge, toFindings } from './electronegativity-report.mjs';

// Issues as the tool returns them: severity and confidence are enum objects with a name.
const issue = (id: string, severity: string, file = 'electron/main/index.ts') => ({
  id,
  severity: { name: severity, value: 0 },
  confidence: { name: 'FIRM', value: 0 },
  file,
  location: { line: 3, column: 4 },
  manualReview: false,
  description: `${id}, "quoted", with a comma`,
});

describe('electronegativity verdict', () => {
  it('fails on HIGH and MEDIUM findings and passes LOW ones', () => {
    const findings = toFindings([issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH'), issue('SANDBOX_JS_CHECK', 'MEDIUM'), issue('CSP_GLOBAL_CHECK', 'LOW')]);
    const verdict = judge(findings);
    expect(verdict.ok).toBe(false);
    expect(verdict.blocking.map((f) => f.id)).toEqual(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']);
    expect(verdict.low.map((f) => f.id)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(judge(toFindings([issue('CSP_GLOBAL_CHECK', 'LOW'), issue('X', 'INFORMATIONAL')])).ok).toBe(true);
  });

  it('fails on a severity it does not know and on a file that was not parsed', () => {
    expect(judge(toFindings([issue('NEW_CHECK', 'CRITICAL')])).ok).toBe(false);
    expect(judge([], [{ file: 'a.ts', message: 'Unexpected token', tolerable: false }]).ok).toBe(false);
    expect(judge([], [{ file: 'a.ts', message: 'recovered', tolerable: true }]).ok).toBe(true);
  });

  it('writes CSV that keeps quotes and commas', () => {
    const csv = findingsCsv(toFindings([issue('SANDBOX_JS_CHECK', 'MEDIUM')]));
    expect(csv.split('\r\n')[1]).toBe('SANDBOX_JS_CHECK,MEDIUM,FIRM,electron/main/index.ts,3,4,false,"SANDBOX_JS_CHECK, ""quoted"", with a comma"');
  });
});
