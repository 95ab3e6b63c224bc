// Time from process start to "router ready" (database opened, checked and migrated) on an empty
// database and on one with 100k rows in the settings table. Run: npm run bench.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrations } from '../../electron/main/db/migrations';
import { openAppDatabase } from '../../electron/main/db/open-database';
import { databaseFileName } from '../../electron/main/main-context';
import { median, printBench } from './report';

const probe = join(import.meta.dirname, '../../out/node/startup-probe.js');
if (!existsSync(probe)) throw new Error(`${probe} is missing: run "npm run build" first (npm run bench does).`);
const runs = 9;

function measure(dataDir: string): { readyMs: number; processMs: number } {
  const started = process.hrtime.bigint();
  const out = execFileSync(process.execPath, [probe, dataDir], { encoding: 'utf8' });
  const processMs = Number(process.hrtime.bigint() - started) / 1e6;
  const { readyMs, ok } = JSON.parse(out) as { readyMs: number; ok: boolean };
  if (!ok) throw new Error('the router did not answer');
  return { readyMs, processMs };
}

function seed(dataDir: string, rows: number): void {
  const { db } = openAppDatabase(join(dataDir, databaseFileName), { migrations });
  const insert = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`bench.key.${i}`, JSON.stringify({ i, text: 'x'.repeat(40) }), new Date().toISOString());
  })();
  db.close();
}

const results: { label: string; ready: number; spawn: number }[] = [];
for (const [label, rows] of [['empty database', 0], ['100k settings rows', 100_000]] as const) {
  const dir = mkdtempSync(join(tmpdir(), 'rebinddesk-bench-'));
  if (rows > 0) seed(dir, rows);
  else measure(dir); // the first run creates and migrates the file; later runs open it
  const samples = Array.from({ length: runs }, () => measure(dir));
  results.push({ label, ready: median(samples.map((s) => s.readyMs)), spawn: median(samples.map((s) => s.processMs)) });
  rmSync(dir, { recursive: true, force: true });
}
// A reference process that does nothing, so the ratio shows what the database adds on this machine.
const baseline = median(Array.from({ length: runs }, () => {
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, ['-e', '0']);
  return Number(process.hrtime.bigint() - started) / 1e6;
}));

printBench({
  title: 'Start-up: process start to router ready',
  command: 'npm run bench (tests/bench/startup.bench.ts)',
  headers: ['database', 'router ready after process start (median ms)', 'whole process (median ms)', 'whole process / empty `node -e 0`'],
  rows: results.map((r) => [r.label, r.ready.toFixed(1), r.spawn.toFixed(1), (r.spawn / baseline).toFixed(2)]),
  notes: [`${runs} runs each, median; Node ${process.version}; the baseline \`node -e 0\` took ${baseline.toFixed(1)} ms.`],
});
