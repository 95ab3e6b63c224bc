// A depot bench (issue 8 item 21): 1, 4 and 16 terminals rebound at once from one laptop, each by
// its own `rebind run` process (the built CLI), all with one --data-dir, so every journal write of
// every process goes to one SQLite WAL file (BEGIN IMMEDIATE, synchronous = FULL). The terminals
// are simulators with the line model (115200 baud, 16 ms turnaround) and the default processing
// times, each on its own socat pty. Figure: each terminal's time (identify started → confirm
// ended, from its journal) against one terminal alone; goal at 16: ≤ 1.1×. Also counted: the
// journal's FULL-synchronous writes. Run: npx tsx tests/bench/depot.bench.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { migrations } from '../../electron/main/db/migrations';
import { openAppDatabase } from '../../electron/main/db/open-database';
import { createSimulator, DEFAULT_PROCESSING_TIMES, defaultSimulatorState } from '../../electron/main/terminal/simulator';
import type { LineModel } from '../../electron/main/terminal/simulator';
import { rebindAuditEntity } from '../../shared/rebind/rebind-audit';
import { SAMPLE_NEW_PARAMETERS } from '../fixtures/rtp-vectors';
import { ptyTerminal } from '../integration/rebind/support/rebind-rig';
import { runRebind } from '../integration/support/rebind-cli';
import { median, printBench } from './report';

const LINE: LineModel = { baudRate: 115200, turnaroundMs: 16 };
const COUNTS = [1, 4, 16];
const ALONE_RUNS = 3;
/** Rounds of each several-terminal mode; their terminals are pooled. */
const ROUNDS = 2;
/** Spawn spacing of the second mode: a `rebind` process spends about 0.3 s of CPU starting, and 16 started in the same millisecond queue on 2 cores for seconds. */
const STAGGER_MS = 150;
const GOAL = 1.1;
const root = join(import.meta.dirname, '../..');

interface TerminalResult {
  /** identify started → confirm ended, from the journal's steps (ms). */
  terminalMs: number;
  /** The part of terminalMs outside every step's own work: the journal writes around each step, and the events. */
  outsideStepsMs: number;
  /** Epoch ms of identify's start and confirm's end. */
  startedAt: number;
  endedAt: number;
  /** spawn → exit of its process (start-up and the outcome included). */
  processMs: number;
  outcome: string;
}

interface Round {
  terminals: TerminalResult[];
  /** Journal transactions committed with synchronous = FULL, all processes together. */
  fullSyncWrites: number;
  wallMs: number;
}

/** One `rebind run` to completion; its outcome JSON and how long it took. */
async function runCli(port: string, params: string, dataDir: string): Promise<TerminalResult> {
  const started = performance.now();
  const { code, stdout, stderr } = await runRebind(['run', '--port', port, '--params', params, '--data-dir', dataDir, '--json'], { withinMs: 600_000 });
  const processMs = performance.now() - started;
  if (code !== 0) throw new Error(`rebind run on ${port} exited ${code}: ${stderr.slice(-2000)}`);
  const outcome = JSON.parse(stdout) as { outcome: string; steps: { step: string; startedAt: string; endedAt: string | null; durationMs: number | null }[] };
  const identify = outcome.steps.find((s) => s.step === 'identify');
  const confirm = outcome.steps.findLast((s) => s.step === 'confirm');
  if (!identify || !confirm?.endedAt) throw new Error(`rebind run on ${port}: no identify or confirm step in ${stdout.slice(0, 500)}`);
  const startedAt = Date.parse(identify.startedAt);
  const endedAt = Date.parse(confirm.endedAt);
  const inSteps = outcome.steps.reduce((sum, step) => sum + (step.durationMs ?? 0), 0);
  return { terminalMs: endedAt - startedAt, outsideStepsMs: endedAt - startedAt - inSteps, startedAt, endedAt, processMs, outcome: outcome.outcome };
}

/** Runs `work` `times` times, one after the other. */
async function sequential<T>(times: number, work: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i++) out.push(await work());
  return out;
}

/** `count` terminals at once, one data directory; the processes are spawned `staggerMs` apart. */
async function round(count: number, staggerMs = 0): Promise<Round> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rebinddesk-depot-bench-'));
  const params = join(dataDir, 'new-bank.json');
  writeFileSync(params, JSON.stringify(SAMPLE_NEW_PARAMETERS));
  // Created and migrated up front, as the app would have it: no process races to create it.
  openAppDatabase(join(dataDir, 'rebinddesk.sqlite'), { migrations }).db.close();
  const base = defaultSimulatorState();
  const sims = Array.from({ length: count }, (_, i) =>
    createSimulator({ line: LINE, processing: DEFAULT_PROCESSING_TIMES, initialState: { identity: { ...base.identity, serialNumber: `DEPOT${String(i + 1).padStart(5, '0')}` } } }),
  );
  const ptys = await Promise.all(sims.map((sim) => ptyTerminal(sim)));
  try {
    const started = performance.now();
    const terminals = await Promise.all(ptys.map(async (pty, i) => {
      if (staggerMs > 0) await sleep(i * staggerMs);
      return runCli(pty.access.path, params, dataDir);
    }));
    const wallMs = performance.now() - started;
    const { db } = openAppDatabase(join(dataDir, 'rebinddesk.sqlite'), { migrations });
    // Every journal write audits exactly once in a clean run, except saveLinkLog (one per session).
    const audited = (db.prepare('SELECT count(*) AS n FROM audit_log WHERE entity_type = ?').get(rebindAuditEntity) as { n: number }).n;
    const linkLogs = (db.prepare('SELECT count(*) AS n FROM rebind_link_logs').get() as { n: number }).n;
    const rebound = (db.prepare("SELECT count(*) AS n FROM rebind_operations WHERE outcome = 'rebound'").get() as { n: number }).n;
    db.close();
    if (rebound !== count) throw new Error(`${rebound} of ${count} operations journaled rebound`);
    return { terminals, fullSyncWrites: audited + linkLogs, wallMs };
  } finally {
    for (const sim of sims) await sim.close();
    for (const pty of ptys) await pty.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// The built CLI (out/node/rebind.js), so no process pays for a TypeScript loader.
const built = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.node.config.ts', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) throw new Error('vite build of the CLI failed');

const loadAtStart = loadavg()[0]!;
const alone: Round[] = [];
for (let i = 0; i < ALONE_RUNS; i++) alone.push(await round(1));
const aloneMs = median(alone.map((r) => r.terminals[0]!.terminalMs));
const aloneWrites = median(alone.map((r) => r.fullSyncWrites));

const rows: (string | number)[][] = [];
const json: unknown[] = [];
const modes = COUNTS.flatMap((count) => (count === 1 ? [{ count, staggerMs: 0 }] : [{ count, staggerMs: 0 }, { count, staggerMs: STAGGER_MS }]));
/** The p-th percentile (nearest rank). */
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

for (const { count, staggerMs } of modes) {
  const rounds = count === 1 ? alone : await sequential(ROUNDS, () => round(count, staggerMs));
  const all = rounds.flatMap((r) => r.terminals);
  const times = all.map((t) => t.terminalMs);
  const worst = Math.max(...times);
  const ratioMedian = median(times) / aloneMs;
  const ratioP90 = percentile(times, 90) / aloneMs;
  const ratioWorst = worst / aloneMs;
  // How long every terminal of a round was being rebound at the same time as all the others (the shortest round's).
  const overlapMs = Math.min(...rounds.map((r) => Math.min(...r.terminals.map((t) => t.endedAt)) - Math.max(...r.terminals.map((t) => t.startedAt))));
  const writes = median(rounds.map((r) => r.fullSyncWrites));
  const perSecond = median(rounds.map((r) => (r.fullSyncWrites / r.wallMs) * 1000));
  rows.push([
    count,
    count === 1 ? '–' : staggerMs === 0 ? 'together' : `${staggerMs} ms apart`,
    `${rounds.length} (${all.length} terminals)`,
    count === 1 ? '–' : overlapMs.toFixed(0),
    median(times).toFixed(0),
    `${ratioMedian.toFixed(3)}×`,
    `${ratioP90.toFixed(3)}×`,
    `${ratioWorst.toFixed(3)}×`,
    ratioWorst <= GOAL ? 'yes' : 'NO',
    median(all.map((t) => t.outsideStepsMs)).toFixed(0),
    median(all.map((t) => t.processMs)).toFixed(0),
    writes,
    (writes / count).toFixed(1),
    perSecond.toFixed(1),
  ]);
  json.push({ terminals: count, staggerMs, rounds: rounds.length, overlapMs, medianMs: median(times), ratioMedian, ratioP90, ratioWorst, met: ratioWorst <= GOAL, fullSyncWrites: writes, writesPerSecond: perSecond });
}

printBench({
  title: 'Depot: terminals at once on one data directory',
  command: 'npx tsx tests/bench/depot.bench.ts',
  headers: [
    'terminals at once',
    'processes spawned',
    'rounds',
    'all rebinding at once for (ms)',
    'terminal time, median (ms)',
    'median ÷ alone',
    'p90 ÷ alone',
    'worst ÷ alone',
    `every terminal ≤ ${GOAL}×`,
    'outside steps: journal and events, median (ms)',
    'process spawn → exit, median (ms)',
    'FULL-sync journal writes (a round)',
    'per terminal',
    'per second',
  ],
  rows,
  notes: [
    `Each terminal is a simulator with the line model (${LINE.baudRate} baud, ${LINE.turnaroundMs} ms turnaround) and DEFAULT_PROCESSING_TIMES (SETTLE 2000 ms, SIGN_ON 850 ms, …) on its own socat pty, all served from the bench process; each is rebound by its own \`rebind run\` process (out/node/rebind.js) with the same --data-dir, so all journal writes share one WAL file.`,
    `"together": all processes spawned in the same tick, so their start-ups (about 0.3 s of CPU each: Node, the bundle, better-sqlite3, serialport, opening the database) queue on the cores while the first terminals identify and back up; "${STAGGER_MS} ms apart" spaces the spawns so start-ups do not pile up, and every terminal is still being rebound at the same time as all the others for the time shown.`,
    `Terminal time = the journal's identify start to confirm end (process start-up excluded; it is in the spawn → exit column). "Alone" = median of ${ALONE_RUNS} single-terminal rounds: ${aloneMs.toFixed(0)} ms, ${aloneWrites} FULL-sync writes.`,
    'Outside steps = terminal time minus the sum of the steps\' own durations (each measured around the step\'s work only): the FULL-sync journal writes before and after every step, waiting for another process\'s write lock included, and the events. It shows how much of a slowdown the shared journal causes; the rest is the steps themselves taking longer (the CLI processes and the simulators competing for the CPU).',
    'FULL-sync journal writes = rebind audit entries + link-log rows: in a clean run every journal transaction (BEGIN IMMEDIATE, synchronous = FULL) writes exactly one audit entry, except saveLinkLog, which writes none.',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; 1-minute load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end (other work shares the cores; above ${cpus().length} the steps themselves wait for a CPU); Node ${process.version}; the data directory in ${tmpdir()}.`,
  ],
});
console.log(`BENCH_JSON ${JSON.stringify({ bench: 'depot', goal: `worst terminal ≤ ${GOAL}× alone at 16`, node: process.version, aloneMs, results: json })}`);
