#!/usr/bin/env node
// Runs every tests/bench/*.bench.ts (and the decoder throughput bench when present), prints their
// figures and writes them to docs/benchmarks.md. Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const benchDir = join(root, 'tests/bench');
const only = process.argv.slice(2);
const scripts = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts') || name === 'decoder-throughput.ts')
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();

const sections = [];
let failed = false;
for (const script of scripts) {
  console.log(`\n▶ ${script}`);
  const run = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(benchDir, script)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(run.stdout);
  if (run.status !== 0) {
    failed = true;
    sections.push(`## ${script}\n\nFailed with exit code ${run.status}.\n`);
    continue;
  }
  const marked = [...run.stdout.matchAll(/<!-- bench:start -->\n([\s\S]*?)<!-- bench:end -->/g)].map((m) => m[1]);
  const text = marked.length > 0 ? marked.join('\n') : run.stdout.split('\n').filter((l) => !l.startsWith('BENCH_JSON ')).join('\n');
  sections.push(text.trim() + '\n');
}

const header = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (scripts/bench-all.mjs); rerun it to refresh. Figures from one run on the',
  'machine below; machines are noisy, so compare ratios and orders of magnitude, not single digits.',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform} ${process.arch}`,
  `- Node ${process.version}`,
  '',
].join('\n');
if (only.length === 0 || existsSync(join(root, 'docs/benchmarks.md')) === false) {
  writeFileSync(join(root, 'docs/benchmarks.md'), `${header}\n${sections.join('\n')}`);
  console.log('\nWrote docs/benchmarks.md');
}
process.exit(failed ? 1 : 0);
