// The facts shared/reports/first-time-fix.ts judges, per case, as SQL: both the bank comparison
// (case-candidates.ts) and the Reports page (electron/main/reports/) read them from here, so the
// rule is written in SQL once (tests/integration/reports/service-report.test.ts checks it against
// the shared functions case by case).

/** One row per case: its target bank, when it was opened, first reached rebound, failures recorded, and its first visit outcome. */
export const caseVisitFactsSql = `
  SELECT c.id AS case_id, c.target_bank AS bank, c.created_at AS opened_at, c.terminal_id AS terminal_id,
    (SELECT min(t.created_at) FROM case_transitions t WHERE t.case_id = c.id AND t.to_state = 'rebound') AS rebound_at,
    (SELECT count(*) FROM case_transitions t WHERE t.case_id = c.id AND t.action = 'record-failure') AS failures,
    (SELECT min(t.created_at) FROM case_transitions t WHERE t.case_id = c.id AND (t.to_state = 'rebound' OR t.action = 'record-failure')) AS first_outcome_at
  FROM cases c`;

/** countsForFirstTimeFix and isFirstTimeFix over a row of caseVisitFactsSql. */
export const firstTimeFixColumns = {
  counted: '(rebound_at IS NOT NULL OR failures > 0)',
  fixed: '(rebound_at IS NOT NULL AND failures = 0)',
} as const;
