import { inEnglish } from '../../../shared/errors/reasons-en';
// The engine in a child process, killed with SIGKILL at random points of a rebind (and sometimes
// again during the recovery that follows): the next start finds the operation in the journal and
// recovers the terminal to a verified old or new set, every time. What survives a kill is what
// survives in the field: the database file (WAL included) and the terminal's own state; the
// simulator stays up in this process on a real pty, like a terminal on the bench.
import { createTestFieldEncryption } from '../../../electron/main/crypto/test-key-protector';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_OLD_DIGEST_HEX } from '../../fixtures/rtp-vectors';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { createRebindEngine } from '../../../electron/main/rebind/rebind-engine';
import { defaultSimulatorState } from '../../../electron/main/terminal/simulator';
import { invariantProblems } from './support/invariants';
import { KILL_TEST_TIMING } from './support/kill-timing';
import { openTestDatabase, ptyTerminal, recordedSimulator, TEST_POLICY } from './support/rebind-rig';

const KILLS = 50;
const PARALLEL = 3;
const TIMING = KILL_TEST_TIMING;
const root = join(import.meta.dirname, '../../..');
// Bundled once: a child started through tsx would spend a second compiling before each run.
const bundleDir = join(root, '.cache', 'rebind-kill-test');
const childScript = join(bundleDir, `engine-child-${process.pid}.mjs`);

beforeAll(async () => {
  mkdirSync(bundleDir, { recursive: true });
  await build({
    entryPoints: [join(import.meta.dirname, 'support/engine-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'serialport', '@serialport/*'],
    logLevel: 'error',
  });
});
afterAll(() => rmSync(childScript, { force: true }));

/** mulberry32, so every kill point is reproducible from the iteration number. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the child until its `killAtLine`-th output line (plus `delayMs`), then SIGKILL; resolves with what it printed. */
function runChild(args: string[], killAtLine: number, delayMs: number): Promise<{ lines: string[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    let killed = false;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        lines.push(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        if (lines.length === killAtLine && !killed) {
          killed = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ lines, killed: true });
      else if (code === 0) resolve({ lines, killed: false });
      else reject(new Error(`engine child exited with ${code}: ${stderr}`));
    });
  });
}

interface KillResult {
  iteration: number;
  problems: string[];
  summary: string;
}

/** One iteration: a run killed at a random point, maybe a recovery killed too, then the next start. */
async function killAndRecover(iteration: number): Promise<KillResult> {
  const r = prng(iteration * 104729 + 7);
  const t = openTestDatabase('rebinddesk-kill-');
  t.db.close();
  const rec = recordedSimulator({ statePath: join(t.dir, 'terminal.json'), processing: { settleMs: 60, settleInterims: 3 } }, TIMING);
  const terminal = await ptyTerminal(rec.sim, TIMING);
  const problems: string[] = [];
  let summary = '';
  try {
    // A clean run prints about 25 lines; kill anywhere in it, sometimes before the first line.
    const first = await runChild([t.path, terminal.access.path, 'run'], Math.floor(r() * 26), Math.floor(r() * 25));
    summary = `run killed after "${first.lines[first.lines.length - 1] ?? '(start)'}"`;
    if (r() < 0.3) {
      const mode = r() < 0.5 ? 'resume' : 'restore';
      const second = await runChild([t.path, terminal.access.path, mode], 1 + Math.floor(r() * 8), Math.floor(r() * 20));
      summary += `; ${mode} killed after "${second.lines[second.lines.length - 1] ?? '(start)'}"`;
    }
    // The next start: a new connection to the same file, as the app opens it.
    const { db } = openAppDatabase(t.path, { migrations });
    try {
      const engine = createRebindEngine({ connection: () => db, encryption: createTestFieldEncryption(() => db), policy: TEST_POLICY });
      const interrupted = engine.interrupted('test');
      const all = db.prepare('SELECT id, status, serial_number FROM rebind_operations').all() as { id: number; status: string; serial_number: string | null }[];
      if (all.length > 1) problems.push(`${all.length} operations for one terminal`);
      const snapshotBefore = rec.sim.snapshot();
      if (interrupted.length === 0) {
        // Killed before identify (nothing may have changed) or after the outcome was written.
        const op = engine.store.get(all[0]?.id ?? 0);
        if (op?.outcome === 'rebound' && snapshotBefore.activeDigestHex !== SAMPLE_NEW_DIGEST_HEX) problems.push('journal says rebound, terminal disagrees');
        if (op?.outcome === 'restored' && snapshotBefore.activeDigestHex !== SAMPLE_OLD_DIGEST_HEX) problems.push('journal says restored, terminal disagrees');
        if (op === undefined || op.serialNumber === null || op.reason === 'interrupted-before-identify') {
          if (snapshotBefore.activeDigestHex !== SAMPLE_OLD_DIGEST_HEX || snapshotBefore.batch.count !== defaultSimulatorState().journal.length) problems.push('the terminal changed before it was identified');
        }
        if (snapshotBefore.previousSlotPresent) problems.push('no open operation, but the terminal is half-bound');
        summary += `; nothing to recover (${op?.outcome ?? 'no operation'}${op?.reason ? `/${op.reason}` : ''})`;
      } else {
        const mode = r() < 0.7 ? 'resume' : 'restore';
        const outcome = await engine.recover({ terminal: terminal.access, mode, actor: 'test' });
        if (outcome === null) problems.push('the interrupted operation was listed but recover found none');
        else {
          summary += `; ${mode} → ${outcome.outcome}/${outcome.reason}`;
          if (outcome.outcome === 'needs-attention') problems.push(`recovery ended in needs-attention: ${inEnglish(outcome.message)}`);
          if (mode === 'restore' && outcome.outcome === 'rebound' && outcome.reason !== 'confirmed-earlier') problems.push('restore asked, rebound without a confirm found');
          problems.push(
            ...invariantProblems({
              outcome,
              snapshot: rec.sim.snapshot(),
              store: engine.store,
              db,
              oldDigest: SAMPLE_OLD_DIGEST_HEX,
              newDigest: SAMPLE_NEW_DIGEST_HEX,
              initialJournal: defaultSimulatorState().journal,
              commands: rec.commands(),
            }),
          );
        }
      }
      // Whatever happened, the backup taken before the first change is still there and intact.
      const backups = db.prepare('SELECT digest, journal_json FROM rebind_backups').all() as { digest: string; journal_json: string }[];
      const touched = rec.commands().some((c) => c === 'SETTLE:00' || c === 'COMMIT:00');
      if (touched && backups.length !== 1) problems.push(`the terminal was changed and there are ${backups.length} backups`);
      for (const b of backups) {
        if (b.digest !== SAMPLE_OLD_DIGEST_HEX) problems.push('backup digest is not the old set');
        if (b.journal_json !== JSON.stringify(defaultSimulatorState().journal)) problems.push('backup journal lost records');
      }
    } finally {
      db.close();
    }
  } catch (error) {
    problems.push(`threw: ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    await rec.sim.close();
    await terminal.close();
    t.close();
  }
  return { iteration, problems, summary };
}

describe('the engine killed with SIGKILL at random points', () => {
  it(`recovers to a verified set after each of ${KILLS} kills`, async () => {
    const results: KillResult[] = [];
    let next = 1;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next <= KILLS) results.push(await killAndRecover(next++));
      }),
    );
    // A tally of where recovery ended, so a shift in behaviour shows in the test output.
    const tally = new Map<string, number>();
    for (const x of results) tally.set(x.summary.replace(/.*; /, ''), (tally.get(x.summary.replace(/.*; /, '')) ?? 0) + 1);
    console.log(`after ${KILLS} kills: ${[...tally.entries()].sort().map(([k, n]) => `${n}× ${k}`).join(', ')}`);
    expect(results.filter((x) => x.problems.length > 0).map((x) => `${x.iteration} (${x.summary}): ${x.problems.join(' | ')}`)).toEqual([]);
    expect(results).toHaveLength(KILLS);
    // The kills must land in different places, or the test proves little.
    const outcomes = new Set(results.map((x) => x.summary.replace(/.*; /, '')));
    expect(outcomes.size).toBeGreaterThan(3);
  }, 240_000);
});
