import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSerialPort } from '../../../electron/main/terminal/port/serial-byte-port';
import { createPtyPair } from '../../../electron/main/terminal/pty/socat-pty-pair';
import { defaultSimulatorState, INSTANT_PROCESSING_TIMES, type SimulatorOptions } from '../../../electron/main/terminal/simulator';
import * as ptyRig from '../support/pty-rig';
import { runRebind, startRebind } from '../support/rebind-cli';
import { waitFor } from '../support/wait-for';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX } from '../../fixtures/rtp-vectors';

// The real `rebind` program (bin/rebind.mjs) in a child process, against the simulator on a real pty.

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** The simulator on a pty, closed after the test. */
async function simulatorOnPty(options: SimulatorOptions = {}): Promise<ptyRig.SimulatorOnPty> {
  const rig = await ptyRig.simulatorOnPty(options);
  cleanup.push(rig.close);
  return rig;
}

describe('rebind CLI', () => {
  it('info --json prints the identity fields', async () => {
    const { pair, sim } = await simulatorOnPty();
    const result = await runRebind(['info', '--port', pair.hostPath, '--json']);
    expect(result.code).toBe(0);
    const info = JSON.parse(result.stdout);
    const snapshot = sim.snapshot();
    expect(Object.keys(info).sort()).toEqual(
      ['vendor', 'model', 'serialNumber', 'firmware', 'tid', 'mid', 'acquirerId', 'activeSlot', 'activeDigest', 'previousSlot', 'locked', 'maxBody'].sort(),
    );
    expect(info).toMatchObject({ activeSlot: snapshot.activeSlot, locked: false, previousSlot: false, maxBody: 1024 });
    expect(info.activeDigest).toBe(snapshot.activeDigestHex);
    expect(info.activeDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('params --json prints every parameter unmasked and the digest', async () => {
    const { pair, sim } = await simulatorOnPty();
    const result = await runRebind(['params', '--port', pair.hostPath, '--json']);
    expect(result.code).toBe(0);
    const { params, digest } = JSON.parse(result.stdout);
    expect(params).toEqual(sim.snapshot().params);
    expect(params.E0E1).toMatch(/^[0-9A-Fa-f]{6}$/);
    expect(digest).toBe(sim.snapshot().activeDigestHex);
  });

  it('batch --json prints the open batch', async () => {
    const { pair, sim } = await simulatorOnPty();
    const result = await runRebind(['batch', '--port', pair.hostPath, '--json']);
    expect(result.code).toBe(0);
    const batch = JSON.parse(result.stdout);
    expect(batch.count).toBe(sim.snapshot().batch.count);
    expect(Object.keys(batch).sort()).toEqual(['batchNumber', 'count', 'offlinePending', 'reversalPending', 'totalFen']);
  });

  it('exits 2 with a message naming the bad option', async () => {
    const missing = await runRebind(['info']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--port is required/);
    const bad = await runRebind(['info', '--port', '/dev/null', '--baud', 'fast']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--baud must be a whole number/);
    const unknown = await runRebind(['frobnicate']);
    expect(unknown.code).toBe(2);
  });

  it('exits 1 with one clear line when the port does not exist, and JSON with --json', async () => {
    const plain = await runRebind(['info', '--port', '/dev/rebinddesk-missing']);
    expect(plain.code).toBe(1);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    expect(plain.stderr).toMatch(/does not exist/);
    const json = await runRebind(['info', '--port', '/dev/rebinddesk-missing', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr).error.message).toMatch(/does not exist/);
  });

  it('exits 1 with a link failure when nobody answers on the port', async () => {
    const pair = await createPtyPair();
    cleanup.push(() => pair.close());
    const result = await runRebind(['info', '--port', pair.hostPath, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stderr).error.kind).toBe('link-failure');
  });

  it('ports --json lists ports (or says why it cannot)', async () => {
    const result = await runRebind(['ports', '--json']);
    expect(result.code).toBe(0);
    const list = JSON.parse(result.stdout);
    expect(Array.isArray(list.ports)).toBe(true);
    expect(list.problem === null || typeof list.problem === 'string').toBe(true);
  });

  it('simulate serves a terminal on a pty that info can read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rebind-sim-cli-'));
    const link = join(dir, 'terminal');
    const simulate = startRebind(['simulate', '--link', link, '--state', join(dir, 'state.json')]);
    cleanup.push(async () => {
      simulate.child.kill('SIGINT');
      await simulate.exited;
      rmSync(dir, { recursive: true, force: true });
    });
    await waitFor(() => existsSync(link), 15_000, `rebind simulate creating ${link}`);
    const result = await runRebind(['info', '--port', link, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).vendor).toBe('PAX');
  });

  it('run --json rebinds the terminal (exit 0) and recover --list then has nothing open', async () => {
    const { pair, sim } = await simulatorOnPty({ processing: INSTANT_PROCESSING_TIMES });
    const dir = mkdtempSync(join(tmpdir(), 'rebind-run-cli-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const params = join(dir, 'bank-b.json');
    writeFileSync(params, JSON.stringify(SAMPLE_NEW_PARAMETERS));
    const result = await runRebind(['run', '--port', pair.hostPath, '--params', params, '--expect-serial', sim.snapshot().serialNumber, '--data-dir', dir, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const outcome = JSON.parse(result.stdout);
    expect(outcome).toMatchObject({ outcome: 'rebound', finalDigest: SAMPLE_NEW_DIGEST_HEX, digestBefore: SAMPLE_OLD_DIGEST_HEX });
    expect(outcome.backupId).toBeGreaterThan(0);
    expect(Array.isArray(outcome.steps)).toBe(true);
    expect(sim.snapshot().activeDigestHex).toBe(SAMPLE_NEW_DIGEST_HEX);
    const list = await runRebind(['recover', '--list', '--data-dir', dir, '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({ open: [] });
  });

  it('run exits 2 naming the bad tag of the parameter file, and sends nothing', async () => {
    const { pair, sim } = await simulatorOnPty();
    const dir = mkdtempSync(join(tmpdir(), 'rebind-run-cli-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const params = join(dir, 'bad.json');
    writeFileSync(params, JSON.stringify({ ...SAMPLE_NEW_PARAMETERS, A001: '12' }));
    const result = await runRebind(['run', '--port', pair.hostPath, '--params', params, '--data-dir', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('A001');
    expect(sim.snapshot().activeDigestHex).toBe(SAMPLE_OLD_DIGEST_HEX);
  });

  it('recover with a data directory that holds no database creates none, and exits 4 when the terminal keeps an unconfirmed set', async () => {
    // Another laptop committed the new set and never confirmed it: new set active, the old one kept (F009 = 1).
    const halfBound = { slots: { A: { ...defaultSimulatorState().slots.A }, B: { ...SAMPLE_NEW_PARAMETERS } }, activeSlot: 'B' as const, previousPresent: true };
    const { pair, sim } = await simulatorOnPty({ processing: INSTANT_PROCESSING_TIMES, initialState: halfBound });
    const dir = mkdtempSync(join(tmpdir(), 'rebind-recover-cli-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const empty = join(dir, 'typo');
    const result = await runRebind(['recover', '--port', pair.hostPath, '--data-dir', empty, '--json']);
    expect(result.code, result.stderr).toBe(4);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ outcome: 'needs-attention', reason: 'unconfirmed-set', database: false, operationId: null, terminal: { serialNumber: '1170012345', activeDigest: SAMPLE_NEW_DIGEST_HEX, previousSlot: true } });
    expect(json.known.join(' ')).toContain('unconfirmed previous set');
    expect(json.nextSteps[0]).toContain('--data-dir <that directory>');
    expect(existsSync(join(empty, 'rebinddesk.sqlite'))).toBe(false);
    expect(existsSync(empty)).toBe(false);
    // A run from this directory is refused the same way (exit 5): the kept set is not overwritten.
    const params = join(dir, 'bank-c.json');
    writeFileSync(params, JSON.stringify({ ...SAMPLE_NEW_PARAMETERS, A013: '099' }));
    const refused = await runRebind(['run', '--port', pair.hostPath, '--params', params, '--data-dir', join(dir, 'other'), '--json']);
    expect(refused.code, refused.stderr).toBe(5);
    expect(JSON.parse(refused.stdout)).toMatchObject({ outcome: 'refused', reason: 'unconfirmed-set' });
    expect(sim.snapshot()).toMatchObject({ activeDigestHex: SAMPLE_NEW_DIGEST_HEX, previousSlotPresent: true });
    // That directory now has a database, but no operation for this terminal: still exit 4, not "nothing to recover".
    const withDatabase = await runRebind(['recover', '--port', pair.hostPath, '--data-dir', join(dir, 'other'), '--json']);
    expect(withDatabase.code, withDatabase.stderr).toBe(4);
    expect(JSON.parse(withDatabase.stdout)).toMatchObject({ reason: 'unconfirmed-set', database: true });
  });

  it('recover with an empty data directory and a settled terminal says nothing to recover (exit 0) and creates no database', async () => {
    const { pair } = await simulatorOnPty({ processing: INSTANT_PROCESSING_TIMES });
    const dir = mkdtempSync(join(tmpdir(), 'rebind-recover-cli-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const result = await runRebind(['recover', '--port', pair.hostPath, '--data-dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('nothing to recover');
    expect(result.stdout).toContain('holds no RebindDesk database');
    expect(existsSync(join(dir, 'rebinddesk.sqlite'))).toBe(false);
  });

  it('every command answers --help and -h with its usage (exit 0)', async () => {
    const asked = ['ports', 'info', 'params', 'batch', 'simulate', 'run', 'recover', 'audit'].flatMap((command) => [
      [command, '--help'],
      [command, '-h'],
    ]);
    const answers = await Promise.all(asked.map((args) => runRebind(args)));
    answers.forEach((result, index) => {
      const [command, flag] = asked[index]!;
      expect(result.code, `${command} ${flag}: ${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: rebind ${command}`));
    });
    expect((await runRebind(['run', '--help'])).stdout).toContain('5 refused');
    expect((await runRebind(['-h'])).stdout).toContain('rebind run --port PATH (--template ID');
  });

  it('Ctrl-C cancels at the next safe point and says so: the old set is read back (exit 3, restored / cancelled)', async () => {
    // SETTLE takes a while, so the Ctrl-C arrives while it runs; the cancel takes effect after it.
    const { pair, sim } = await simulatorOnPty({ processing: { ...INSTANT_PROCESSING_TIMES, settleMs: 1500, settleInterims: 3 } });
    const dir = mkdtempSync(join(tmpdir(), 'rebind-sigint-cli-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const run = startRebind(['run', '--port', pair.hostPath, '--template', 'acquirer-b', '--tid', '87654321', '--mid', '898310048140001', '--name', 'Shop', '--mcc', '5411', '--data-dir', dir, '--json']);
    await run.waitForLine(/… Settle/);
    run.child.kill('SIGINT');
    const end = await run.exited;
    expect(end.code, end.stderr).toBe(3);
    expect(end.stderr).toContain('Ctrl-C: cancelling at the next safe point');
    expect(JSON.parse(end.stdout)).toMatchObject({ outcome: 'restored', reason: 'cancelled', finalDigest: SAMPLE_OLD_DIGEST_HEX });
    expect(sim.snapshot()).toMatchObject({ activeDigestHex: SAMPLE_OLD_DIGEST_HEX, previousSlotPresent: false });
  });

  it('a second Ctrl-C stops at once (exit 130), says how to recover, and the operation is left open for it', async () => {
    const { pair } = await simulatorOnPty({ processing: { ...INSTANT_PROCESSING_TIMES, settleMs: 3000, settleInterims: 3 } });
    const dir = mkdtempSync(join(tmpdir(), 'rebind-sigint-cli-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const params = join(dir, 'bank-b.json');
    writeFileSync(params, JSON.stringify(SAMPLE_NEW_PARAMETERS));
    const run = startRebind(['run', '--port', pair.hostPath, '--params', params, '--data-dir', dir]);
    await run.waitForLine(/… Settle/);
    run.child.kill('SIGINT');
    await run.waitForLine(/Ctrl-C: cancelling/);
    run.child.kill('SIGINT');
    const end = await run.exited;
    expect(end.code).toBe(130);
    expect(end.stderr).toMatch(/Stopped at once\. Operation #1 is left open in the journal.*rebind recover --port \S+ --data-dir /);
    const list = await runRebind(['recover', '--list', '--data-dir', dir, '--json']);
    expect(JSON.parse(list.stdout).open).toEqual([expect.objectContaining({ operationId: 1, phase: 'settle' })]);
  });

  it('Ctrl-C during a read-only command says nothing was changed (exit 130)', async () => {
    // Nobody answers on this pty; the command is waiting for ENQ's answer when Ctrl-C arrives.
    const pair = await createPtyPair();
    const port = await openSerialPort(pair.terminalPath, { baudRate: 115200 });
    cleanup.push(async () => {
      await port.close();
      await pair.close();
    });
    const enq = new Promise<void>((resolve) => port.onData((bytes) => bytes.includes(0x05) && resolve()));
    const info = startRebind(['info', '--port', pair.hostPath]);
    await enq;
    info.child.kill('SIGINT');
    const end = await info.exited;
    expect(end.code).toBe(130);
    expect(end.stderr).toContain('rebind info: stopped by Ctrl-C. It only reads, so nothing was changed');
  });
});
