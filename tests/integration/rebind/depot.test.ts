// Issue 8 item 21: a depot bench, several terminals at once from one laptop and one data
// directory. Two `rebind run` processes (the built CLI) on two ptys both end rebound with both
// operations journaled, while a `rebind recover` on a third port leaves both live operations
// alone. Two processes hammering journal writes into one WAL file never fail with SQLITE_BUSY*:
// journal writes are BEGIN IMMEDIATE and wait on busy_timeout.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/main/audit/audit-verify';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { protocolTiming } from '../../../electron/main/terminal/link/link-timing';
import { defaultSimulatorState } from '../../../electron/main/terminal/simulator';
import { rebindAuditActions } from '../../../shared/rebind/rebind-audit';
import { stepLabels } from '../../../shared/rebind/rebind-steps';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS } from '../../fixtures/rtp-vectors';
import { createFirstAdmin, testAdmin, testMainContext, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { startRebind } from '../support/rebind-cli';
import type { RebindProcess } from '../support/rebind-cli';
import { ptyTerminal, recordedSimulator } from './support/rebind-rig';

const tempDir = useTempDir('rebinddesk-depot-');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const root = join(import.meta.dirname, '../../..');
const bundleDir = join(root, '.cache', 'rebind-depot-test');
const writerScript = join(bundleDir, `journal-writer-${process.pid}.mjs`);
beforeAll(async () => {
  mkdirSync(bundleDir, { recursive: true });
  await build({
    entryPoints: [join(import.meta.dirname, 'support/journal-writer.ts')],
    outfile: writerScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
});
afterAll(() => rmSync(writerScript, { force: true }));

/** A terminal on a pty with its own serial number; every command takes `commandMs`. */
async function terminal(serialNumber: string, commandMs: number) {
  const rec = recordedSimulator({ processing: { commandMs }, initialState: { identity: { ...defaultSimulatorState().identity, serialNumber } } }, protocolTiming);
  const pty = await ptyTerminal(rec.sim, protocolTiming);
  cleanups.push(async () => {
    await rec.sim.close();
    await pty.close();
  });
  return { rec, path: pty.access.path };
}

function openShared(dir: string): Database.Database {
  const { db } = openAppDatabase(join(dir, 'rebinddesk.sqlite'), { migrations });
  cleanups.push(async () => void db.close());
  return db;
}

function kill(p: RebindProcess): () => Promise<void> {
  return async () => void p.child.kill('SIGKILL');
}

describe('a depot: several terminals, one data directory', () => {
  it('two `rebind run` on two ports both end rebound, and `rebind recover` on a third port touches neither', async () => {
    const dir = tempDir();
    const params = join(dir, 'new-bank.json');
    writeFileSync(params, JSON.stringify(SAMPLE_NEW_PARAMETERS));
    const a = await terminal('SN-DEPOT-A', 120);
    const b = await terminal('SN-DEPOT-B', 120);
    const c = await terminal('SN-DEPOT-C', 0);
    const runA = startRebind(['run', '--port', a.path, '--params', params, '--data-dir', dir, '--json']);
    cleanups.push(kill(runA));
    // The first process creates and migrates the database; the second opens it once it exists.
    await runA.waitForLine(new RegExp(`^… ${stepLabels.identify}`));
    const runB = startRebind(['run', '--port', b.path, '--params', params, '--data-dir', dir, '--json']);
    cleanups.push(kill(runB));
    await runB.waitForLine(new RegExp(`^… ${stepLabels.identify}`));

    // Both are running: a recovery on the third terminal finds nothing of its own and leaves them be.
    const recover = startRebind(['recover', '--port', c.path, '--data-dir', dir, '--json']);
    const recovered = await recover.exited;
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(JSON.parse(recovered.stdout)).toMatchObject({ outcome: null, reason: 'nothing-to-recover', open: [] });

    const [endA, endB] = await Promise.all([runA.exited, runB.exited]);
    for (const [end, t] of [[endA, a], [endB, b]] as const) {
      expect(end.code, end.stderr).toBe(0);
      expect(JSON.parse(end.stdout)).toMatchObject({ outcome: 'rebound', reason: 'confirmed', serialNumber: t.rec.sim.snapshot().serialNumber, finalDigest: SAMPLE_NEW_DIGEST_HEX });
      expect(t.rec.sim.snapshot()).toMatchObject({ activeDigestHex: SAMPLE_NEW_DIGEST_HEX, previousSlotPresent: false });
    }
    expect(c.rec.commands().filter((cmd) => !cmd.startsWith('HELLO'))).toEqual([]);

    const db = openShared(dir);
    const ops = db.prepare('SELECT serial_number, status, outcome, sessions FROM rebind_operations ORDER BY serial_number').all();
    expect(ops).toEqual([
      { serial_number: 'SN-DEPOT-A', status: 'closed', outcome: 'rebound', sessions: 1 },
      { serial_number: 'SN-DEPOT-B', status: 'closed', outcome: 'rebound', sessions: 1 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM rebind_backups').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT count(*) AS n FROM audit_log WHERE action IN (?, ?)').get(rebindAuditActions.takenOver, rebindAuditActions.sessionStarted)).toEqual({ n: 0 });
    // One audit chain, written by two processes in turn, still verifies.
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
  }, 120_000);

  it('two processes writing journal entries into one WAL file as fast as they can never see SQLITE_BUSY', async () => {
    const dir = tempDir();
    openShared(dir);
    const writers = [0, 1].map(() => {
      const child = startNode(writerScript, [join(dir, 'rebinddesk.sqlite'), '400']);
      cleanups.push(async () => void child.kill('SIGKILL'));
      return child;
    });
    const results = await Promise.all(writers.map((w) => w.done));
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    const db = openShared(dir);
    expect(db.prepare("SELECT count(*) AS n FROM rebind_steps WHERE status = 'ok'").get()).toEqual({ n: 800 });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
  }, 120_000);

  it("the app's own audited writes (lock and unlock the screen) never fail while a `rebind` process writes its journal", async () => {
    const dir = tempDir();
    const ctx = testMainContext(dir, {}, { logError: () => undefined });
    cleanups.push(() => ctx.close());
    const sender = testWindow();
    await createFirstAdmin(ctx, sender);
    const writer = startNode(writerScript, [join(dir, 'rebinddesk.sqlite'), '600']);
    cleanups.push(async () => void writer.kill('SIGKILL'));
    let ended = false;
    void writer.done.then(() => (ended = true));
    const failures: string[] = [];
    let calls = 0;
    while (!ended) {
      for (const [channel, input] of [['auth:lock', {}], ['auth:unlock', { password: testAdmin.password }]] as const) {
        const result = await ctx.router.handle(channel, input, sender);
        calls++;
        if (!result.ok) failures.push(`${channel}: ${result.error.code} ${result.error.message}`);
      }
    }
    expect(await writer.done).toMatchObject({ code: 0 });
    expect(calls).toBeGreaterThan(20);
    expect(failures.slice(0, 3)).toEqual([]);
    expect(verifyAuditChain(ctx.database.current())).toMatchObject({ ok: true });
  }, 120_000);
});

/** Runs a bundled script under Node; resolves with its exit code and stderr. */
function startNode(script: string, args: string[]) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { kill: (signal: NodeJS.Signals) => child.kill(signal), done };
}
