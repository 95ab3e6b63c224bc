import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ServiceReport } from '../../../../shared/reports';
import { reportCsv } from './report-csv';
import { reportTables } from './report-tables';

const report: ServiceReport = {
  period: { from: '2026-11-02', to: '2026-11-15', zone: 'Asia/Shanghai' },
  granularity: 'day',
  outcomes: [
    { start: '2026-11-02', completed: 2, restored: 0, failed: 1 },
    { start: '2026-11-03', completed: 0, restored: 1, failed: 0 },
  ],
  totals: { completed: 2, restored: 1, failed: 1 },
  firstTimeFix: { counted: 3, fixed: 2, rate: 2 / 3 },
  onSite: { visits: 4, averageMinutes: 52.5 },
  failures: {
    byCause: [{ key: 'host-unreachable', count: 1 }, { key: 'restored', count: 1 }],
    byBank: [{ key: 'acquirer-c', label: '示例银行丙, 上海', count: 2 }],
    byEngineer: [{ key: 'e1', label: '=HYPERLINK("x")', count: 1 }],
    byModel: [],
  },
};

// Words as a catalog would give them: the key itself, so the test reads what goes where.
const wording = { t: (key: string) => key.replace('reports.', ''), cause: (key: string) => `cause:${key}` };

describe('the Reports CSV', () => {
  it('starts with a BOM, ends records with CRLF, and holds every table under its title', () => {
    const text = reportCsv('统计报表 2026-11-02 – 2026-11-15', reportTables(report, wording));
    expect(text.startsWith('\uFEFF统计报表')).toBe(true);
    expect(text.includes('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const rows = parse(text.slice(1), { relax_column_count: true }) as string[][];
    expect(rows).toEqual([
      ['统计报表 2026-11-02 – 2026-11-15'],
      [''], ['outcomes'], ['periodStart', 'outcome.completed', 'outcome.restored', 'outcome.failed'],
      ['2026-11-02', '2', '0', '1'], ['2026-11-03', '0', '1', '0'], ['total', '2', '1', '1'],
      [''], ['firstTimeFix / onSite'], ['counted', 'fixed', 'rate', 'visits', 'averageMinutes'], ['3', '2', '66.7%', '4', '52.5'],
      [''], ['failuresByCause'], ['cause', 'count'], ['cause:host-unreachable', '1'], ['cause:restored', '1'],
      [''], ['failuresByBank'], ['bank', 'count'], ['示例银行丙, 上海', '2'],
      // A typed name that a spreadsheet would run as a formula is written as text.
      [''], ['failuresByEngineer'], ['engineer', 'count'], ["'=HYPERLINK(\"x\")", '1'],
      [''], ['failuresByModel'], ['model', 'count'],
    ]);
  });

  it('says "no data" for a rate and an average of nothing', () => {
    const empty = { ...report, firstTimeFix: { counted: 0, fixed: 0, rate: null }, onSite: { visits: 0, averageMinutes: null } };
    const summary = reportTables(empty, wording).find((table) => table.id === 'summary')!;
    expect(summary.rows).toEqual([[0, 0, 'noData', 0, 'noData']]);
  });
});
