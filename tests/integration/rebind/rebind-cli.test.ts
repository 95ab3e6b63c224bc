// `rebind run` and `rebind recover` in-process with a captured CliIo, against the simulator on a
// real pty, with the protocol's own timers and a real database in a temp data directory. The
// same functions run as `node bin/rebind.mjs run|recover` once registered in electron/cli/rebind.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX } from '../../fixtures/rtp-vectors';
import { bytesToHex } from '../../../shared/bytes';
import { templateParameterSet } from '../../../shared/rebind/bank-template';
import { canonicalParameterSet } from '../../../shared/rtp';
import { parameterDigest } from '../../../electron/main/terminal/parameter-digest';
import { loadBankTemplates } from '../../../electron/main/rebind/bank-templates';
import { recoverCommand } from '../../../electron/cli/commands/recover';
import { runCommand } from '../../../electron/cli/commands/run';
import { UsageError } from '../../../electron/cli/cli-io';
import type { CliIo } from '../../../electron/cli/cli-io';
import { openRebindDatabase, platformDataDir, cliDataDir } from '../../../electron/cli/rebind-cli-support';
import { protocolTiming } from '../../../electron/main/terminal/link/link-timing';
import { defaultSimulatorState } from '../../../electron/main/terminal/simulator';
import type { SimulatorEvent } from '../../../electron/main/terminal/simulator';
import { currentCliActor } from '../../../electron/cli/cli-actor';
import { useTempDir } from '../support/temp-dir';
import { ptyTerminal, recordedSimulator } from './support/rebind-rig';
import type { RecordedSimulator } from './support/rebind-rig';

const tempDir = useTempDir('rebinddesk-rebind-cli-');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Runs a command as runCli does: UsageError → 2, any other error → 1 with its message. */
async function invoke(command: (args: string[], io: CliIo) => Promise<number>, args: string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t) };
  try {
    const code = await command(args, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } catch (error) {
    err.push((error as Error).message);
    return { code: error instanceof UsageError ? 2 : 1, out: out.join('\n'), err: err.join('\n') };
  }
}

/** The simulator on a pty with the protocol's timers; `onEvent` sees what it executes. */
async function terminalOnPty(onEvent?: (event: SimulatorEvent, rec: RecordedSimulator) => void): Promise<{ path: string; rec: RecordedSimulator }> {
  // The listener needs the simulator it listens to, which exists only once created.
  const holder: { rec?: RecordedSimulator } = {};
  const rec = recordedSimulator({ onEvent: (event) => holder.rec !== undefined && onEvent?.(event, holder.rec) }, protocolTiming);
  holder.rec = rec;
  const terminal = await ptyTerminal(rec.sim, protocolTiming);
  const sim = rec.sim;
  cleanups.push(async () => {
    await sim.close();
    await terminal.close();
  });
  return { path: terminal.access.path, rec };
}

function paramsFile(dir: string, params: Record<string, unknown> = SAMPLE_NEW_PARAMETERS): string {
  const path = join(dir, 'new-bank.json');
  writeFileSync(path, JSON.stringify(params));
  return path;
}

describe('rebind run', () => {
  it('rebinds the terminal: exit 0, JSON with outcome, finalDigest, backupId and steps', async () => {
    const dir = tempDir();
    const { path, rec } = await terminalOnPty();
    const serial = defaultSimulatorState().identity.serialNumber;
    const logFile = join(dir, 'link.jsonl');
    const result = await invoke(runCommand, ['--port', path, '--params', paramsFile(dir), '--expect-serial', serial, '--expect-tid', '12345678', '--data-dir', dir, '--log', logFile, '--json']);
    expect(result.code, result.err).toBe(0);
    const json = JSON.parse(result.out);
    expect(json).toMatchObject({ outcome: 'rebound', reason: 'confirmed', finalDigest: SAMPLE_NEW_DIGEST_HEX, digestBefore: SAMPLE_OLD_DIGEST_HEX, serialNumber: serial, operationOpen: false });
    expect(json.backupId).toBeGreaterThan(0);
    expect(json.steps.map((s: { step: string }) => s.step)).toEqual(['identify', 'backup', 'settle', 'stage', 'verify-stage', 'commit', 'read-back', 'sign-on', 'echo-test', 'print-test', 'confirm']);
    expect(json.steps.every((s: { durationMs: number }) => s.durationMs >= 0)).toBe(true);
    expect(json.receipt.join('\n')).toContain('87654321');
    expect(rec.sim.snapshot().activeDigestHex).toBe(SAMPLE_NEW_DIGEST_HEX);
    // Progress went to stderr, the link log to --log.
    expect(result.err).toContain('✓ Settle the open batch');
    expect(readFileSync(logFile, 'utf8').split('\n').filter(Boolean).length).toBe(json.linkLogEntries);
    // The journal is in the data directory's database.
    const db = openRebindDatabase(dir);
    expect(db.prepare('SELECT status, outcome, actor FROM rebind_operations').all()).toEqual([{ status: 'closed', outcome: 'rebound', actor: currentCliActor() }]);
    db.close();
  });

  it('prints the outcome for people without --json', async () => {
    const dir = tempDir();
    const { path } = await terminalOnPty();
    const result = await invoke(runCommand, ['--port', path, '--params', paramsFile(dir), '--data-dir', dir]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^REBOUND \(confirmed\): Terminal 1170012345 is rebound/);
    expect(result.out).toContain(`final         ${SAMPLE_NEW_DIGEST_HEX}`);
  });

  it('exits 2 naming every bad tag of the parameter file; nothing is sent', async () => {
    const dir = tempDir();
    const { path, rec } = await terminalOnPty();
    const { A014: _mcc, ...rest } = SAMPLE_NEW_PARAMETERS;
    const result = await invoke(runCommand, ['--port', path, '--params', paramsFile(dir, { ...rest, A001: '123', A009: '000001' }), '--data-dir', dir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('A001 TID must be 8 letters or digits');
    expect(result.err).toContain('A009 STAN is volatile');
    expect(result.err).toContain('A014 MCC is missing');
    expect(rec.commands()).toEqual([]);
  });

  it('exits 2 for a file that is not JSON, a missing option or a short override reason', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "A001": ');
    expect((await invoke(runCommand, ['--port', '/dev/null', '--params', bad, '--data-dir', dir])).err).toContain('is not JSON');
    expect((await invoke(runCommand, ['--params', bad])).code).toBe(2);
    const shortReason = await invoke(runCommand, ['--port', '/dev/null', '--params', paramsFile(dir), '--override-reason', 'ok', '--data-dir', dir]);
    expect(shortReason.code).toBe(2);
    expect(shortReason.err).toContain('--override-reason');
  });

  it('exits 5 (refused) on a work-order mismatch and changes nothing; an override with a reason goes on and is audited', async () => {
    const dir = tempDir();
    const { path, rec } = await terminalOnPty();
    const refused = await invoke(runCommand, ['--port', path, '--params', paramsFile(dir), '--expect-serial', '1170099999', '--data-dir', dir, '--json']);
    expect(refused.code).toBe(5);
    const json = JSON.parse(refused.out);
    expect(json).toMatchObject({ outcome: 'refused', reason: 'work-order-mismatch', backupId: null, operationOpen: false });
    expect(json.known.join(' ')).toContain('the work order says 1170099999, the terminal says 1170012345');
    expect(rec.commands()).toEqual(['HELLO:00']);
    const overridden = await invoke(runCommand, ['--port', path, '--params', paramsFile(dir), '--expect-serial', '1170099999', '--override-reason', 'Serial plate replaced by the vendor, see ticket 4411', '--data-dir', dir, '--json']);
    expect(overridden.code).toBe(0);
    const db = openRebindDatabase(dir);
    const audit = db.prepare("SELECT payload FROM audit_log WHERE action = 'rebind.work-order-overridden'").all() as { payload: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.payload)).toMatchObject({ reason: 'Serial plate replaced by the vendor, see ticket 4411' });
    db.close();
  });

  it('exits 5 (refused) for a locked terminal with what to do', async () => {
    const dir = tempDir();
    const { path, rec } = await terminalOnPty();
    rec.sim.setLocked(true);
    const result = await invoke(runCommand, ['--port', path, '--params', paramsFile(dir), '--data-dir', dir, '--json']);
    expect(result.code).toBe(5);
    expect(JSON.parse(result.out)).toMatchObject({ outcome: 'refused', reason: 'locked', nextSteps: [expect.stringContaining('release (unlock) the terminal')] });
  });

  it('exits 0 with "nothing changed" when the terminal already runs the new set, confirmed, so a depot script can re-run', async () => {
    const dir = tempDir();
    const { path, rec } = await terminalOnPty();
    expect((await invoke(runCommand, ['--port', path, '--params', paramsFile(dir), '--data-dir', dir])).code).toBe(0);
    const before = rec.commands().length;
    const again = await invoke(runCommand, ['--port', path, '--params', paramsFile(dir), '--data-dir', dir]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/^REBOUND \(already-active\): .*nothing changed/);
    // Only the identifying HELLO, nothing that changes the terminal. Each run starts its SEQ at random
    // (PROTOCOL.md §2), so 1 run in 256 sends a HELLO whose body equals the last one executed: the
    // terminal replays that answer as a duplicate without executing it, and no command is recorded.
    expect([['HELLO:00'], []]).toContainEqual(rec.commands().slice(before));
  });

  it('exits 3 when the new bank’s host does not answer the sign-on: rolled back and read back', async () => {
    const dir = tempDir();
    const { path, rec } = await terminalOnPty((event, r) => {
      if (event.type === 'command' && event.command === 'COMMIT') r.sim.setHostReachable(false);
    });
    const result = await invoke(runCommand, ['--port', path, '--params', paramsFile(dir), '--data-dir', dir, '--json']);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.out)).toMatchObject({ outcome: 'restored', reason: 'host-test-failed', finalDigest: SAMPLE_OLD_DIGEST_HEX });
    expect(rec.sim.snapshot()).toMatchObject({ activeDigestHex: SAMPLE_OLD_DIGEST_HEX, previousSlotPresent: false });
  });

  it('exits 1 when the port cannot be opened, leaving no operation behind', async () => {
    const dir = tempDir();
    const result = await invoke(runCommand, ['--port', join(dir, 'no-such-port'), '--params', paramsFile(dir), '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no-such-port/);
    const db = openRebindDatabase(dir);
    expect(db.prepare('SELECT count(*) AS n FROM rebind_operations').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('rebind run --template', () => {
  const merchant = { tid: '87654321', mid: '898310048140001', name: '上海示例便利店', mcc: '5411' };
  const merchantFlags = ['--tid', merchant.tid, '--mid', merchant.mid, '--name', merchant.name, '--mcc', merchant.mcc];

  it('rebinds with a shipped template and the merchant’s values, merged as the On-site view merges them (exit 0)', async () => {
    const dir = tempDir();
    const { path, rec } = await terminalOnPty();
    const result = await invoke(runCommand, ['--port', path, '--template', 'acquirer-b', ...merchantFlags, '--data-dir', dir, '--json']);
    expect(result.code, result.err).toBe(0);
    const json = JSON.parse(result.out);
    // The On-site view's merge of acquirer-b with these values, computed by the shared function itself.
    const expected = templateParameterSet(loadBankTemplates(join(import.meta.dirname, '../../../resources/bank-templates')).templates, 'acquirer-b', merchant);
    expect(expected.ok).toBe(true);
    if (!expected.ok) return;
    const digest = bytesToHex(parameterDigest(canonicalParameterSet(expected.params)));
    expect(json).toMatchObject({ outcome: 'rebound', reason: 'confirmed', targetDigest: digest, finalDigest: digest });
    expect(rec.sim.snapshot().params).toMatchObject({ A001: merchant.tid, A002: merchant.mid, A003: merchant.name, A014: merchant.mcc, A011: 'pos.acquirer-b.example:8443' });
  });

  it('reads the merchant’s values from --merchant FILE', async () => {
    const dir = tempDir();
    const { path } = await terminalOnPty();
    const file = join(dir, 'merchant.json');
    writeFileSync(file, JSON.stringify(merchant));
    const result = await invoke(runCommand, ['--port', path, '--template', 'acquirer-c', '--merchant', file, '--data-dir', dir, '--json']);
    expect(result.code, result.err).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ outcome: 'rebound' });
  });

  it('exits 2 naming every bad merchant value, an unknown template, or --params mixed with --template; nothing is sent', async () => {
    const dir = tempDir();
    const { path, rec } = await terminalOnPty();
    const bad = await invoke(runCommand, ['--port', path, '--template', 'acquirer-b', '--tid', '123', '--mid', merchant.mid, '--mcc', '54', '--data-dir', dir]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('merchant.tid (A001 TID must be 8 letters or digits');
    expect(bad.err).toContain('merchant.mcc (A014');
    const unknown = await invoke(runCommand, ['--port', path, '--template', 'acquirer-z', ...merchantFlags, '--data-dir', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no bank template "acquirer-z".*known: acquirer-b, acquirer-c/);
    const both = await invoke(runCommand, ['--port', path, '--template', 'acquirer-b', ...merchantFlags, '--params', paramsFile(dir), '--data-dir', dir]);
    expect(both.code).toBe(2);
    expect(both.err).toContain('either --params FILE, or --template ID');
    const neither = await invoke(runCommand, ['--port', path, '--data-dir', dir]);
    expect(neither.code).toBe(2);
    expect(neither.err).toContain('--template ID');
    expect(rec.commands()).toEqual([]);
  });
});

describe('rebind recover', () => {
  /** A rebind left open: after COMMIT the terminal gets locked and its host goes down, so ROLLBACK is refused. */
  async function leftOpen(dir: string): Promise<{ path: string; rec: RecordedSimulator }> {
    const terminal = await terminalOnPty((event, r) => {
      if (event.type === 'command' && event.command === 'COMMIT') {
        r.sim.setHostReachable(false);
        r.sim.setLocked(true);
      }
    });
    const first = await invoke(runCommand, ['--port', terminal.path, '--params', paramsFile(dir), '--data-dir', dir, '--json']);
    expect(first.code).toBe(4);
    expect(JSON.parse(first.out)).toMatchObject({ reason: 'rollback-refused', operationOpen: true });
    expect(terminal.rec.sim.snapshot()).toMatchObject({ activeDigestHex: SAMPLE_NEW_DIGEST_HEX, previousSlotPresent: true });
    terminal.rec.sim.setLocked(false);
    terminal.rec.sim.setHostReachable(true);
    return terminal;
  }

  it('finishes an interrupted rebind (exit 0) once the terminal can be reached', async () => {
    const dir = tempDir();
    const { path, rec } = await leftOpen(dir);
    const listed = await invoke(recoverCommand, ['--list', '--data-dir', dir, '--json']);
    expect(JSON.parse(listed.out).open).toEqual([expect.objectContaining({ serialNumber: '1170012345', phase: 'rollback' })]);
    const result = await invoke(recoverCommand, ['--port', path, '--data-dir', dir, '--json']);
    expect(result.code, result.err).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ outcome: 'rebound', reason: 'confirmed', finalDigest: SAMPLE_NEW_DIGEST_HEX });
    expect(rec.sim.snapshot().previousSlotPresent).toBe(false);
    const again = await invoke(recoverCommand, ['--port', path, '--data-dir', dir]);
    expect(again).toMatchObject({ code: 0, out: expect.stringContaining('nothing to recover') });
  });

  it('Ctrl-C during a resume undoes it at the next safe point (exit 3, restored / cancelled)', async () => {
    const dir = tempDir();
    const { path, rec } = await leftOpen(dir);
    const out: string[] = [];
    const err: string[] = [];
    let interrupt: (() => void) | undefined;
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => {
        err.push(t);
        // The engineer presses Ctrl-C as the read-back of the new set starts.
        if (t.startsWith('… Read the new set back')) interrupt?.();
      },
      onInterrupt: (listener) => {
        interrupt = listener;
        return () => (interrupt = undefined);
      },
    };
    const code = await recoverCommand(['--port', path, '--data-dir', dir, '--json'], io);
    expect(code, err.join('\n')).toBe(3);
    expect(err.join('\n')).toContain('Ctrl-C: cancelling at the next safe point');
    expect(JSON.parse(out.join('\n'))).toMatchObject({ outcome: 'restored', reason: 'cancelled', finalDigest: SAMPLE_OLD_DIGEST_HEX });
    expect(rec.sim.snapshot()).toMatchObject({ activeDigestHex: SAMPLE_OLD_DIGEST_HEX, previousSlotPresent: false });
    expect(interrupt).toBeUndefined();
  });

  it('undoes it with --restore (exit 3)', async () => {
    const dir = tempDir();
    const { path, rec } = await leftOpen(dir);
    const result = await invoke(recoverCommand, ['--port', path, '--restore', '--data-dir', dir, '--json']);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.out)).toMatchObject({ outcome: 'restored', reason: 'restore-requested', finalDigest: SAMPLE_OLD_DIGEST_HEX });
    expect(rec.sim.snapshot()).toMatchObject({ activeDigestHex: SAMPLE_OLD_DIGEST_HEX, previousSlotPresent: false });
  });

  it('closes an operation by hand with --abandon and a reason; the backup stays', async () => {
    const dir = tempDir();
    await leftOpen(dir);
    expect((await invoke(recoverCommand, ['--abandon', 'short', '--operation', '1', '--data-dir', dir])).code).toBe(2);
    const result = await invoke(recoverCommand, ['--abandon', 'Terminal returned to the vendor for repair', '--operation', '1', '--data-dir', dir]);
    expect(result.code).toBe(0);
    const db = openRebindDatabase(dir);
    expect(db.prepare('SELECT status, reason FROM rebind_operations').get()).toEqual({ status: 'closed', reason: 'abandoned' });
    expect(db.prepare('SELECT count(*) AS n FROM rebind_backups').get()).toEqual({ n: 1 });
    db.close();
  });
});

describe('the data directory', () => {
  it('is --data-dir, else REBINDDESK_DATA_DIR, else the platform’s Electron userData', () => {
    expect(cliDataDir('/x/y', { REBINDDESK_DATA_DIR: '/env' })).toBe('/x/y');
    expect(cliDataDir(undefined, { REBINDDESK_DATA_DIR: '/env' })).toBe('/env');
    expect(platformDataDir('linux', {}, '/home/eng')).toBe('/home/eng/.config/RebindDesk');
    expect(platformDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/eng')).toBe('/cfg/RebindDesk');
    expect(platformDataDir('darwin', {}, '/Users/eng')).toBe('/Users/eng/Library/Application Support/RebindDesk');
    expect(platformDataDir('win32', { APPDATA: 'C:\\Users\\eng\\AppData\\Roaming' }, 'C:\\Users\\eng')).toMatch(/Roaming[\\/]RebindDesk$/);
  });
});
