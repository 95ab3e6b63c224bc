// Issue 8 item 1 with real processes: `rebind run` (the built CLI, a child process) rebinds the
// simulator over a socat pty while this process, as the app's On-site page does, lists pending
// operations on the same data directory. The CLI's operation belongs to the CLI: it stays open and
// the CLI ends rebound. Killed with SIGKILL after COMMIT, its owner is gone, and `rebind recover`
// takes the operation over (audited) and finishes it.
import { createTestFieldEncryption } from '../../../electron/main/crypto/test-key-protector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { createRebindEngine } from '../../../electron/main/rebind/rebind-engine';
import { protocolTiming } from '../../../electron/main/terminal/link/link-timing';
import { rebindAuditActions } from '../../../shared/rebind/rebind-audit';
import { stepLabels } from '../../../shared/rebind/rebind-steps';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS } from '../../fixtures/rtp-vectors';
import { useTempDir } from '../support/temp-dir';
import { startRebind } from '../support/rebind-cli';
import { ptyTerminal, recordedSimulator } from './support/rebind-rig';

const tempDir = useTempDir('rebinddesk-owner-cli-');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The simulator on a pty; every command takes `commandMs`, so identify lasts long enough to be seen. */
async function terminal(commandMs: number) {
  const rec = recordedSimulator({ processing: { commandMs } }, protocolTiming);
  const pty = await ptyTerminal(rec.sim, protocolTiming);
  cleanups.push(async () => {
    await rec.sim.close();
    await pty.close();
  });
  return { rec, path: pty.access.path };
}

function paramsFile(dir: string): string {
  const path = join(dir, 'new-bank.json');
  writeFileSync(path, JSON.stringify(SAMPLE_NEW_PARAMETERS));
  return path;
}

function openShared(dir: string): Database.Database {
  const { db } = openAppDatabase(join(dir, 'rebinddesk.sqlite'), { migrations });
  cleanups.push(async () => void db.close());
  return db;
}

describe('a rebind run by another process', () => {
  it('stays open while the app lists pending operations, and the CLI ends rebound', async () => {
    const dir = tempDir();
    const { rec, path } = await terminal(300);
    const cli = startRebind(['run', '--port', path, '--params', paramsFile(dir), '--data-dir', dir, '--json']);
    cleanups.push(async () => void cli.child.kill('SIGKILL'));
    // The identify step is journaled (the operation exists, no serial number yet) when its line prints.
    await cli.waitForLine(new RegExp(`^… ${stepLabels.identify}`));
    const db = openShared(dir);
    const app = createRebindEngine({ connection: () => db, encryption: createTestFieldEncryption(() => db, dir) });
    let callsBeforeIdentify = 0;
    let callsAfterIdentify = 0;
    let ended = false;
    void cli.exited.then(() => (ended = true));
    while (!ended) {
      expect(app.interrupted('desk')).toEqual([]);
      const row = db.prepare('SELECT status, outcome, reason, serial_number FROM rebind_operations').get() as { status: string; outcome: string | null; serial_number: string | null };
      // Open until the CLI itself closes it with its outcome.
      expect(row.status === 'open' || row.outcome === 'rebound', `the CLI's operation while it runs: ${JSON.stringify(row)}`).toBe(true);
      expect(app.interruptedFor(rec.sim.snapshot().serialNumber)).toBeUndefined();
      if (row.serial_number === null) callsBeforeIdentify++;
      else if (row.status === 'open') callsAfterIdentify++;
      await sleep(10);
    }
    const end = await cli.exited;
    expect(end.code, end.stderr).toBe(0);
    expect(JSON.parse(end.stdout)).toMatchObject({ outcome: 'rebound', reason: 'confirmed', finalDigest: SAMPLE_NEW_DIGEST_HEX });
    // The window of the issue was hit: pending ran while the CLI identified the terminal, and after.
    expect(callsBeforeIdentify).toBeGreaterThan(0);
    expect(callsAfterIdentify).toBeGreaterThan(0);
    const ops = db.prepare('SELECT status, outcome, reason FROM rebind_operations').all();
    expect(ops).toEqual([{ status: 'closed', outcome: 'rebound', reason: 'confirmed' }]);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(rebindAuditActions.takenOver)).toEqual({ n: 0 });
    expect(rec.sim.snapshot()).toMatchObject({ activeDigestHex: SAMPLE_NEW_DIGEST_HEX, previousSlotPresent: false });
  }, 120_000);

  it('killed with SIGKILL after COMMIT, is taken over by `rebind recover`, which finishes it', async () => {
    const dir = tempDir();
    const { rec, path } = await terminal(20);
    const cli = startRebind(['run', '--port', path, '--params', paramsFile(dir), '--data-dir', dir]);
    await cli.waitForLine(new RegExp(`^✓ ${stepLabels.commit}`));
    cli.child.kill('SIGKILL');
    expect((await cli.exited).signal).toBe('SIGKILL');
    expect(rec.sim.snapshot()).toMatchObject({ activeDigestHex: SAMPLE_NEW_DIGEST_HEX, previousSlotPresent: true });
    const db = openShared(dir);
    // The app sees it as interrupted now: its owner's pid is gone (its lease has not even run out).
    const app = createRebindEngine({ connection: () => db, encryption: createTestFieldEncryption(() => db, dir) });
    const pending = app.interrupted('desk');
    expect(pending).toHaveLength(1);
    expect(pending[0]!.owner.pid).toBe(cli.child.pid);
    expect(Date.parse(pending[0]!.owner.leaseExpiresAt!)).toBeGreaterThan(Date.now());

    const recover = startRebind(['recover', '--port', path, '--data-dir', dir, '--json']);
    const end = await recover.exited;
    expect(end.code, end.stderr).toBe(0);
    expect(JSON.parse(end.stdout)).toMatchObject({ outcome: 'rebound', operationOpen: false, finalDigest: SAMPLE_NEW_DIGEST_HEX });
    expect(rec.sim.snapshot()).toMatchObject({ activeDigestHex: SAMPLE_NEW_DIGEST_HEX, previousSlotPresent: false });
    const taken = db.prepare('SELECT actor, payload FROM audit_log WHERE action = ?').all(rebindAuditActions.takenOver) as { actor: string; payload: string }[];
    expect(taken).toHaveLength(1);
    expect(JSON.parse(taken[0]!.payload)).toMatchObject({ purpose: 'recover-resume', why: 'process-gone', previousOwner: { pid: cli.child.pid } });
    expect(db.prepare('SELECT status, outcome FROM rebind_operations').all()).toEqual([{ status: 'closed', outcome: 'rebound' }]);
  }, 120_000);
});
