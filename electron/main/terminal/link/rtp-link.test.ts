// Host-side rules of PROTOCOL.md §1-§2, each checked byte by byte against a scripted terminal on
// an in-memory line, all on simulated time (SimulatedClock): every timer claim is an equality on
// the clock the link was given, so a slow machine can neither fail nor hide one. Most tests run on
// scaled timers; the ones marked "real timers" use protocolTiming so the prescribed values are
// exercised too (at no cost in wall time).
import { afterEach, describe, expect, it } from 'vitest';
import { ACK, byteTlv, Command, encodeFrame, ENQ, EOT, NAK, ResultCode, Tag, textTlv } from '../../../../shared/rtp';
import { ScriptedTerminal, responseFrame } from '../../../../tests/integration/terminal/support/scripted-terminal';
import { SimulatedClock, settledAt } from '../../../../tests/support/simulated-clock';
import { createMemoryPortPair } from '../port/memory-port';
import type { MemoryPortPair } from '../port/memory-port';
import { LinkAborted, LinkFailure, LinkTimeout, TerminalProtocolError } from './link-errors';
import { createMemoryLogSink } from './link-log';
import type { MemoryLogSink } from './link-log';
import { commandBoundFor, protocolTiming, scaledTiming, TERMINAL_COMMAND_BUDGET_MS, TERMINAL_COMMAND_MAX_INTERIMS } from './link-timing';
import type { LinkTiming } from './link-timing';
import { RtpLink } from './rtp-link';

const fast = scaledTiming(20); // T1 50 ms, inter-byte 5 ms, T2 250 ms / 4.5 s

interface Rig {
  pair: MemoryPortPair;
  link: RtpLink;
  term: ScriptedTerminal;
  log: MemoryLogSink;
  clock: SimulatedClock;
}

const rigs: Rig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0)) {
    rig.term.stop();
    await rig.link.close();
    rig.clock.stop();
  }
});

function rig(timing: LinkTiming, initialSeq = 1, terminalMaxBody = 1024): Rig {
  const clock = new SimulatedClock();
  const pair = createMemoryPortPair('link-test', clock);
  const log = createMemoryLogSink();
  const link = new RtpLink(pair.host, { timing, log, initialSeq, clock });
  const term = new ScriptedTerminal(pair.terminal, timing, clock, terminalMaxBody);
  const r = { pair, link, term, log, clock };
  rigs.push(r);
  return r;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const HELLO_SEQ1 = Uint8Array.of(0x02, 0x00, 0x02, 0x01, 0x01, 0x03, 0x01);

describe('opening the link', () => {
  it('sends ENQ and is open once the terminal ACKs (real timers)', async () => {
    const { link, term } = rig(protocolTiming);
    const opened = link.open();
    await term.expectControl(ENQ);
    await term.ack();
    await expect(opened).resolves.toBeUndefined();
  });

  it('sends ENQ 3 times T1 apart, then EOT and LinkFailure(no-answer)', async () => {
    const { link, term, clock } = rig(fast);
    const opened = settledAt(clock, link.open());
    const times = [await term.expectControl(ENQ), await term.expectControl(ENQ), await term.expectControl(ENQ)];
    const eotAt = await term.expectControl(EOT, 500);
    const outcome = await opened;
    expect(outcome.ok).toBe(false);
    const error = !outcome.ok && outcome.error;
    expect(error).toBeInstanceOf(LinkFailure);
    expect((error as LinkFailure).reason).toBe('no-answer');
    // T1 apart exactly, and the third T1 ends in EOT and the failure at that same moment.
    expect([times[1]! - times[0]!, times[2]! - times[1]!, eotAt - times[2]!]).toEqual([fast.t1Ms, fast.t1Ms, fast.t1Ms]);
    expect(outcome.atMs).toBe(eotAt);
  });

  it('retries ENQ after a NAK and opens on the next ACK', async () => {
    const { link, term } = rig(fast);
    const opened = link.open();
    await term.expectControl(ENQ);
    await term.nak();
    await term.expectControl(ENQ);
    await term.ack();
    await expect(opened).resolves.toBeUndefined();
  });
});

describe('one exchange', () => {
  it('sends the request frame, ACKs the response and returns it (real timers)', async () => {
    const { link, term } = rig(protocolTiming);
    const answer = link.request(Command.HELLO);
    const request = await term.expectRequest();
    expect(hex(encodeFrame(request.body))).toBe(hex(HELLO_SEQ1));
    await term.ack();
    await term.respond(1, Command.HELLO, ResultCode.OK, [textTlv(Tag.F001, '1')]);
    await term.expectControl(ACK);
    const response = await answer;
    expect(response).toMatchObject({ seq: 1, cmd: Command.HELLO, rc: 0 });
    expect(Buffer.from(response.tlvs[0]!.value).toString()).toBe('1');
  });

  it('NAKs a response with a bad LRC at once and takes the good copy', async () => {
    const { link, term } = rig(fast);
    const answer = link.request(Command.GET_BATCH);
    const request = await term.expectRequest();
    await term.ack();
    const good = responseFrame(request.seq, request.cmd, ResultCode.OK);
    const bad = good.slice();
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0xff;
    await term.send(bad);
    await term.expectControl(NAK);
    await term.send(good);
    await term.expectControl(ACK);
    await expect(answer).resolves.toMatchObject({ seq: request.seq, rc: 0 });
  });

  it('NAKs a response whose LEN exceeds maxBody once the line is quiet', async () => {
    const { link, term, clock } = rig(fast);
    const answer = link.request(Command.GET_BATCH);
    const request = await term.expectRequest();
    await term.ack();
    const sent = clock.monoMs();
    await term.send([0x02, 0x04, 0x01, 0x01, 0x82, 0x00]);
    const nakAt = await term.expectControl(NAK);
    // The quiet time, plus the millisecond by which the decoder acts strictly after its deadline.
    expect(nakAt - sent).toBe(fast.quietMs + 1);
    await term.respond(request.seq, request.cmd, ResultCode.OK);
    await term.expectControl(ACK);
    await expect(answer).resolves.toMatchObject({ rc: 0 });
  });

  it('NAKs a response with a wrong byte where ETX belongs once the line is quiet', async () => {
    const { link, term } = rig(fast);
    const answer = link.request(Command.GET_BATCH);
    const request = await term.expectRequest();
    await term.ack();
    const frame = responseFrame(request.seq, request.cmd, ResultCode.OK);
    const broken = frame.slice();
    broken[broken.length - 2] = 0xff;
    await term.send(broken);
    await term.expectControl(NAK, 1000);
    await term.send(frame);
    await term.expectControl(ACK);
    await expect(answer).resolves.toMatchObject({ rc: 0 });
  });

  it('ignores an ENQ from the terminal: the host starts every conversation', async () => {
    const { link, term, log } = rig(fast);
    await term.send([ENQ]);
    await term.expectSilence(30);
    expect(log.entries().some((e) => e.kind === 'ignored' && e.text.includes('ENQ'))).toBe(true);
    const answer = link.request(Command.GET_BATCH);
    const request = await term.expectRequest();
    await term.send([ENQ]);
    await term.ack();
    await term.respond(request.seq, request.cmd, ResultCode.OK);
    await expect(answer).resolves.toMatchObject({ rc: 0 });
  });

  it('retransmits the identical frame (same SEQ) after a NAK', async () => {
    const { link, term } = rig(fast);
    const answer = link.request(Command.GET_BATCH);
    const first = await term.expectRequest();
    await term.nak();
    const second = await term.expectRequest();
    expect(hex(second.body)).toBe(hex(first.body));
    await term.ack();
    await term.respond(first.seq, first.cmd, ResultCode.OK);
    await expect(answer).resolves.toMatchObject({ rc: 0 });
  });

  it('retransmits the identical frame after T1 without an answer (real timers)', async () => {
    const { link, term } = rig(protocolTiming);
    const answer = link.request(Command.HELLO);
    const first = await term.expectRequest();
    const second = await term.expectRequest(2000);
    expect(hex(second.body)).toBe(hex(first.body));
    expect(second.at - first.at).toBe(protocolTiming.t1Ms);
    await term.ack();
    await term.respond(first.seq, first.cmd, ResultCode.OK);
    await expect(answer).resolves.toMatchObject({ rc: 0 });
  });

  it('gives up after 3 transmissions with the same SEQ: EOT, then LinkFailure(no-ack)', async () => {
    const { link, term, clock } = rig(fast);
    const started = clock.monoMs();
    const answer = settledAt(clock, link.request(Command.COMMIT));
    const requests = [await term.expectRequest(), await term.expectRequest(), await term.expectRequest()];
    expect(new Set(requests.map((r) => hex(r.body))).size).toBe(1);
    expect(requests.map((r) => r.at - started)).toEqual([0, fast.t1Ms, 2 * fast.t1Ms]);
    await term.expectControl(EOT);
    const outcome = await answer;
    expect(!outcome.ok && outcome.error).toBeInstanceOf(LinkFailure);
    expect(!outcome.ok && outcome.error).toMatchObject({ reason: 'no-ack', command: 'COMMIT' });
    // Three T1s and not a millisecond more.
    expect(outcome.atMs - started).toBe(3 * fast.t1Ms);
    await term.expectSilence(3 * fast.t1Ms);
  });

  it('takes an answer that arrives before its ACK as acknowledged (the ACK was lost)', async () => {
    const { link, term } = rig(fast);
    const answer = link.request(Command.PRINT_TEST);
    const request = await term.expectRequest();
    await term.respond(request.seq, request.cmd, ResultCode.OK, [textTlv(Tag.F070, 'line')]);
    await term.expectControl(ACK);
    await expect(answer).resolves.toMatchObject({ rc: 0 });
    expect(term.log.filter((r) => r.type === 'frame')).toHaveLength(1);
  });

  it('skips noise before STX and logs it with its bytes', async () => {
    const { link, term, log } = rig(fast);
    const answer = link.request(Command.GET_BATCH);
    const request = await term.expectRequest();
    await term.ack();
    await term.send([0xff, 0x00, 0x41]);
    await term.respond(request.seq, request.cmd, ResultCode.OK);
    await expect(answer).resolves.toMatchObject({ rc: 0 });
    const noise = log.entries().find((e) => e.kind === 'noise');
    expect(noise).toMatchObject({ direction: 'in', hex: 'FF 00 41' });
  });

  it('drops a stalled response frame without an answer and takes the full one after', async () => {
    const { link, term, log } = rig(fast);
    const answer = link.request(Command.GET_BATCH);
    const request = await term.expectRequest();
    await term.ack();
    const frame = responseFrame(request.seq, request.cmd, ResultCode.OK);
    await term.send(frame.subarray(0, 5));
    await term.expectSilence(fast.interByteMs * 6);
    expect(log.entries().some((e) => e.kind === 'stalled' && e.hex === hex(frame.subarray(0, 5)).toUpperCase().replace(/(..)(?!$)/g, '$1 '))).toBe(true);
    await term.send(frame);
    await term.expectControl(ACK);
    await expect(answer).resolves.toMatchObject({ rc: 0 });
  });

  it('fails with LinkFailure(terminal-gave-up) when the terminal sends EOT instead of its answer', async () => {
    const { link, term } = rig(protocolTiming);
    const answer = link.request(Command.GET_BATCH).catch((e: unknown) => e);
    await term.expectRequest();
    await term.ack();
    await term.eot();
    const error = await answer;
    expect(error).toBeInstanceOf(LinkFailure);
    expect((error as LinkFailure).reason).toBe('terminal-gave-up');
  });

  it('refuses a matching answer whose TLVs cannot be decoded with TerminalProtocolError', async () => {
    const { link, term } = rig(fast);
    const answer = link.request(Command.HELLO).catch((e: unknown) => e);
    const request = await term.expectRequest();
    await term.ack();
    await term.send(encodeFrame(Uint8Array.of(request.seq, 0x81, 0x00, 0xf0, 0x01, 0x05, 0x31)));
    await term.expectControl(ACK);
    expect(await answer).toBeInstanceOf(TerminalProtocolError);
    await term.expectControl(EOT);
  });
});

describe('T2 and interim answers', () => {
  it('times out HELLO after the default T2 and sends EOT', async () => {
    const { link, term, clock } = rig(fast);
    const answer = settledAt(clock, link.request(Command.HELLO));
    await term.expectRequest();
    const ackedAt = clock.monoMs();
    await term.ack();
    const eotAt = await term.expectControl(EOT, fast.t2DefaultMs + 1000);
    const outcome = await answer;
    expect(!outcome.ok && outcome.error).toBeInstanceOf(LinkTimeout);
    expect(!outcome.ok && outcome.error).toMatchObject({ command: 'HELLO', timeoutMs: fast.t2DefaultMs });
    // T2 runs from the ACK: it fails, and sends EOT, exactly T2 later.
    expect([outcome.atMs - ackedAt, eotAt - ackedAt]).toEqual([fast.t2DefaultMs, fast.t2DefaultMs]);
  });

  it.each([
    ['SETTLE', Command.SETTLE],
    ['SIGN_ON', Command.SIGN_ON],
    ['ECHO_TEST', Command.ECHO_TEST],
  ])('waits the long T2 for %s', async (_name, cmd) => {
    const timing = { ...fast, t2LongMs: 600 };
    const { link, term, clock } = rig(timing);
    const answer = link.request(cmd);
    const request = await term.expectRequest();
    await term.ack();
    // Longer than the default T2, shorter than the long one.
    await clock.sleep(timing.t2DefaultMs + 150);
    await term.respond(request.seq, request.cmd, ResultCode.OK);
    await expect(answer).resolves.toMatchObject({ rc: 0 });
  });

  it('restarts T2 on each interim RC 7F and reports its progress', async () => {
    const timing = { ...fast, t2LongMs: 150 };
    const { link, term, clock } = rig(timing);
    const progress: number[] = [];
    const answer = link.request(Command.SETTLE, [], { onProgress: (p) => progress.push(p) });
    const request = await term.expectRequest();
    await term.ack();
    // Five interims 100 ms apart: 500 ms in all, far past one T2 of 150 ms.
    for (const percent of [10, 30, 50, 70, 90]) {
      await clock.sleep(100);
      await term.respond(request.seq, request.cmd, ResultCode.IN_PROGRESS, [byteTlv(Tag.F010, percent)]);
      await term.expectControl(ACK);
    }
    await term.respond(request.seq, request.cmd, ResultCode.OK, [textTlv(Tag.F015, '1')]);
    await term.expectControl(ACK);
    await expect(answer).resolves.toMatchObject({ rc: 0 });
    expect(progress).toEqual([10, 30, 50, 70, 90]);
  });

  it('still times out when interim answers stop', async () => {
    const timing = { ...fast, t2LongMs: 150 };
    const { link, term, clock } = rig(timing);
    const answer = settledAt(clock, link.request(Command.SETTLE));
    const request = await term.expectRequest();
    await term.ack();
    const interimAt = clock.monoMs();
    await term.respond(request.seq, request.cmd, ResultCode.IN_PROGRESS, [byteTlv(Tag.F010, 5)]);
    const outcome = await answer;
    expect(!outcome.ok && outcome.error).toBeInstanceOf(LinkTimeout);
    // One full T2 after the last interim, which restarted it.
    expect(outcome.atMs - interimAt).toBe(timing.t2LongMs);
  });
});

/**
 * Plays a terminal that answers "in progress" forever: an interim RC 7F every `intervalMs`, each
 * ACKed by the host, until the host sends EOT. Returns how many interims it sent by then; throws
 * once it has sent `giveUpAfter` without the host ever giving up (the hang this guards against).
 */
async function inProgressForever(term: ScriptedTerminal, seq: number, cmd: number, intervalMs: number, giveUpAfter = 50): Promise<number> {
  let sent = 0;
  for (;;) {
    if (sent >= giveUpAfter) throw new Error(`the host ACKed ${sent} "in progress" answers and never gave up`);
    const heard = await term.next(intervalMs).catch(() => undefined);
    if (heard?.type === 'control' && heard.byte === EOT) return sent;
    if (heard !== undefined) throw new Error(`expected silence or EOT, got ${heard.type}`);
    await term.respond(seq, cmd, ResultCode.IN_PROGRESS, [byteTlv(Tag.F010, sent % 100)]);
    sent++;
    await term.expectControl(ACK);
  }
}

describe('bounds on "in progress" (RC 7F forever)', () => {
  it('names a bound per kind of command: minutes for SETTLE, SIGN_ON and ECHO_TEST, seconds for HELLO and reads', () => {
    const settle = commandBoundFor(protocolTiming, Command.SETTLE);
    const signOn = commandBoundFor(protocolTiming, Command.SIGN_ON);
    expect(commandBoundFor(protocolTiming, Command.ECHO_TEST)).toEqual(signOn);
    for (const cmd of [Command.HELLO, Command.GET_BATCH, Command.GET_PARAMS, Command.EXPORT_JOURNAL, Command.COMMIT, Command.PRINT_TEST]) {
      const bound = commandBoundFor(protocolTiming, cmd);
      // Configuration, not a measurement: HELLO, reads and staging get the short bound exactly.
      expect(bound).toEqual({ budgetMs: TERMINAL_COMMAND_BUDGET_MS, maxInterims: TERMINAL_COMMAND_MAX_INTERIMS });
    }
    // Seconds, not minutes: 30 s and 10 interims, as docs/protocol.md §7.18 says.
    expect([TERMINAL_COMMAND_BUDGET_MS, TERMINAL_COMMAND_MAX_INTERIMS]).toEqual([30_000, 10]);
    // Each interim restarts the 90 s T2, so the budget must leave room for several full T2s.
    expect(settle.budgetMs).toBeGreaterThanOrEqual(5 * protocolTiming.t2LongMs);
    expect(signOn.budgetMs).toBeGreaterThanOrEqual(3 * protocolTiming.t2LongMs);
    expect(settle.maxInterims).toBeGreaterThan(100);
  });

  it.each([
    ['HELLO', Command.HELLO],
    ['GET_PARAMS', Command.GET_PARAMS],
    ['SETTLE', Command.SETTLE],
    ['SIGN_ON', Command.SIGN_ON],
  ])('ends %s after its last allowed interim with LinkTimeout(too-many-interims) and EOT', async (name, cmd) => {
    const timing = { ...fast, commandBounds: { settle: { maxInterims: 6, budgetMs: 60_000 }, 'host-test': { maxInterims: 5, budgetMs: 60_000 }, terminal: { maxInterims: 3, budgetMs: 60_000 } } };
    const { link, term } = rig(timing);
    const answer = link.request(cmd).catch((e: unknown) => e);
    const request = await term.expectRequest();
    await term.ack();
    const sent = await inProgressForever(term, request.seq, request.cmd, 20);
    const allowed = commandBoundFor(timing, cmd).maxInterims;
    // Counting, not timing: the interim after the last allowed one is ACKed, then EOT.
    expect(sent).toBe(allowed + 1);
    const error = await answer;
    expect(error).toBeInstanceOf(LinkTimeout);
    expect(error).toMatchObject({ command: name, reason: 'too-many-interims', interims: allowed + 1 });
    expect((error as LinkTimeout).message).toMatch(/in progress.*EOT was sent.*restart it/);
  });

  it('ends a command whose interims keep T2 alive once its total time is spent: LinkTimeout(over-budget)', async () => {
    const budgetMs = 600;
    const timing = { ...fast, commandBounds: { ...fast.commandBounds, settle: { maxInterims: 1000, budgetMs } } };
    const { link, term, clock } = rig(timing);
    const answer = settledAt(clock, link.request(Command.SETTLE));
    const request = await term.expectRequest();
    await term.ack();
    const ackedAt = clock.monoMs();
    // Every 110 ms, well inside T2: without the budget this would never end. (110, not 100: an
    // interim due at the very moment the budget ends would make the test about a tie.)
    const sent = await inProgressForever(term, request.seq, request.cmd, 110);
    const outcome = await answer;
    const error = !outcome.ok && outcome.error;
    expect(error).toMatchObject({ command: 'SETTLE', reason: 'over-budget', timeoutMs: budgetMs });
    expect((error as LinkTimeout).interims).toBe(sent);
    // The budget runs from the ACK and ends the command exactly then, after the 5 interims it allowed.
    expect(outcome.atMs - ackedAt).toBe(budgetMs);
    expect(sent).toBe(Math.floor(budgetMs / 110));
    // The link stays usable for the next request.
    const next = link.request(Command.HELLO);
    const hello = await term.expectRequest();
    await term.ack();
    await term.respond(hello.seq, hello.cmd, ResultCode.OK);
    await expect(next).resolves.toMatchObject({ rc: 0 });
  });

  it('cancels a command that answers "in progress" at once through its AbortSignal: LinkAborted, then EOT', async () => {
    const { link, term } = rig(fast);
    const controller = new AbortController();
    const progress: number[] = [];
    const answer = link.request(Command.SETTLE, [], { signal: controller.signal, onProgress: (p) => progress.push(p) }).catch((e: unknown) => e);
    const request = await term.expectRequest();
    await term.ack();
    await term.respond(request.seq, request.cmd, ResultCode.IN_PROGRESS, [byteTlv(Tag.F010, 40)]);
    await term.expectControl(ACK);
    controller.abort();
    const error = await answer;
    expect(error).toBeInstanceOf(LinkAborted);
    expect(error).toMatchObject({ kind: 'link-aborted', command: 'SETTLE' });
    await term.expectControl(EOT);
    expect(progress).toEqual([40]);
  });
});

describe('T2 and bytes still arriving at the deadline', () => {
  // The default inter-byte timeout and quiet time, so chunks a few ms apart never stall a frame.
  const timing = { ...fast, interByteMs: 100, quietMs: 100, t2DefaultMs: 300 };

  it('still takes an answer that began arriving before T2 ran out and ends after it', async () => {
    const { link, term, clock } = rig(timing);
    const answer = settledAt(clock, link.request(Command.GET_BATCH));
    const request = await term.expectRequest();
    await term.ack();
    const ackedAt = clock.monoMs();
    const frame = responseFrame(request.seq, request.cmd, ResultCode.OK, [textTlv(Tag.F070, 'late but in time')]);
    await clock.sleep(timing.t2DefaultMs - 40);
    await term.send(frame.subarray(0, 8));
    await clock.sleep(60);
    await term.send(frame.subarray(8, 16));
    await clock.sleep(20);
    await term.send(frame.subarray(16));
    const outcome = await answer;
    expect(outcome).toMatchObject({ ok: true, value: { rc: 0 } });
    // Taken when its last byte came, 40 ms past T2.
    expect(outcome.atMs - ackedAt).toBe(timing.t2DefaultMs + 40);
  });

  it('is not postponed by a discard in progress: a flood after LEN 9999 ends at T2, not after a frame\'s wire time', async () => {
    const { link, term, clock } = rig(timing);
    const answer = settledAt(clock, link.request(Command.GET_BATCH));
    await term.expectRequest();
    await term.ack();
    const ackedAt = clock.monoMs();
    await term.send([0x02, 0x27, 0x0f]);
    // Garbage every 10 ms, far inside the quiet time, until the host gives up (EOT).
    let chunks = 0;
    let eotAt: number;
    for (;;) {
      const heard = await term.next(10).catch(() => undefined);
      if (heard?.type === 'control' && heard.byte === EOT) {
        eotAt = heard.at;
        break;
      }
      if (chunks >= 3000) throw new Error('the host never gave up while the line was flooded');
      await term.send(new Uint8Array(32).fill(0x55));
      chunks++;
    }
    const outcome = await answer;
    expect(!outcome.ok && outcome.error).toMatchObject({ reason: 't2', timeoutMs: timing.t2DefaultMs });
    // T2 from the ACK, not a millisecond later. Before, the discard postponed T2 by the wire time
    // of a 1029-byte frame at 1200 baud (8.6 s).
    expect([outcome.atMs - ackedAt, eotAt - ackedAt]).toEqual([timing.t2DefaultMs, timing.t2DefaultMs]);
  });
});

describe('SEQ and duplicates', () => {
  it('counts SEQ up and wraps 255 to 0', async () => {
    const { link, term } = rig(fast, 255);
    for (const expected of [255, 0, 1]) {
      const answer = link.request(Command.GET_BATCH);
      const request = await term.expectRequest();
      expect(request.seq).toBe(expected);
      await term.ack();
      await term.respond(request.seq, request.cmd, ResultCode.OK);
      await term.expectControl(ACK);
      await answer;
    }
  });

  it('ACKs a resent answer (our ACK was lost) and never takes it as the next answer', async () => {
    const { link, term, log } = rig(fast);
    const first = link.request(Command.HELLO);
    const r1 = await term.expectRequest();
    await term.ack();
    const answer1 = responseFrame(r1.seq, r1.cmd, ResultCode.OK, [textTlv(Tag.F005, 'FIRST')]);
    await term.send(answer1);
    await term.expectControl(ACK);
    await first;
    // The terminal did not get that ACK: after its T1 it sends the same answer again.
    await term.send(answer1);
    await term.expectControl(ACK);
    const second = link.request(Command.HELLO);
    const r2 = await term.expectRequest();
    expect(r2.seq).toBe(r1.seq + 1);
    await term.ack();
    // And once more while the second request waits: still not its answer.
    await term.send(answer1);
    await term.expectControl(ACK);
    await term.respond(r2.seq, r2.cmd, ResultCode.OK, [textTlv(Tag.F005, 'SECOND')]);
    const response = await second;
    expect(Buffer.from(response.tlvs[0]!.value).toString()).toBe('SECOND');
    expect(log.entries().filter((e) => e.kind === 'ignored' && e.text.includes('our ACK was lost'))).toHaveLength(2);
  });

  it('ACKs and ignores an answer with another SEQ or CMD', async () => {
    const { link, term } = rig(fast);
    const answer = link.request(Command.GET_BATCH);
    const request = await term.expectRequest();
    await term.ack();
    await term.respond((request.seq + 7) & 0xff, request.cmd, ResultCode.OK);
    await term.expectControl(ACK);
    await term.respond(request.seq, Command.HELLO, ResultCode.OK);
    await term.expectControl(ACK);
    await term.respond(request.seq, request.cmd, ResultCode.BUSY);
    await expect(answer).resolves.toMatchObject({ rc: ResultCode.BUSY });
  });

  it('runs concurrent requests one after the other', async () => {
    const { link, term } = rig(fast);
    const a = link.request(Command.GET_BATCH);
    const b = link.request(Command.PRINT_TEST);
    for (let i = 0; i < 2; i++) {
      const request = await term.expectRequest();
      await term.ack();
      await term.expectSilence(20);
      await term.respond(request.seq, request.cmd, ResultCode.OK);
      await term.expectControl(ACK);
    }
    await expect(a).resolves.toMatchObject({ cmd: Command.GET_BATCH });
    await expect(b).resolves.toMatchObject({ cmd: Command.PRINT_TEST });
  });
});

describe('port loss and cancellation', () => {
  it('fails promptly with LinkFailure(port-lost) when the cable is pulled mid-exchange (real timers)', async () => {
    const { link, term, pair, clock } = rig(protocolTiming);
    const answer = settledAt(clock, link.request(Command.SETTLE));
    await term.expectRequest();
    await term.ack();
    await clock.sleep(10);
    const pulled = clock.monoMs();
    pair.unplug();
    const outcome = await answer;
    const error = !outcome.ok && outcome.error;
    expect(error).toBeInstanceOf(LinkFailure);
    expect((error as LinkFailure).reason).toBe('port-lost');
    // At the moment of the pull, not at T2's end (90 s away for SETTLE).
    expect(outcome.atMs).toBe(pulled);
    await expect(link.request(Command.HELLO)).rejects.toBeInstanceOf(LinkFailure);
  });

  it('cancels through an AbortSignal promptly, sends EOT, and stays usable (real timers)', async () => {
    const { link, term, log, clock } = rig(protocolTiming);
    const controller = new AbortController();
    const answer = settledAt(clock, link.request(Command.SETTLE, [], { signal: controller.signal }));
    const request = await term.expectRequest();
    await term.ack();
    await clock.sleep(10);
    const aborted = clock.monoMs();
    controller.abort();
    const outcome = await answer;
    expect(!outcome.ok && outcome.error).toBeInstanceOf(LinkAborted);
    // At the moment of the abort, with no timer in between.
    expect(outcome.atMs).toBe(aborted);
    await term.expectControl(EOT);
    // The abandoned answer still arrives: ACKed, ignored.
    await term.respond(request.seq, request.cmd, ResultCode.OK);
    await term.expectControl(ACK);
    const next = link.request(Command.HELLO);
    const r2 = await term.expectRequest();
    await term.ack();
    await term.respond(r2.seq, r2.cmd, ResultCode.OK);
    await expect(next).resolves.toMatchObject({ seq: r2.seq, cmd: Command.HELLO });
    expect(log.entries().some((e) => e.kind === 'ignored' && e.text.includes('SETTLE'))).toBe(true);
  });

  it('cancels while waiting for ACK and while queued behind another request', async () => {
    const { link, term } = rig(protocolTiming);
    const first = new AbortController();
    const second = new AbortController();
    const a = link.request(Command.HELLO, [], { signal: first.signal }).catch((e: unknown) => e);
    const b = link.request(Command.GET_BATCH, [], { signal: second.signal }).catch((e: unknown) => e);
    await term.expectRequest();
    second.abort();
    expect(await b).toBeInstanceOf(LinkAborted);
    first.abort();
    expect(await a).toBeInstanceOf(LinkAborted);
    await term.expectControl(EOT);
    await term.expectSilence(100);
  });

  it('sends nothing for an already aborted signal', async () => {
    const { link, term } = rig(fast);
    await expect(link.request(Command.HELLO, [], { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(LinkAborted);
    await expect(link.open({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(LinkAborted);
    await term.expectSilence(50);
  });

  it('fails operations with LinkFailure(closed) once closed', async () => {
    const { link, term } = rig(protocolTiming);
    const answer = link.request(Command.HELLO).catch((e: unknown) => e);
    await term.expectRequest();
    await link.close();
    expect(await answer).toMatchObject({ reason: 'closed' });
  });
});

describe('body size', () => {
  it('sends and accepts bodies up to the negotiated maxBody', async () => {
    const { link, term } = rig(fast, 1, 2048);
    link.setMaxBody(2048);
    const bigChunk = new Uint8Array(1900).fill(0x41);
    const answer = link.request(Command.PUT_STAGE, [{ tag: Tag.F062, value: bigChunk }]);
    const request = await term.expectRequest();
    expect(request.body.length).toBeGreaterThan(1024);
    await term.ack();
    await term.respond(request.seq, request.cmd, ResultCode.OK, [{ tag: Tag.F062, value: bigChunk }]);
    const response = await answer;
    expect(response.tlvs[0]!.value.length).toBe(1900);
  });

  it('NAKs a response longer than the maxBody still in force', async () => {
    const { link, term } = rig(fast);
    const answer = link.request(Command.GET_PARAMS);
    const request = await term.expectRequest();
    await term.ack();
    await term.respond(request.seq, request.cmd, ResultCode.OK, [{ tag: Tag.A003, value: new Uint8Array(1100) }]);
    await term.expectControl(NAK, 1000);
    await term.respond(request.seq, request.cmd, ResultCode.OK);
    await expect(answer).resolves.toMatchObject({ rc: 0 });
  });
});
