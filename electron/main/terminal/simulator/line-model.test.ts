// The line model on simulated time: every wire time is an exact figure on the clock the paced line
// and the simulator were given, so the claims hold on a loaded machine too.
import { afterEach, describe, expect, it } from 'vitest';
import { Command, decimalTlv, encodeFrame, encodeRequest, Tag } from '../../../../shared/rtp';
import { startRig } from '../../../../tests/integration/simulator/harness';
import type { Rig } from '../../../../tests/integration/simulator/harness';
import { SimulatedClock } from '../../../../tests/support/simulated-clock';
import { createMemoryPortPair } from '../port/memory-port';
import { byteTimeMs, lineLimitMs, wireTimeMs } from './line-model';
import { PacedLine } from './paced-line';

let rig: Rig | undefined;
let clock = new SimulatedClock();
afterEach(async () => {
  await rig?.close();
  rig = undefined;
  clock.stop();
  clock = new SimulatedClock();
});

describe('line model arithmetic', () => {
  it('charges 10 bits a byte and one turnaround per exchange', () => {
    const line = { baudRate: 9600, turnaroundMs: 5 };
    expect(byteTimeMs(line)).toBeCloseTo(1.0417, 4);
    expect(wireTimeMs(100, line)).toBeCloseTo(104.1667, 3);
    expect(lineLimitMs(100, 2, line)).toBeCloseTo(114.1667, 3);
    expect(lineLimitMs(0, 0, line)).toBe(0);
  });
});

describe('paced line', () => {
  it('takes 104 ms to put 100 bytes on a 9600 baud line, in several chunks', async () => {
    const pair = createMemoryPortPair('paced', clock);
    const chunks: Array<{ at: number; length: number }> = [];
    pair.host.onData((bytes) => chunks.push({ at: clock.monoMs(), length: bytes.length }));
    const line = new PacedLine(pair.terminal, { baudRate: 9600, turnaroundMs: 0 }, () => undefined, 100, clock);
    const start = clock.monoMs();
    expect(await line.send(new Uint8Array(100))).toBe('sent');
    const sentAt = clock.monoMs();
    await clock.sleep(5);
    const last = chunks.at(-1)!;
    expect(chunks.reduce((sum, c) => sum + c.length, 0)).toBe(100);
    expect(chunks.length).toBeGreaterThan(5);
    // 10 bits a byte at 9600 baud: the last chunk arrives, and send() resolves, at 104.17 ms.
    expect(last.at - start).toBeCloseTo(wireTimeMs(100, { baudRate: 9600, turnaroundMs: 0 }), 6);
    expect(sentAt - start).toBeCloseTo(wireTimeMs(100, { baudRate: 9600, turnaroundMs: 0 }), 6);
    await pair.host.close();
  });

  it('hands on incoming bytes only once their wire time is over', async () => {
    const pair = createMemoryPortPair('paced', clock);
    const got: number[] = [];
    const line = new PacedLine(pair.terminal, { baudRate: 9600, turnaroundMs: 0 }, () => got.push(clock.monoMs()), 100, clock);
    pair.terminal.onData((bytes) => line.receive(bytes));
    const start = clock.monoMs();
    await pair.host.write(new Uint8Array(100));
    await clock.sleep(200);
    expect(got.length).toBeGreaterThan(1);
    // The memory line hands all 100 bytes over at once; the model releases the last at its wire time.
    expect(got.at(-1)! - start).toBeCloseTo(wireTimeMs(100, { baudRate: 9600, turnaroundMs: 0 }), 6);
    line.reset();
    await pair.host.close();
  });

  it('cuts a transmission short on reset', async () => {
    const pair = createMemoryPortPair('paced', clock);
    let received = 0;
    pair.host.onData((bytes) => (received += bytes.length));
    const line = new PacedLine(pair.terminal, { baudRate: 9600, turnaroundMs: 0 }, () => undefined, 100, clock);
    const sending = line.send(new Uint8Array(200));
    await clock.sleep(50);
    line.reset();
    expect(await sending).toBe('cancelled');
    await clock.sleep(250);
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(200);
    await pair.host.close();
  });
});

describe('the simulator over the line model', () => {
  it('answers a 100-byte request no sooner than its wire time plus a turnaround, and the response after another turnaround', async () => {
    const line = { baudRate: 9600, turnaroundMs: 20 };
    rig = startRig({ line, clock });
    // PUT_STAGE without a stage: a 100-byte frame, answered 04 without any processing time.
    const chunk = new Uint8Array(86); // frame 5 + SEQ/CMD 2 + F061 4 + F062 3 + 86 = 100 bytes
    const request = encodeFrame(encodeRequest({ seq: 1, cmd: Command.PUT_STAGE, tlvs: [decimalTlv(Tag.F061, 0), { tag: Tag.F062, value: chunk }] }));
    expect(request.length).toBe(100);
    const start = clock.monoMs();
    await rig.host.write(request);
    const ackAt = await rig.host.expectControl(0x06);
    const response = await rig.host.next();
    if (response.kind !== 'frame') throw new Error('expected a frame');
    const responseLength = response.body.length + 5;
    expect(ackAt - start).toBeCloseTo(lineLimitMs(101, 1, line), 6);
    expect(response.atMs - start).toBeCloseTo(lineLimitMs(101 + responseLength, 2, line), 6);
  });

  it('makes a run of commands take about the line limit: all bytes both ways plus a turnaround per exchange', async () => {
    const line = { baudRate: 19200, turnaroundMs: 4 };
    rig = startRig({ line, clock });
    const start = clock.monoMs();
    for (let seq = 1; seq <= 6; seq++) await rig.host.exchange(seq, seq % 2 === 0 ? Command.GET_BATCH : Command.HELLO);
    const elapsed = clock.monoMs() - start;
    // Everything the measured span carried: requests, ACKs both ways, responses (the last host ACK comes after it).
    const received = rig.host.received.reduce((sum, r) => sum + (r.kind === 'frame' ? r.body.length + 5 : 1), 0);
    const sent = rig.host.sent.reduce((sum, s) => sum + s.bytes.length, 0) - 1;
    const limit = lineLimitMs(received + sent, 12, line);
    expect(elapsed).toBeCloseTo(limit, 6);
  });

  it('adds no delay at all without a line model', async () => {
    rig = startRig({ clock });
    const start = clock.monoMs();
    for (let seq = 1; seq <= 20; seq++) await rig.host.exchange(seq, Command.HELLO);
    expect(rig.host.received.filter((r) => r.kind === 'frame')).toHaveLength(20);
    expect(clock.monoMs() - start).toBe(0);
  });
});
