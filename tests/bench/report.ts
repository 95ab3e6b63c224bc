/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Wall time, and this process's CPU time: what the work costs, whatever else the machine runs. */
export function timed<T>(work: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, value };
}

/** One benchmark's figures as a markdown section (bench-all collects it into docs/benchmarks.md). */
export interface BenchReport {
  title: string;
  command: string;
  headers: string[];
  rows: (string | number)[][];
  notes?: string[];
}

/** Prints a report as markdown between markers that scripts/bench-all.mjs picks up. */
export function printBench(report: BenchReport): void {
  const lines = [
    `## ${report.title}`,
    '',
    `Command: \`${report.command}\``,
    '',
    `| ${report.headers.join(' | ')} |`,
    `| ${report.headers.map(() => '---').join(' | ')} |`,
    ...report.rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    ...(report.notes ?? []).map((note) => `- ${note}`),
  ];
  console.log(['<!-- bench:start -->', ...lines, '<!-- bench:end -->'].join('\n'));
}
