import { afterEach, describe, expect, it } from 'vitest';
import { Command, encodeFrame, encodeRequest, ResultCode } from '../../../../shared/rtp';
import { SAMPLE_NEW_PARAMETERS } from '../../../../tests/fixtures/rtp-vectors';
import { FAST_TIMING, stageParameters, startRig } from '../../../../tests/integration/simulator/harness';
import type { Rig } from '../../../../tests/integration/simulator/harness';
import { describe as describeItem } from '../../../../tests/integration/simulator/raw-host';
import { parseFaultSpec } from './fault-spec';
import { FaultInjector } from './fault-injector';
import { createPrng } from './prng';

const T1 = FAST_TIMING.t1Ms;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = (seq: number, cmd: number) => encodeFrame(encodeRequest({ seq, cmd, tlvs: [] }));

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('fault spec', () => {
  it('parses the documented example', () => {
    expect(parseFaultSpec('seed=7,nak:2@PUT_STAGE,drop-ack@COMMIT,corrupt:0.01')).toEqual({
      seed: 7,
      rules: [
        { kind: 'nak', command: Command.PUT_STAGE, times: 2 },
        { kind: 'drop-ack', command: Command.COMMIT },
        { kind: 'corrupt', probability: 0.01 },
      ],
    });
  });

  it('parses occurrences, command codes, case and spaces, and pins power-loss to COMMIT', () => {
    expect(parseFaultSpec(' late-response@settle#2 , drop-frame:3@0x03#4, power-loss, reboot@SIGN_ON ')).toEqual({
      rules: [
        { kind: 'late-response', command: Command.SETTLE, occurrence: 2 },
        { kind: 'drop-frame', command: Command.GET_PARAMS, occurrence: 4, times: 3 },
        { kind: 'power-loss', command: Command.COMMIT },
        { kind: 'reboot', command: Command.SIGN_ON },
      ],
    });
    expect(parseFaultSpec('')).toEqual({ rules: [] });
    expect(parseFaultSpec('disconnect:1.0')).toEqual({ rules: [{ kind: 'disconnect', probability: 1 }] });
  });

  it('names the bad part in its errors', () => {
    expect(() => parseFaultSpec('nak:2,explode')).toThrow(/item 2 "explode".*not a fault; use one of corrupt, drop-frame/);
    expect(() => parseFaultSpec('nak:x')).toThrow(/"x" is neither a count .* nor a probability/);
    expect(() => parseFaultSpec('nak:0')).toThrow(/"0" is neither a count/);
    expect(() => parseFaultSpec('corrupt:1.5')).toThrow(/"1.5" is neither/);
    expect(() => parseFaultSpec('drop-ack@LAUNCH')).toThrow(/"LAUNCH" is not a command/);
    expect(() => parseFaultSpec('power-loss@HELLO')).toThrow(/COMMIT only/);
    expect(() => parseFaultSpec('corrupt:0.5#2')).toThrow(/probabilistic fault fires at any occurrence/);
    expect(() => parseFaultSpec('nak#0')).toThrow(/"#0" must be an occurrence number/);
    expect(() => parseFaultSpec('nak,,nak')).toThrow(/item 2 "" is empty/);
    expect(() => parseFaultSpec('seed=1,seed=2')).toThrow(/seed is given twice/);
    expect(() => parseFaultSpec('seed=-3')).toThrow(/seed must be a whole number/);
  });

  it('fires by occurrence and count, and draws probabilities from the seed', () => {
    const injector = new FaultInjector(parseFaultSpec('nak:2@HELLO#2'));
    expect([1, 2, 3, 4, 5].map(() => injector.take('nak', Command.HELLO))).toEqual([false, true, true, false, false]);
    expect(injector.take('nak', Command.COMMIT)).toBe(false);
    const draw = (seed: number) => {
      const i = new FaultInjector(parseFaultSpec(`seed=${seed},corrupt:0.5`));
      return Array.from({ length: 32 }, () => i.take('corrupt', 1));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).filter(Boolean).length).toBeGreaterThan(4);
  });

  it('mulberry32 repeats for a seed and stays in [0, 1)', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const values = Array.from({ length: 1000 }, () => a.next());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(1000);
  });
});

describe('each fault is observable on the wire and in the events', () => {
  it('corrupt: the host gets a damaged response, NAKs it, and gets a good copy', async () => {
    rig = startRig({ faults: 'seed=3,corrupt@HELLO' });
    await rig.host.write(frame(1, Command.HELLO));
    await rig.host.expectControl(0x06);
    const items: string[] = [];
    for (;;) {
      const item = await rig.host.next(3 * T1);
      items.push(describeItem(item));
      if (item.kind === 'frame') break;
    }
    expect(items.at(-1)).toBe('response seq=1 cmd=0x1 rc=0x0');
    expect(rig.faults()).toEqual(['corrupt']);
    expect(rig.events.some((e) => e.type === 'link' && e.what === 'retransmit')).toBe(true);
  });

  it('drop-frame: the response is lost, so it arrives only after T1, as the retransmission', async () => {
    rig = startRig({ faults: 'drop-frame:2@HELLO' });
    const exchange = await rig.host.exchange(1, Command.HELLO);
    expect(exchange.final.rc).toBe(ResultCode.OK);
    expect(exchange.elapsedMs).toBeGreaterThanOrEqual(2 * T1 - 5);
    expect(rig.faults()).toEqual(['drop-frame', 'drop-frame']);
  });

  it('drop-ack: no ACK, but the response still comes', async () => {
    rig = startRig({ faults: 'drop-ack@HELLO#2' });
    await rig.host.exchange(1, Command.HELLO);
    await rig.host.write(frame(2, Command.HELLO));
    const first = await rig.host.next();
    expect(describeItem(first)).toBe('response seq=2 cmd=0x1 rc=0x0');
    expect(rig.faults()).toEqual(['drop-ack']);
  });

  it('nak:n: the next n frames are NAKed, then the same frame is ACKed', async () => {
    rig = startRig({ faults: 'nak:2@HELLO' });
    await rig.host.write(frame(1, Command.HELLO));
    await rig.host.expectControl(0x15);
    await rig.host.write(frame(1, Command.HELLO));
    await rig.host.expectControl(0x15);
    expect((await rig.host.exchange(1, Command.HELLO)).final.rc).toBe(ResultCode.OK);
    expect(rig.faults()).toEqual(['nak', 'nak']);
  });

  it('late-ack: the ACK comes after T1', async () => {
    rig = startRig({ faults: 'late-ack@HELLO' });
    const exchange = await rig.host.exchange(1, Command.HELLO);
    expect(exchange.ackAfterMs).toBeGreaterThanOrEqual(1.25 * T1 - 5);
    expect(rig.faults()).toEqual(['late-ack']);
  });

  it('late-response: the response comes after T2', async () => {
    rig = startRig({ faults: 'late-response@HELLO' });
    const exchange = await rig.host.exchange(1, Command.HELLO, [], 2000);
    expect(exchange.elapsedMs - exchange.ackAfterMs).toBeGreaterThanOrEqual(FAST_TIMING.t2DefaultMs);
    expect(rig.faults()).toEqual(['late-response']);
  });

  it('disconnect: the line goes down after the ACK', async () => {
    rig = startRig({ faults: 'disconnect@GET_BATCH' });
    const lost = new Promise((resolve) => rig!.pair.host.onClose(resolve));
    await rig.host.exchange(1, Command.HELLO);
    await rig.host.sendRequest(2, Command.GET_BATCH);
    await rig.host.expectControl(0x06);
    expect(await lost).toMatchObject({ kind: 'lost' });
    expect(rig.simulator.snapshot().attached).toBe(false);
    expect(rig.faults()).toEqual(['disconnect']);
  });

  it('reboot: the terminal restarts mid-command and never answers it; nothing of the command is done', async () => {
    rig = startRig({ faults: 'reboot@SETTLE', processing: { rebootMs: 150, settleInterims: 2 } });
    await rig.host.sendRequest(1, Command.SETTLE);
    await rig.host.expectControl(0x06);
    expect((await rig.host.expectResponse()).rc).toBe(0x7f);
    expect(await rig.host.collectFor(60)).toEqual([]);
    expect(rig.simulator.snapshot().up).toBe(false);
    await expect.poll(() => rig!.simulator.snapshot().up).toBe(true);
    expect(rig.simulator.snapshot().batch.count).toBe(3);
    expect(rig.faults()).toEqual(['reboot']);
    expect((await rig.host.exchange(1, Command.SETTLE)).final.rc).toBe(ResultCode.OK);
  });

  it('power-loss strikes COMMIT before the flip (detailed in power.test.ts)', async () => {
    rig = startRig({ faults: 'power-loss', initialState: { journal: [] }, processing: { rebootMs: 100 } });
    const staged = await stageParameters(rig.host, 1, SAMPLE_NEW_PARAMETERS);
    await rig.host.sendRequest(staged.nextSeq, Command.COMMIT);
    await rig.host.expectControl(0x06);
    await sleep(50);
    expect(rig.faults()).toEqual(['power-loss']);
    expect(rig.simulator.snapshot().activeSlot).toBe('A');
  });

  it('injects the same probabilistic faults for the same seed', async () => {
    const run = async () => {
      const r = startRig({ faults: 'seed=11,corrupt:0.3,drop-ack:0.2' });
      for (let seq = 1; seq <= 8; seq++) {
        await r.host.write(frame(seq, Command.HELLO));
        // Whatever happened, wait until the good response is in.
        for (;;) {
          const item = await r.host.next(4 * T1);
          if (item.kind === 'frame' && item.response?.seq === seq) break;
        }
        await sleep(5);
      }
      const messages = r.events.filter((e) => e.type === 'fault').map((e) => e.message);
      await r.close();
      return messages;
    };
    const first = await run();
    expect(first.length).toBeGreaterThan(0);
    expect(await run()).toEqual(first);
  });
});
