// Issue 8 item 2: a restore never pulls the database from under another process. Every process
// that opens the data directory registers a holder file; a restore takes the directory
// exclusively first (db/data-dir-hold.ts). Files and pids are real; "another process" is either a
// real child (the built `rebind` CLI on a pty) or a holder record naming a live or a dead pid.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirBusy, liveHolders, registerDataDirHolder, takeExclusiveHold } from '../../electron/main/db/data-dir-hold';
import { newOwner } from '../../electron/main/rebind/operation-owner';
import type { OperationOwner } from '../../electron/main/rebind/operation-owner';
import { protocolTiming } from '../../electron/main/terminal/link/link-timing';
import { stepLabels } from '../../shared/rebind/rebind-steps';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS } from '../fixtures/rtp-vectors';
import { startRebind } from './support/rebind-cli';
import { ptyTerminal, recordedSimulator } from './rebind/support/rebind-rig';
import { createFirstAdmin, testMainContext, testWindow } from './support/main-context';
import { useTempDir } from './support/temp-dir';

const tempDir = useTempDir('rebinddesk-hold-');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Another process on this host, as its records name it: a live pid (this one) or a dead one. */
function other(alive: boolean): OperationOwner {
  return { ...newOwner(), pid: alive ? process.pid : spawnSync(process.execPath, ['-e', '0']).pid! };
}

function busyReason(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof DataDirBusy) return error.busyReason;
    throw error;
  }
  return undefined;
}

describe('holders and the exclusive hold', () => {
  it('a restore is refused while another live process holds the directory, and allowed once it lets go', () => {
    const dir = tempDir();
    const cli = registerDataDirHolder(dir, 'rebind run', other(true));
    expect(busyReason(() => takeExclusiveHold(dir, () => 0))).toBe('data-dir-in-use');
    expect(() => takeExclusiveHold(dir, () => 0)).toThrow(/rebind run, pid \d+ on /);
    // The refused restore left no marker behind: the holder can still reopen.
    expect(existsSync(join(dir, 'restore.lock'))).toBe(false);
    cli.release();
    const hold = takeExclusiveHold(dir, () => 0);
    expect(existsSync(join(dir, 'restore.lock'))).toBe(true);
    hold.release();
    expect(existsSync(join(dir, 'restore.lock'))).toBe(false);
  });

  it('ignores and removes the holder file of a process that died; its own registration does not count', () => {
    const dir = tempDir();
    registerDataDirHolder(dir, 'rebind run', other(false));
    const self = registerDataDirHolder(dir, 'app');
    expect(readdirSync(join(dir, 'holders'))).toHaveLength(2);
    const hold = takeExclusiveHold(dir, () => 0);
    expect(readdirSync(join(dir, 'holders'))).toEqual([`${self.record.instanceId}.json`]);
    hold.release();
    self.release();
    expect(readdirSync(join(dir, 'holders'))).toEqual([]);
  });

  it('while a restore holds the directory, an opener is refused and withdraws its registration; a dead restorer is ignored', () => {
    const dir = tempDir();
    const restorer = other(true);
    const hold = takeExclusiveHold(dir, () => 0, restorer);
    expect(busyReason(() => registerDataDirHolder(dir, 'rebind run'))).toBe('restore-in-progress');
    expect(readdirSync(join(dir, 'holders'))).toEqual([]);
    // A second restore is refused too.
    expect(busyReason(() => takeExclusiveHold(dir, () => 0))).toBe('restore-in-progress');
    hold.release();
    // A marker left by a restore that was killed: its pid is gone, so it no longer holds anything.
    takeExclusiveHold(dir, () => 0, other(false));
    expect(existsSync(join(dir, 'restore.lock'))).toBe(true);
    const opener = registerDataDirHolder(dir, 'rebind run');
    expect(existsSync(join(dir, 'restore.lock'))).toBe(false);
    expect(liveHolders(dir, other(true))).toHaveLength(1);
    opener.release();
  });

  it('a restore is refused while any rebind operation is open', () => {
    const dir = tempDir();
    expect(busyReason(() => takeExclusiveHold(dir, () => 1))).toBe('rebind-operation-open');
    expect(() => takeExclusiveHold(dir, () => 2)).toThrow(/2 rebind operations are still open/);
    expect(existsSync(join(dir, 'restore.lock'))).toBe(false);
  });

  it('a damaged holder file is removed, not trusted', () => {
    const dir = tempDir();
    registerDataDirHolder(dir, 'app').release();
    writeFileSync(join(dir, 'holders', 'garbage.json'), '{"pid": "no"');
    takeExclusiveHold(dir, () => 0).release();
    expect(readdirSync(join(dir, 'holders'))).toEqual([]);
  });
});

describe('an admin restore while `rebind run` uses the data directory', () => {
  it('is refused with a reason, the CLI ends rebound with its journal in the live database, and the restore works once it ended', async () => {
    const dir = tempDir();
    const sender = testWindow();
    // No OS keychain, so the CLI can open the data keys too (the key file in the data directory).
    const ctx = testMainContext(dir, {}, { keyProtector: null });
    cleanups.push(() => ctx.close());
    await createFirstAdmin(ctx, sender);
    const call = (channel: string, input: unknown) => ctx.router.handle(channel, input, sender);
    const backup = await call('backup:create', { destination: 'default' });
    if (!backup.ok) throw new Error(backup.error.message);
    const backupId = (backup.value as { id: string }).id;

    const rec = recordedSimulator({ processing: { commandMs: 250 } }, protocolTiming);
    const pty = await ptyTerminal(rec.sim, protocolTiming);
    cleanups.push(async () => {
      await rec.sim.close();
      await pty.close();
    });
    const params = join(dir, 'new-bank.json');
    writeFileSync(params, JSON.stringify(SAMPLE_NEW_PARAMETERS));
    const databaseFile = join(dir, 'rebinddesk.sqlite');
    const inodeBefore = statSync(databaseFile).ino;
    const cli = startRebind(['run', '--port', pty.access.path, '--params', params, '--data-dir', dir, '--json']);
    cleanups.push(async () => void cli.child.kill('SIGKILL'));
    await cli.waitForLine(new RegExp(`^… ${stepLabels.backup}`));

    const refused = await call('backup:restore', { source: { kind: 'history', id: backupId } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'data-dir-in-use' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/rebind run, pid \d+/);
    expect(statSync(databaseFile).ino).toBe(inodeBefore);

    const end = await cli.exited;
    expect(end.code, end.stderr).toBe(0);
    expect(JSON.parse(end.stdout)).toMatchObject({ outcome: 'rebound', finalDigest: SAMPLE_NEW_DIGEST_HEX });
    // The CLI's operation, backup and audit entries are in the file the app has open.
    const db = ctx.database.current();
    expect(db.prepare('SELECT status, outcome, actor FROM rebind_operations').all()).toEqual([{ status: 'closed', outcome: 'rebound', actor: expect.stringMatching(/^cli:/) }]);
    expect(db.prepare('SELECT count(*) AS n FROM rebind_backups').get()).toEqual({ n: 1 });
    expect((db.prepare("SELECT count(*) AS n FROM audit_log WHERE actor LIKE 'cli:%'").get() as { n: number }).n).toBeGreaterThan(20);

    // The CLI has let go of the directory: now the restore goes ahead.
    expect(liveHolders(dir)).toEqual([]);
    const restored = await call('backup:restore', { source: { kind: 'history', id: backupId } });
    expect(restored.ok, restored.ok ? '' : restored.error.message).toBe(true);
    expect(statSync(databaseFile).ino).not.toBe(inodeBefore);
  }, 120_000);

  it('a `rebind run` started while a restore holds the directory is refused before it opens anything', async () => {
    const dir = tempDir();
    const hold = takeExclusiveHold(dir, () => 0, other(true));
    cleanups.push(async () => hold.release());
    const params = join(dir, 'new-bank.json');
    writeFileSync(params, JSON.stringify(SAMPLE_NEW_PARAMETERS));
    const cli = startRebind(['run', '--port', '/dev/rebinddesk-missing', '--params', params, '--data-dir', dir]);
    const end = await cli.exited;
    expect(end.code).toBe(1);
    expect(end.stderr).toMatch(/A restore of this data directory is under way/);
    expect(existsSync(join(dir, 'rebinddesk.sqlite'))).toBe(false);
    expect(readdirSync(join(dir, 'holders'))).toEqual([]);
  }, 60_000);
});
