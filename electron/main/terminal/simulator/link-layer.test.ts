// The simulator's link layer. Receiving and sending run on simulated time (SimulatedClock), so
// each timer is checked as an exact figure; the duplicate rules, which have no timing claims and
// watch the terminal reboot, run on the process's clock.
import { afterEach, describe, expect, it } from 'vitest';
import { Command, encodeFrame, encodeRequest, ResultCode } from '../../../../shared/rtp';
import { SAMPLE_NEW_PARAMETERS } from '../../../../tests/fixtures/rtp-vectors';
import { FAST_TIMING, startRig, stageParameters, tlvMap } from '../../../../tests/integration/simulator/harness';
import type { Rig } from '../../../../tests/integration/simulator/harness';
import { describe as describeItem } from '../../../../tests/integration/simulator/raw-host';
import { SimulatedClock } from '../../../../tests/support/simulated-clock';
import { protocolTiming } from '../link/link-timing';

const ACK = 0x06;
const NAK = 0x15;
const EOT = 0x04;
const ENQ = 0x05;
const T1 = FAST_TIMING.t1Ms;

let rig: Rig | undefined;
let clock = new SimulatedClock();
afterEach(async () => {
  await rig?.close();
  rig = undefined;
  clock.stop();
  clock = new SimulatedClock();
});

const frame = (seq: number, cmd: number) => encodeFrame(encodeRequest({ seq, cmd, tlvs: [] }));

describe('receiving frames (PROTOCOL.md §1), at the protocol timers', () => {
  it('NAKs a bad LRC at once', async () => {
    rig = startRig({ timing: protocolTiming, clock });
    const bad = frame(1, Command.HELLO);
    bad[bad.length - 1] = bad.at(-1)! ^ 0xff;
    const sentAt = clock.monoMs();
    await rig.host.write(bad);
    const at = await rig.host.expectControl(NAK);
    // At once: no timer between the last byte and the NAK.
    expect(at - sentAt).toBe(0);
  });

  it('after LEN over maxBody, discards input until 100 ms of quiet, then NAKs', async () => {
    rig = startRig({ timing: protocolTiming, clock });
    await rig.host.write([0x02, 0x04, 0x01, 0x01, 0x01]);
    await clock.sleep(50);
    const lastAt = clock.monoMs();
    await rig.host.write(frame(1, Command.HELLO)); // swallowed by the discard
    const at = await rig.host.expectControl(NAK);
    // 100 ms of quiet after the last byte (the decoder acts a millisecond past its deadline).
    expect(at - lastAt).toBe(protocolTiming.quietMs + 1);
    expect(await rig.host.collectFor(150)).toEqual([]);
  });

  it('after a wrong byte where ETX belongs, waits for quiet, then NAKs', async () => {
    rig = startRig({ timing: protocolTiming, clock });
    const sentAt = clock.monoMs();
    await rig.host.write([0x02, 0x00, 0x02, 0x01, 0x01, 0xff, 0x01]);
    const at = await rig.host.expectControl(NAK);
    expect(at - sentAt).toBe(protocolTiming.quietMs + 1);
  });

  it('drops a stalled frame without an answer and then serves the next one', async () => {
    rig = startRig({ timing: protocolTiming, clock });
    await rig.host.write([0x02, 0x00, 0x02, 0x01]);
    expect(await rig.host.collectFor(250)).toEqual([]);
    expect(rig.events.some((e) => e.type === 'link' && e.what === 'stalled')).toBe(true);
    expect((await rig.host.exchange(2, Command.HELLO)).final.rc).toBe(ResultCode.OK);
  });

  it('skips noise before STX', async () => {
    rig = startRig({ timing: protocolTiming, clock });
    await rig.host.write([0xff, 0x00, 0x41, ...frame(1, Command.HELLO)]);
    await rig.host.expectControl(ACK);
    expect((await rig.host.expectResponse()).rc).toBe(ResultCode.OK);
    expect(rig.events.some((e) => e.type === 'link' && e.what === 'noise' && e.message.startsWith('3 '))).toBe(true);
  });

  it('waits T1 = 1000 ms for the ACK of its response, sends it 3 times in all, then EOT', async () => {
    rig = startRig({ timing: protocolTiming, clock }, { autoAck: false });
    await rig.host.write(frame(1, Command.HELLO));
    await rig.host.expectControl(ACK);
    const times = [(await rig.host.expectResponse()).atMs, (await rig.host.expectResponse(1500)).atMs, (await rig.host.expectResponse(1500)).atMs];
    const eotAt = await rig.host.expectControl(EOT, 1500);
    const gaps = [times[1]! - times[0]!, times[2]! - times[1]!, eotAt - times[2]!];
    expect(gaps).toEqual([protocolTiming.t1Ms, protocolTiming.t1Ms, protocolTiming.t1Ms]);
  });
});

describe('sending responses', () => {
  it('sends an un-ACKed response again after T1, up to 3 transmissions, then EOT and nothing more', async () => {
    rig = startRig({ clock }, { autoAck: false });
    await rig.host.write(frame(1, Command.HELLO));
    await rig.host.expectControl(ACK);
    const first = await rig.host.expectResponse();
    const second = await rig.host.expectResponse();
    const third = await rig.host.expectResponse();
    expect([second.seq, third.seq]).toEqual([first.seq, first.seq]);
    expect(second.atMs - first.atMs).toBe(T1);
    expect(third.atMs - second.atMs).toBe(T1);
    await rig.host.expectControl(EOT);
    expect(await rig.host.collectFor(3 * T1)).toEqual([]);
  });

  it('sends the response again at once on NAK', async () => {
    rig = startRig({ clock }, { autoAck: false });
    await rig.host.write(frame(1, Command.HELLO));
    await rig.host.expectControl(ACK);
    const first = await rig.host.expectResponse();
    await rig.host.write([NAK]);
    const second = await rig.host.expectResponse();
    // At once, not at the end of T1.
    expect(second.atMs - first.atMs).toBe(0);
    await rig.host.write([ACK]);
    expect(await rig.host.collectFor(2 * T1)).toEqual([]);
  });

  it('stops sending when the host ACKs', async () => {
    rig = startRig({ clock }, { autoAck: false });
    await rig.host.write(frame(1, Command.HELLO));
    await rig.host.expectControl(ACK);
    await rig.host.expectResponse();
    await rig.host.write([ACK]);
    expect(await rig.host.collectFor(2 * T1)).toEqual([]);
  });

  for (const [what, bytes] of [
    ['ENQ', [ENQ]],
    ['EOT', [EOT]],
  ] as const) {
    it(`drops the response when the host sends ${what} instead of ACK`, async () => {
      rig = startRig({ clock }, { autoAck: false });
      await rig.host.write(frame(1, Command.HELLO));
      await rig.host.expectControl(ACK);
      await rig.host.expectResponse();
      await rig.host.write(bytes);
      const after = (await rig.host.collectFor(3 * T1)).map(describeItem);
      expect(after).toEqual(what === 'ENQ' ? ['control 0x06'] : []);
      expect(rig.events.some((e) => e.type === 'link' && e.what === 'host-moved-on')).toBe(true);
    });
  }

  it('drops the response and handles a new frame sent instead of ACK', async () => {
    rig = startRig({ clock }, { autoAck: false });
    await rig.host.write(frame(1, Command.HELLO));
    await rig.host.expectControl(ACK);
    await rig.host.expectResponse();
    rig.host.autoAck = true;
    await rig.host.write(frame(2, Command.GET_BATCH));
    await rig.host.expectControl(ACK);
    const batch = await rig.host.expectResponse();
    expect(batch).toMatchObject({ seq: 2, cmd: Command.GET_BATCH });
    expect(await rig.host.collectFor(3 * T1)).toEqual([]);
  });

  it('calls off a retransmission still in its turnaround when the host moves on', async () => {
    rig = startRig({ line: { baudRate: 115200, turnaroundMs: 60 }, clock }, { autoAck: false });
    await rig.host.write(frame(1, Command.HELLO));
    await rig.host.expectControl(ACK);
    const first = await rig.host.expectResponse();
    // T1 runs out 100 ms after the frame; the retransmission then waits 60 ms of turnaround.
    await clock.sleep(first.atMs + T1 + 20 - clock.monoMs());
    await rig.host.write([ENQ]);
    expect((await rig.host.collectFor(3 * T1)).map(describeItem)).toEqual(['control 0x06']);
  });

  it('retransmits an interim response the host does not ACK, then goes on', async () => {
    rig = startRig({ processing: { settleInterims: 1, settleMs: 20 }, clock }, { autoAck: false });
    await rig.host.write(frame(1, Command.SETTLE));
    await rig.host.expectControl(ACK);
    const interim = await rig.host.expectResponse();
    expect(interim.rc).toBe(0x7f);
    const again = await rig.host.expectResponse();
    expect(again.rc).toBe(0x7f);
    expect(again.atMs - interim.atMs).toBe(T1);
    await rig.host.write([ACK]);
    rig.host.autoAck = true;
    expect((await rig.host.expectResponse()).rc).toBe(ResultCode.OK);
  });
});

describe('duplicate requests (PROTOCOL.md §2)', () => {
  it('runs COMMIT once: the repeated request gets ACK and the stored response', async () => {
    rig = startRig({ initialState: { journal: [] } }, { autoAck: false });
    rig.host.autoAck = true;
    const staged = await stageParameters(rig.host, 1, SAMPLE_NEW_PARAMETERS);
    rig.host.autoAck = false;
    const commit = frame(staged.nextSeq, Command.COMMIT);
    await rig.host.write(commit);
    await rig.host.expectControl(ACK);
    const first = await rig.host.next();
    // The host "lost" the response and repeats the request with the same SEQ.
    await rig.host.write(commit);
    await rig.host.expectControl(ACK);
    const replay = await rig.host.next();
    expect(replay.kind === 'frame' && first.kind === 'frame' && replay.body).toEqual(first.kind === 'frame' ? first.body : undefined);
    await rig.host.write([ACK]);
    const commits = rig.events.filter((e) => e.type === 'command' && e.command === 'COMMIT');
    expect(commits).toHaveLength(1);
    expect(rig.events.filter((e) => e.type === 'lifecycle' && e.what === 'slot-flipped')).toHaveLength(1);
    expect(rig.simulator.snapshot()).toMatchObject({ activeSlot: 'B', previousSlotPresent: true });
  });

  it('runs SETTLE once and replays only its final response, not the interims', async () => {
    rig = startRig();
    const first = await rig.host.exchange(7, Command.SETTLE);
    expect(first.interims.length).toBe(4);
    const replay = await rig.host.exchange(7, Command.SETTLE);
    expect(replay.interims).toEqual([]);
    expect(tlvMap(replay.final)).toEqual(tlvMap(first.final));
    expect(rig.simulator.snapshot().batch.batchNumber).toBe('000013');
    expect(rig.simulator.snapshot().params['A009']).toBe('000124');
    // A new SEQ is a new request: it runs again (an empty batch can be settled).
    const next = await rig.host.exchange(8, Command.SETTLE);
    expect(tlvMap(next.final)).toMatchObject({ F011: '0' });
    expect(rig.simulator.snapshot().batch.batchNumber).toBe('000014');
  });

  it('counts an error answer as executed', async () => {
    rig = startRig();
    const first = await rig.host.exchange(3, Command.ROLLBACK);
    expect(first.final.rc).toBe(ResultCode.WRONG_STATE);
    const again = await rig.host.exchange(3, Command.ROLLBACK);
    expect(again.final.rc).toBe(ResultCode.WRONG_STATE);
    expect(rig.events.filter((e) => e.type === 'link' && e.what === 'duplicate-replayed')).toHaveLength(1);
  });

  it('forgets the last request on REBOOT: the same REBOOT runs again', async () => {
    rig = startRig({ processing: { rebootMs: 50 } });
    await rig.host.exchange(6, Command.REBOOT);
    await expect.poll(() => rig!.simulator.snapshot().up).toBe(false);
    await expect.poll(() => rig!.simulator.snapshot().up).toBe(true);
    await rig.host.exchange(6, Command.REBOOT);
    await expect.poll(() => rig!.events.filter((e) => e.type === 'lifecycle' && e.what === 'rebooting').length).toBe(2);
    expect(rig.events.some((e) => e.type === 'link' && e.what === 'duplicate-replayed')).toBe(false);
  });

  it('ACKs a repeat of the request still running and answers it once', async () => {
    rig = startRig({ processing: { settleMs: 150, settleInterims: 0 } });
    await rig.host.write(frame(1, Command.SETTLE));
    await rig.host.expectControl(ACK);
    await rig.host.write(frame(1, Command.SETTLE));
    await rig.host.expectControl(ACK);
    expect((await rig.host.expectResponse()).rc).toBe(ResultCode.OK);
    expect(await rig.host.collectFor(2 * T1)).toEqual([]);
  });

  it('answers another request with RC 07 busy while a command runs', async () => {
    rig = startRig({ processing: { settleMs: 150, settleInterims: 0 } });
    await rig.host.write(frame(1, Command.SETTLE));
    await rig.host.expectControl(ACK);
    await rig.host.write(frame(2, Command.HELLO));
    await rig.host.expectControl(ACK);
    expect(await rig.host.expectResponse()).toMatchObject({ seq: 2, cmd: Command.HELLO, rc: ResultCode.BUSY });
    expect(await rig.host.expectResponse()).toMatchObject({ seq: 1, cmd: Command.SETTLE, rc: ResultCode.OK });
    // Busy is not remembered: the same HELLO now runs.
    expect((await rig.host.exchange(2, Command.HELLO)).final.rc).toBe(ResultCode.OK);
  });
});
