// The driver against the terminal simulator over REAL pseudo-terminals (socat) and the real
// serialport binding, with the prescribed timers: every command of PROTOCOL.md §3, the safe
// rebinding sequence, the refusals, REBOOT recovery and a few faults injected by the simulator.
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalParameterSet } from '../../../shared/rtp';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX } from '../../fixtures/rtp-vectors';
import { RtpDriver } from '../../../electron/main/terminal/driver/rtp-driver';
import { LinkFailure, LinkTimeout, TerminalRefused } from '../../../electron/main/terminal/link/link-errors';
import { protocolTiming } from '../../../electron/main/terminal/link/link-timing';
import { createMemoryLogSink } from '../../../electron/main/terminal/link/link-log';
import type { MemoryLogSink } from '../../../electron/main/terminal/link/link-log';
import { openSerialPort } from '../../../electron/main/terminal/port/serial-byte-port';
import { simulatorOnPty } from '../support/pty-rig';
import { defaultSimulatorState, INSTANT_PROCESSING_TIMES } from '../../../electron/main/terminal/simulator';
import type { SimulatorOptions, TerminalSimulator } from '../../../electron/main/terminal/simulator';

const BAUD = 115200;

interface PtyRig {
  driver: RtpDriver;
  sim: TerminalSimulator;
  log: MemoryLogSink;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/** A simulator on one end of a socat pty pair, the driver on the other, both through serialport. */
async function ptyRig(options: SimulatorOptions = {}): Promise<PtyRig> {
  const { pair, sim, close } = await simulatorOnPty({ processing: INSTANT_PROCESSING_TIMES, ...options }, { baudRate: BAUD });
  cleanups.push(close);
  const hostPort = await openSerialPort(pair.hostPath, { baudRate: BAUD });
  const log = createMemoryLogSink();
  const driver = new RtpDriver(hostPort, { baudRate: BAUD, log });
  cleanups.push(() => driver.close());
  await driver.open();
  return { driver, sim, log };
}

describe('every command over a pty', () => {
  it('HELLO: the identity of the simulated terminal', async () => {
    const { driver, sim } = await ptyRig();
    const identity = await driver.hello();
    const state = defaultSimulatorState();
    expect(identity).toMatchObject({
      protocolVersion: '1',
      maxBody: 1024,
      vendor: state.identity.vendor,
      model: state.identity.model,
      serialNumber: state.identity.serialNumber,
      firmware: state.identity.firmware,
      tid: '12345678',
      mid: '898310048140001',
      acquirerId: '48021000',
      activeSlot: 'A',
      activeDigestHex: SAMPLE_OLD_DIGEST_HEX,
      previousSlot: false,
      locked: false,
    });
    expect(sim.snapshot().activeDigestHex).toBe(identity.activeDigestHex);
  });

  it('GET_BATCH and EXPORT_JOURNAL (paged)', async () => {
    const { driver, sim } = await ptyRig({ paging: { recordsPerPage: 2 } });
    const batch = await driver.getBatch();
    expect(batch).toEqual(sim.snapshot().batch);
    const records = await driver.exportJournal();
    expect(records).toEqual(defaultSimulatorState().journal);
  });

  it('GET_PARAMS over several pages, with the digest HELLO reports', async () => {
    const { driver, sim } = await ptyRig({ paging: { paramsPerPage: 5 } });
    const read = await driver.getParams();
    expect(read.pages).toBe(4);
    expect(read.params).toEqual(sim.snapshot().params);
    expect(read.digestHex).toBe(SAMPLE_OLD_DIGEST_HEX);
  });

  it('the safe rebinding sequence: SETTLE, stage, COMMIT, read-back, SIGN_ON, ECHO_TEST, PRINT_TEST, CONFIRM', async () => {
    const { driver, sim } = await ptyRig({ processing: { ...INSTANT_PROCESSING_TIMES, settleMs: 200, settleInterims: 4 } });
    await driver.hello();
    const progress: number[] = [];
    const settled = await driver.settle({ onProgress: (p) => progress.push(p) });
    expect(settled).toMatchObject({ count: 3, totalFen: 15800, balanced: true });
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect((await driver.getBatch()).count).toBe(0);

    const staged = await driver.stageParameterSet(canonicalParameterSet(SAMPLE_NEW_PARAMETERS));
    expect(staged.digestHex).toBe(SAMPLE_NEW_DIGEST_HEX);
    const committed = await driver.commit();
    expect(committed).toMatchObject({ activeSlot: 'B', activeDigestHex: SAMPLE_NEW_DIGEST_HEX });
    expect((await driver.getParams()).digestHex).toBe(SAMPLE_NEW_DIGEST_HEX);

    expect(await driver.signOn()).toMatchObject({ responseCode: '00' });
    expect(await driver.echoTest()).toMatchObject({ responseCode: '00' });
    const lines = await driver.printTest();
    expect(lines.join('\n')).toContain('87654321');
    expect((await driver.hello()).previousSlot).toBe(true);
    await driver.confirm();
    const after = await driver.hello();
    expect(after).toMatchObject({ previousSlot: false, activeSlot: 'B', tid: '87654321' });
    expect(sim.snapshot().activeDigestHex).toBe(SAMPLE_NEW_DIGEST_HEX);
  });

  it('ROLLBACK restores the old set; a second ROLLBACK is refused with RC 04', async () => {
    const { driver } = await ptyRig({ initialState: { journal: [] } });
    await driver.stageParameterSet(canonicalParameterSet(SAMPLE_NEW_PARAMETERS));
    await driver.commit();
    const restored = await driver.rollback();
    expect(restored).toMatchObject({ activeSlot: 'A', activeDigestHex: SAMPLE_OLD_DIGEST_HEX });
    expect((await driver.getParams()).digestHex).toBe(SAMPLE_OLD_DIGEST_HEX);
    await expect(driver.rollback()).rejects.toMatchObject({ kind: 'terminal-refused', rc: 4, command: 'ROLLBACK' });
  });

  it('ABORT_STAGE drops an open stage: VERIFY then answers RC 04', async () => {
    const { driver, sim } = await ptyRig();
    const set = canonicalParameterSet(SAMPLE_NEW_PARAMETERS);
    await driver.beginStage(set.length, new Uint8Array(32));
    expect(await driver.putStage(0, set.subarray(0, 50))).toBe(50);
    expect(sim.snapshot().stagedBytes).toBe(50);
    await driver.abortStage();
    expect(sim.snapshot().stagedBytes).toBeUndefined();
    await expect(driver.verifyStage()).rejects.toMatchObject({ rc: 4 });
  });

  it('REBOOT: the driver waits for the terminal to come back and reads HELLO again', async () => {
    const { driver } = await ptyRig({ processing: { ...INSTANT_PROCESSING_TIMES, rebootMs: 1500 } });
    await driver.hello();
    const identity = await driver.reboot();
    expect(identity?.serialNumber).toBe(defaultSimulatorState().identity.serialNumber);
  });

  it('stages with a terminal that advertises a larger maxBody, in fewer and larger frames', async () => {
    const base = defaultSimulatorState();
    const { driver, log } = await ptyRig({ initialState: { identity: { ...base.identity, maxBody: 4096 }, journal: [] } });
    expect((await driver.hello()).maxBody).toBe(4096);
    // A valid set over 1024 bytes: long host names are the only unbounded text fields.
    const params = { ...SAMPLE_NEW_PARAMETERS, A011: `${'h'.repeat(1500)}.example:443`, A012: `${'b'.repeat(900)}.example:443` };
    const set = canonicalParameterSet(params);
    const staged = await driver.stageParameterSet(set);
    expect(staged.chunks).toBe(1);
    await driver.commit();
    const read = await driver.getParams();
    expect(read.digestHex).toBe(staged.digestHex);
    expect(read.params.A011).toBe(params.A011);
    expect(log.entries().some((e) => e.direction === 'out' && e.hex.length > 3 * 2000)).toBe(true);
  });
});

describe('refusals over a pty', () => {
  it('a locked terminal refuses BEGIN_STAGE with RC 0A; reads still work', async () => {
    const { driver, sim } = await ptyRig();
    sim.setLocked(true);
    expect((await driver.hello()).locked).toBe(true);
    const error = await driver.stageParameterSet(canonicalParameterSet(SAMPLE_NEW_PARAMETERS)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerminalRefused);
    expect(error).toMatchObject({ rc: 0x0a, rcName: 'LOCKED', command: 'BEGIN_STAGE' });
    expect((error as Error).message).toContain('locked by its current acquirer');
    await expect(driver.getParams()).resolves.toMatchObject({ digestHex: SAMPLE_OLD_DIGEST_HEX });
  });

  it('COMMIT with an open batch is refused with RC 05: settle first', async () => {
    const { driver } = await ptyRig();
    await driver.stageParameterSet(canonicalParameterSet(SAMPLE_NEW_PARAMETERS));
    const error = await driver.commit().catch((e: unknown) => e);
    expect(error).toMatchObject({ rc: 5, command: 'COMMIT' });
    expect((error as Error).message).toContain('Settle the batch first');
  });

  it('VERIFY names the offending tag (RC 03 with F020) and reports a digest mismatch (RC 06)', async () => {
    const { driver } = await ptyRig();
    const bad = canonicalParameterSet({ ...SAMPLE_NEW_PARAMETERS, A013: '12' });
    const invalid = await driver.stageParameterSet(bad).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ rc: 3, offendingTag: 'A013', command: 'VERIFY_STAGE' });
    expect((invalid as TerminalRefused).stagedDigestHex).toHaveLength(64);

    const set = canonicalParameterSet(SAMPLE_NEW_PARAMETERS);
    await driver.beginStage(set.length, new Uint8Array(32).fill(7));
    await driver.putStage(0, set);
    await expect(driver.verifyStage()).rejects.toMatchObject({ rc: 6, stagedDigestHex: SAMPLE_NEW_DIGEST_HEX });
  });

  it('PUT at a wrong offset is refused with RC 04 and the bytes received so far', async () => {
    const { driver } = await ptyRig();
    const set = canonicalParameterSet(SAMPLE_NEW_PARAMETERS);
    await driver.beginStage(set.length, new Uint8Array(32));
    await driver.putStage(0, set.subarray(0, 100));
    await expect(driver.putStage(64, set.subarray(64))).rejects.toMatchObject({ rc: 4, receivedSoFar: 100 });
  });

  it('SIGN_ON and ECHO_TEST with the host unreachable: RC 08 with F031 and no F030 (docs/protocol.md §7.12)', async () => {
    const { driver, sim } = await ptyRig({ processing: { ...INSTANT_PROCESSING_TIMES, hostTimeoutMs: 300 } });
    sim.setHostReachable(false);
    for (const call of [() => driver.signOn(), () => driver.echoTest()]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TerminalRefused);
      expect(error).toMatchObject({ rc: 8 });
      expect((error as TerminalRefused).hostResponseCode).toBeUndefined();
      expect((error as TerminalRefused).roundTripMs).toBeGreaterThanOrEqual(300);
    }
  });
});

describe('simulator faults over a pty', () => {
  it.each([
    ['corrupt@GET_BATCH', 'a corrupted response is NAKed and resent'],
    ['drop-frame@GET_BATCH', 'a lost response is resent after the terminal’s T1'],
    ['drop-ack@GET_BATCH', 'a lost ACK makes the host retransmit; the terminal replays, not re-executes'],
    ['nak:2@GET_BATCH', 'two NAKs, then the third transmission is taken'],
    ['late-ack@GET_BATCH', 'an ACK after T1 crosses the retransmission'],
  ])('%s: %s', async (faults) => {
    const { driver, sim } = await ptyRig({ faults });
    await expect(driver.getBatch()).resolves.toEqual(sim.snapshot().batch);
    // And the link is still in step: the next command gets its own answer.
    expect((await driver.hello()).serialNumber).toBe(defaultSimulatorState().identity.serialNumber);
  });

  it('nak:3 ends in LinkFailure(no-ack) after 3 transmissions and EOT', async () => {
    const { driver } = await ptyRig({ faults: 'nak:3@GET_BATCH' });
    await expect(driver.getBatch()).rejects.toMatchObject({ kind: 'link-failure', reason: 'no-ack' });
    await expect(driver.getBatch()).resolves.toMatchObject({ count: 3 });
  });

  it('late-response ends in LinkTimeout naming the command; the late answer is ignored', async () => {
    const { driver, log } = await ptyRig({ faults: 'late-response@PRINT_TEST' });
    const error = await driver.printTest().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkTimeout);
    expect(error).toMatchObject({ command: 'PRINT_TEST' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(log.entries().some((e) => e.kind === 'ignored' && e.text.includes('PRINT_TEST'))).toBe(true);
    await expect(driver.getBatch()).resolves.toMatchObject({ count: 3 });
  }, 20_000);

  it('disconnect after the ACK ends in a typed error, bounded by T2', async () => {
    const { driver } = await ptyRig({ faults: 'disconnect@GET_BATCH' });
    const error = await driver.getBatch().catch((e: unknown) => e);
    // Over a real pty the lost line ends the request one way or the other: the port reports it,
    // or T2 runs out. Either is a typed error that names the command; how soon it comes is proved
    // on simulated time (link-fault-matrix.test.ts, "disconnect": at the pull itself, not at T2).
    expect(error instanceof LinkFailure || error instanceof LinkTimeout).toBe(true);
    if (error instanceof LinkTimeout) expect(error).toMatchObject({ command: 'GET_BATCH', timeoutMs: protocolTiming.t2DefaultMs });
    else expect(error).toMatchObject({ command: 'GET_BATCH' });
  }, 20_000);

  it('COMMIT whose ACK is lost is retransmitted and executed once', async () => {
    const { driver, sim } = await ptyRig({ faults: 'drop-ack@COMMIT', initialState: { journal: [] } });
    await driver.stageParameterSet(canonicalParameterSet(SAMPLE_NEW_PARAMETERS));
    expect(await driver.commit()).toMatchObject({ activeSlot: 'B', activeDigestHex: SAMPLE_NEW_DIGEST_HEX });
    // Executed twice would have flipped back to A or refused with 04.
    expect(sim.snapshot()).toMatchObject({ activeSlot: 'B', previousSlotPresent: true });
  });
});
