import { firstTimeFixRate, reportBuckets, type ReportPeriod, type ServiceReport } from '../../../shared/reports';
import type { ServiceReportRepository } from './service-report-repository';

/** The Reports page's figures for a period, in one answer. */
export function createServiceReportService(repo: ServiceReportRepository) {
  return {
    report(period: ReportPeriod): ServiceReport {
      const { granularity, buckets } = reportBuckets(period);
      const range = { from: buckets[0]!.from, before: buckets.at(-1)!.before };
      const outcomes = repo.outcomes(buckets);
      const totals = { completed: 0, restored: 0, failed: 0 };
      for (const bucket of outcomes) {
        totals.completed += bucket.completed;
        totals.restored += bucket.restored;
        totals.failed += bucket.failed;
      }
      const ftf = repo.firstTimeFix(range);
      const onSite = repo.onSite(range);
      return {
        period: { from: period.from, to: period.to, zone: period.zone },
        granularity,
        outcomes,
        totals,
        firstTimeFix: { ...ftf, rate: firstTimeFixRate(ftf) },
        onSite: { visits: onSite.visits, averageMinutes: onSite.averageMinutes === null ? null : Math.round(onSite.averageMinutes * 10) / 10 },
        failures: {
          byCause: repo.failuresByCause(range),
          byBank: repo.failuresByBank(range),
          byEngineer: repo.failuresByEngineer(range),
          byModel: repo.failuresByModel(range),
        },
      };
    },
  };
}
/** The service report's service. */
export type ServiceReportService = ReturnType<typeof createServiceReportService>;
