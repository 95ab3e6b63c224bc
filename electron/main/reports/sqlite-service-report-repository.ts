// The Reports page's aggregates in SQL: counts and averages come out, rows stay in the database.
// Visits are finished checklist runs (their outcome and cause columns, migration 0015); first-time
// fix reads the desk's per-case facts (desk/cases/case-visit-facts-sql.ts), the one SQL form of
// shared/reports/first-time-fix.ts.
import type Database from 'better-sqlite3';
import type { FailureKey } from '../../../shared/reports';
import { caseVisitFactsSql, firstTimeFixColumns } from '../desk/cases/case-visit-facts-sql';
import { statementsOn } from '../db/statement-cache';
import type { BucketOutcomes, InstantRange, LabelledCount, ServiceReportRepository } from './service-report-repository';

// `status = 'finished'` as written lets SQLite use the partial index checklist_runs_by_outcome.
const finishedIn = `r.status = 'finished' AND r.finished_at >= @from AND r.finished_at < @before`;
const failedIn = `${finishedIn} AND r.outcome IN ('failed', 'restored')`;

const outcomesSql = `
  SELECT CAST(b.key AS INTEGER) AS bucket, r.outcome AS outcome, count(*) AS n
  FROM json_each(@buckets) b
  JOIN checklist_runs r ON r.status = 'finished' AND r.finished_at >= json_extract(b.value, '$[0]') AND r.finished_at < json_extract(b.value, '$[1]')
  GROUP BY b.key, r.outcome`;

const firstTimeFixSql = `
  SELECT count(*) AS counted, coalesce(sum(${firstTimeFixColumns.fixed}), 0) AS fixed
  FROM (${caseVisitFactsSql})
  WHERE ${firstTimeFixColumns.counted} AND first_outcome_at >= @from AND first_outcome_at < @before`;

// Arrival: the case's latest start-on-site at or before the outcome, or the run's start when that
// is earlier (a failure recorded from "scheduled" writes its start-on-site at the outcome itself).
const onSiteSql = `
  SELECT count(*) AS visits, avg(minutes) AS averageMinutes FROM (
    SELECT (julianday(r.finished_at) - julianday(min(r.created_at, coalesce(
      (SELECT max(t.created_at) FROM case_transitions t WHERE t.case_id = r.case_id AND t.action = 'start-on-site' AND t.created_at <= r.finished_at),
      r.created_at)))) * 1440 AS minutes
    FROM checklist_runs r WHERE ${finishedIn})`;

const byCauseSql = `
  SELECT coalesce(r.failure_cause, 'restored') AS key, count(*) AS count
  FROM checklist_runs r WHERE ${failedIn} GROUP BY key ORDER BY count DESC, key`;
const byBankSql = `
  SELECT c.target_bank AS key, coalesce(b.name, c.target_bank) AS label, count(*) AS count
  FROM checklist_runs r JOIN cases c ON c.id = r.case_id LEFT JOIN banks b ON b.code = c.target_bank
  WHERE ${failedIn} GROUP BY c.target_bank ORDER BY count DESC, label`;
const byEngineerSql = `
  SELECT a.engineer_id AS key, coalesce(o.display_name, a.engineer_id) AS label, count(*) AS count
  FROM checklist_runs r JOIN appointments a ON a.id = r.appointment_id
  LEFT JOIN engineers e ON e.id = a.engineer_id LEFT JOIN operators o ON o.id = e.operator_id
  WHERE ${failedIn} GROUP BY a.engineer_id ORDER BY count DESC, label`;
const byModelSql = `
  SELECT t.model_id AS key, coalesce(m.vendor || ' ' || m.model, t.model_id) AS label, count(*) AS count
  FROM checklist_runs r JOIN cases c ON c.id = r.case_id JOIN terminals t ON t.id = c.terminal_id
  LEFT JOIN terminal_models m ON m.id = t.model_id
  WHERE ${failedIn} GROUP BY t.model_id ORDER BY count DESC, label`;

export function createSqliteServiceReportRepository(connection: () => Database.Database): ServiceReportRepository {
  const sql = statementsOn(connection);
  return {
    outcomes(buckets) {
      const rows = sql.all<{ bucket: number; outcome: keyof Omit<BucketOutcomes, 'start'>; n: number }>(outcomesSql, {
        buckets: JSON.stringify(buckets.map((b) => [b.from, b.before])),
      });
      const counts: BucketOutcomes[] = buckets.map((b) => ({ start: b.start, completed: 0, restored: 0, failed: 0 }));
      for (const row of rows) counts[row.bucket]![row.outcome] = row.n;
      return counts;
    },
    firstTimeFix: (range: InstantRange) => sql.get<{ counted: number; fixed: number }>(firstTimeFixSql, range)!,
    onSite: (range) => sql.get<{ visits: number; averageMinutes: number | null }>(onSiteSql, range)!,
    failuresByCause: (range) => sql.all<{ key: FailureKey; count: number }>(byCauseSql, range),
    failuresByBank: (range) => sql.all<LabelledCount>(byBankSql, range),
    failuresByEngineer: (range) => sql.all<LabelledCount>(byEngineerSql, range),
    failuresByModel: (range) => sql.all<LabelledCount>(byModelSql, range),
  };
}
