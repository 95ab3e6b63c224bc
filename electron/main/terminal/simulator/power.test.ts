import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Command, encodeFrame, encodeRequest, ResultCode } from '../../../../shared/rtp';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX } from '../../../../tests/fixtures/rtp-vectors';
import { useTempDir } from '../../../../tests/integration/support/temp-dir';
import { startRig, stageParameters, tlvMap } from '../../../../tests/integration/simulator/harness';
import { RawHost } from '../../../../tests/integration/simulator/raw-host';
import { createMemoryPortPair } from '../port/memory-port';
import type { Rig } from '../../../../tests/integration/simulator/harness';
import { SimulatedClock, until } from '../../../../tests/support/simulated-clock';
import { defaultSimulatorState } from './default-state';
import { createSimulator } from './simulator';
import { readStateFile, STATE_FILE_FORMAT } from './state-store';

const tempDir = useTempDir('rebinddesk-sim-');
let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const waitUp = async (r: Rig) => {
  await expect.poll(() => r.simulator.snapshot().up, { timeout: 3000 }).toBe(true);
};

describe('REBOOT', () => {
  it('answers, then ignores all input, ENQ included, for the downtime; loses the stage, keeps the slots', async () => {
    // On simulated time, so the downtime is checked as the exact figure it is.
    const clock = new SimulatedClock();
    rig = startRig({ initialState: { journal: [] }, processing: { rebootMs: 400 }, clock });
    const first = await stageParameters(rig.host, 1, SAMPLE_NEW_PARAMETERS);
    await rig.host.exchange(first.nextSeq, Command.COMMIT);
    await stageParameters(rig.host, first.nextSeq + 1, { ...SAMPLE_NEW_PARAMETERS, A001: '99998888' });
    expect(rig.simulator.snapshot().stageVerified).toBe(true);

    const reboot = await rig.host.exchange(50, Command.REBOOT);
    expect(reboot.final.rc).toBe(ResultCode.OK);
    await until(clock, () => !rig!.simulator.snapshot().up);
    await rig.host.write([0x05]);
    await rig.host.write(encodeFrame(encodeRequest({ seq: 51, cmd: Command.HELLO, tlvs: [] })));
    await clock.sleep(150);
    await rig.host.write([0x05]);
    expect(await rig.host.collectFor(100)).toEqual([]);
    expect(rig.events.some((e) => e.type === 'link' && e.what === 'ignored-while-down')).toBe(true);

    await until(clock, () => rig!.simulator.snapshot().up);
    const lifecycle = (what: string) => rig!.events.find((e) => e.type === 'lifecycle' && e.what === what)!.atMs;
    expect(lifecycle('up') - lifecycle('rebooting')).toBe(400);
    await rig.host.write([0x05]);
    await rig.host.expectControl(0x06);
    expect(rig.simulator.snapshot()).toMatchObject({ stagedBytes: undefined, activeSlot: 'B', activeDigestHex: SAMPLE_NEW_DIGEST_HEX, previousSlotPresent: true });
    expect((await rig.host.exchange(52, Command.VERIFY_STAGE)).final.rc).toBe(ResultCode.WRONG_STATE);
    await rig.close();
    rig = undefined;
    clock.stop();
  });

  it('reboots even when its answer is never ACKed (after 3 transmissions and EOT)', async () => {
    rig = startRig({ processing: { rebootMs: 100 } }, { autoAck: false });
    await rig.host.write(encodeFrame(encodeRequest({ seq: 1, cmd: Command.REBOOT, tlvs: [] })));
    await rig.host.expectControl(0x06);
    for (let i = 0; i < 3; i++) await rig.host.expectResponse();
    await rig.host.expectControl(0x04);
    await expect.poll(() => rig!.events.some((e) => e.type === 'lifecycle' && e.what === 'rebooting')).toBe(true);
  });
});

describe('detach and attach', () => {
  it('drops a request whose ACK had not left when the port was detached, and serves the next port normally', async () => {
    rig = startRig({ line: { baudRate: 115200, turnaroundMs: 80 } });
    await rig.host.sendRequest(1, Command.HELLO);
    await sleep(20);
    rig.simulator.detach();
    expect(rig.simulator.snapshot().attached).toBe(false);
    expect(await rig.host.collectFor(150)).toEqual([]);
    const pair = createMemoryPortPair('second');
    rig.simulator.attach(pair.terminal);
    const host = new RawHost(pair.host);
    try {
      expect((await host.exchange(1, Command.HELLO)).final.rc).toBe(ResultCode.OK);
      expect(rig.events.some((e) => e.type === 'link' && e.what === 'busy')).toBe(false);
    } finally {
      host.close();
      await pair.host.close();
    }
  });

  it('finishes a command running during a detach and replays its answer to the repeat after reattaching', async () => {
    rig = startRig({ processing: { settleMs: 100, settleInterims: 0 } });
    await rig.host.sendRequest(4, Command.SETTLE);
    await rig.host.expectControl(0x06);
    rig.simulator.detach();
    await sleep(200);
    expect(rig.simulator.snapshot().batch.count).toBe(0);
    rig.simulator.attach(rig.pair.terminal);
    const again = await rig.host.exchange(4, Command.SETTLE);
    expect(tlvMap(again.final)).toEqual({ F011: '3', F012: '15800', F015: '1' });
    expect(rig.events.filter((e) => e.type === 'command' && e.command === 'SETTLE')).toHaveLength(1);
  });
});

describe('power loss and the state file', () => {
  it('creates the state file from the initial state, atomically, and a new simulator on it picks it up', async () => {
    const statePath = join(tempDir(), 'terminal.json');
    rig = startRig({ statePath, initialState: { journal: [] } });
    const file = JSON.parse(readFileSync(statePath, 'utf8')) as { format: string; version: number };
    expect(file).toMatchObject({ format: STATE_FILE_FORMAT, version: 1 });
    const staged = await stageParameters(rig.host, 1, SAMPLE_NEW_PARAMETERS);
    await rig.host.exchange(staged.nextSeq, Command.COMMIT);
    await rig.host.exchange(staged.nextSeq + 1, Command.SIGN_ON);
    rig.simulator.setLocked(true);
    await rig.close();
    rig = undefined;
    expect(readdirSync(join(statePath, '..'))).toEqual(['terminal.json']);

    // The file wins over initialState.
    const again = createSimulator({ statePath, initialState: { locked: false, journal: defaultSimulatorState().journal } });
    expect(again.snapshot()).toMatchObject({ activeSlot: 'B', activeDigestHex: SAMPLE_NEW_DIGEST_HEX, previousSlotPresent: true, locked: true });
    expect(again.snapshot().params['A009']).toBe('000002');
    expect(again.snapshot().batch.count).toBe(0);
    await again.close();
  });

  it('power loss before the flip (fault power-loss@COMMIT) leaves the old slot active, in RAM and on disk', async () => {
    const statePath = join(tempDir(), 'terminal.json');
    rig = startRig({ statePath, initialState: { journal: [] }, faults: 'power-loss@COMMIT', processing: { rebootMs: 100 } });
    const staged = await stageParameters(rig.host, 1, SAMPLE_NEW_PARAMETERS);
    await rig.host.sendRequest(staged.nextSeq, Command.COMMIT);
    await rig.host.expectControl(0x06);
    expect(await rig.host.collectFor(60)).toEqual([]);
    expect(rig.faults()).toEqual(['power-loss']);
    const onDisk = readStateFile(statePath);
    expect(onDisk.activeSlot).toBe('A');
    expect(onDisk.slots.B).toEqual(SAMPLE_NEW_PARAMETERS); // written, never flipped to
    expect(onDisk.previousPresent).toBe(false);
    await waitUp(rig);
    expect(rig.simulator.snapshot()).toMatchObject({ activeSlot: 'A', activeDigestHex: SAMPLE_OLD_DIGEST_HEX, previousSlotPresent: false, stagedBytes: undefined });
    // The stage is gone with the RAM: COMMIT again is 04, and the same SEQ is not a duplicate any more.
    expect((await rig.host.exchange(staged.nextSeq, Command.COMMIT)).final.rc).toBe(ResultCode.WRONG_STATE);
  });

  it('power loss during COMMIT processing (powerLoss() before the flip) leaves the old slot; after the answer, the new one', async () => {
    const statePath = join(tempDir(), 'terminal.json');
    rig = startRig({ statePath, initialState: { journal: [] }, processing: { commitMs: 300, rebootMs: 100 } });
    const staged = await stageParameters(rig.host, 1, SAMPLE_NEW_PARAMETERS);
    await rig.host.sendRequest(staged.nextSeq, Command.COMMIT);
    await rig.host.expectControl(0x06);
    await sleep(100);
    rig.simulator.powerLoss();
    await waitUp(rig);
    expect(rig.simulator.snapshot().activeSlot).toBe('A');
    expect(readStateFile(statePath).activeSlot).toBe('A');

    const again = await stageParameters(rig.host, 20, SAMPLE_NEW_PARAMETERS);
    const commit = await rig.host.exchange(again.nextSeq, Command.COMMIT);
    expect(commit.final.rc).toBe(ResultCode.OK);
    rig.simulator.powerLoss();
    await waitUp(rig);
    expect(rig.simulator.snapshot()).toMatchObject({ activeSlot: 'B', activeDigestHex: SAMPLE_NEW_DIGEST_HEX, previousSlotPresent: true });
    expect(readStateFile(statePath).activeSlot).toBe('B');
  });

  it('power loss forgets the duplicate memory and is silent for the downtime', async () => {
    rig = startRig({ processing: { rebootMs: 200 } });
    await rig.host.exchange(3, Command.ROLLBACK);
    rig.simulator.powerLoss();
    expect(rig.simulator.snapshot().up).toBe(false);
    await rig.host.write([0x05]);
    expect(await rig.host.collectFor(100)).toEqual([]);
    await waitUp(rig);
    await rig.host.exchange(3, Command.ROLLBACK);
    expect(rig.events.filter((e) => e.type === 'command' && e.command === 'ROLLBACK')).toHaveLength(2);
  });

  it('refuses a damaged or foreign state file with a message naming the problem', () => {
    const dir = tempDir();
    const notJson = join(dir, 'a.json');
    writeFileSync(notJson, '{ nope');
    expect(() => createSimulator({ statePath: notJson })).toThrow(/cannot be read as JSON/);
    const foreign = join(dir, 'b.json');
    writeFileSync(foreign, JSON.stringify({ hello: 1 }));
    expect(() => createSimulator({ statePath: foreign })).toThrow(/not a simulator state file/);
    const badTid = join(dir, 'c.json');
    const state = defaultSimulatorState();
    state.slots.A!['A001'] = 'short';
    writeFileSync(badTid, JSON.stringify({ format: STATE_FILE_FORMAT, version: 1, state }));
    expect(() => createSimulator({ statePath: badTid })).toThrow(/slot A: A001 TID must be 8 letters or digits/);
    const badStan = join(dir, 'd.json');
    writeFileSync(badStan, JSON.stringify({ format: STATE_FILE_FORMAT, version: 1, state: { ...defaultSimulatorState(), stan: -1 } }));
    expect(() => createSimulator({ statePath: badStan })).toThrow(/stan/);
  });
});
