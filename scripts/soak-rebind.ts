#!/usr/bin/env -S npx tsx
// The rebind soak: `npx tsx scripts/soak-rebind.ts [COUNT] [--from SEED] [--parallel N]` runs COUNT
// (default 10000) seeded random fault schedules against the engine and the simulator over
// in-memory lines, checks the invariants after each (terminal on the old or new set, journal,
// backup and audit chain agree), and prints the outcome counts. Exit 1 when any invariant broke.
// `npm test` runs 200 of the same schedules (tests/integration/rebind/random-schedules.test.ts).
import { parseArgs } from 'node:util';
import { runSoak } from '../tests/integration/rebind/support/soak-run';

const { values, positionals } = parseArgs({ options: { from: { type: 'string' }, parallel: { type: 'string' } }, allowPositionals: true });
const count = Number(positionals[0] ?? 10_000);
const from = Number(values.from ?? 1);
const parallel = Number(values.parallel ?? 16);
if (![count, from, parallel].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('usage: npx tsx scripts/soak-rebind.ts [COUNT] [--from SEED] [--parallel N]  (whole numbers above 0)');
  process.exit(2);
}
console.log(`rebind soak: seeds ${from}-${from + count - 1}, ${parallel} at a time`);
const report = await runSoak(count, from, parallel, (done) => console.log(`  ${done} runs…`));
const table = (map: Record<string, number>) =>
  Object.entries(map)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `  ${String(n).padStart(7)}  ${k}`)
    .join('\n');
console.log(`\n${report.runs} runs in ${(report.elapsedMs / 1000).toFixed(1)} s (${report.recovered} needed a recovery session)`);
console.log(`\nfirst outcome (the run itself):\n${table(report.firstOutcomes)}`);
console.log(`\nfinal outcome (after recovery of open operations):\n${table(report.finalOutcomes)}`);
if (report.failures.length > 0) {
  console.log(`\n${report.failures.length} runs broke an invariant:`);
  for (const f of report.failures.slice(0, 50)) console.log(`  seed ${f.seed} (${f.faults}): ${f.problem}`);
  process.exit(1);
}
console.log('\nevery run ended on a verified old or new set; no backup lost');
