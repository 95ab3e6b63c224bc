// The ECharts options of the Reports page, from the report's figures and the tables' words.
import type { EChartsCoreOption } from 'echarts/core';
import type { ServiceReport } from '../../../../shared/reports';

const outcomeColors = { completed: '#18a058', restored: '#f0a020', failed: '#d03050' } as const;

/** Outcomes per bucket as stacked bars. */
export function outcomesChart(report: ServiceReport, names: Record<keyof typeof outcomeColors, string>): EChartsCoreOption {
  const kinds = ['completed', 'restored', 'failed'] as const;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28, containLabel: true },
    xAxis: { type: 'category', data: report.outcomes.map((b) => (report.granularity === 'month' ? b.start.slice(0, 7) : b.start.slice(5))) },
    yAxis: { type: 'value', minInterval: 1 },
    series: kinds.map((kind) => ({ name: names[kind], type: 'bar', stack: 'outcomes', itemStyle: { color: outcomeColors[kind] }, data: report.outcomes.map((b) => b[kind]) })),
  };
}

/** Counts by name as horizontal bars, the largest on top. */
export function countsChart(rows: readonly { label: string; count: number }[], seriesName: string): EChartsCoreOption {
  const ordered = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 16, right: 24, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ordered.map((row) => row.label), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ name: seriesName, type: 'bar', itemStyle: { color: '#d03050' }, data: ordered.map((row) => row.count), label: { show: true, position: 'right' } }],
  };
}
