// The numbers behind each chart of the Reports page as tables in the user's language: the page
// shows each beside its chart, and the CSV export writes the same tables, so both say one thing.
import type { ServiceReport } from '../../../../shared/reports';

/** One table: a title, its column headers and rows of cells. */
export interface ReportTable {
  id: 'outcomes' | 'summary' | 'byCause' | 'byBank' | 'byEngineer' | 'byModel';
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

/** How the tables word things: message lookup and a cause's name. */
export interface ReportWording {
  t: (key: string, params?: Record<string, unknown>) => string;
  cause: (key: string) => string;
}

/** A rate as a percentage with one decimal, or the "no data" word. */
export function percent(rate: number | null, noData: string): string {
  return rate === null ? noData : `${Math.round(rate * 1000) / 10}%`;
}

/** Every table of a report, in page order. */
export function reportTables(report: ServiceReport, { t, cause }: ReportWording): ReportTable[] {
  const noData = t('reports.noData');
  const outcomeColumns = [t('reports.periodStart'), t('reports.outcome.completed'), t('reports.outcome.restored'), t('reports.outcome.failed')];
  const labelled = (id: ReportTable['id'], title: string, name: string, rows: { label: string; count: number }[]): ReportTable => ({
    id,
    title: t(title),
    columns: [t(name), t('reports.count')],
    rows: rows.map((row) => [row.label, row.count]),
  });
  return [
    {
      id: 'outcomes',
      title: t('reports.outcomes'),
      columns: outcomeColumns,
      rows: [
        ...report.outcomes.map((b) => [b.start, b.completed, b.restored, b.failed]),
        [t('reports.total'), report.totals.completed, report.totals.restored, report.totals.failed],
      ],
    },
    {
      id: 'summary',
      title: `${t('reports.firstTimeFix')} / ${t('reports.onSite')}`,
      columns: [t('reports.counted'), t('reports.fixed'), t('reports.rate'), t('reports.visits'), t('reports.averageMinutes')],
      rows: [[report.firstTimeFix.counted, report.firstTimeFix.fixed, percent(report.firstTimeFix.rate, noData), report.onSite.visits, report.onSite.averageMinutes ?? noData]],
    },
    {
      id: 'byCause',
      title: t('reports.failuresByCause'),
      columns: [t('reports.cause'), t('reports.count')],
      rows: report.failures.byCause.map((row) => [cause(row.key), row.count]),
    },
    labelled('byBank', 'reports.failuresByBank', 'reports.bank', report.failures.byBank),
    labelled('byEngineer', 'reports.failuresByEngineer', 'reports.engineer', report.failures.byEngineer),
    labelled('byModel', 'reports.failuresByModel', 'reports.model', report.failures.byModel),
  ];
}
