// The link-layer fault matrix: every fault kind on either direction of the line either recovers
// (the request gets its own answer, executed once) or ends in a typed error, at the moment its
// timers say. Host, terminal and line share one simulated clock (SimulatedClock), so each case
// states exactly how long it takes on that clock: a lost frame costs one T1, a late answer ends at
// T2, a pulled cable ends the request at once. A loaded machine changes none of these figures.
import { afterEach, describe, expect, it } from 'vitest';
import { ACK, Command, ResultCode, Tag, textTlv } from '../../../shared/rtp';
import type { RtpResponse } from '../../../shared/rtp';
import { LinkFailure, LinkTimeout } from '../../../electron/main/terminal/link/link-errors';
import type { LinkError } from '../../../electron/main/terminal/link/link-errors';
import { createMemoryLogSink } from '../../../electron/main/terminal/link/link-log';
import { protocolTiming, scaledTiming } from '../../../electron/main/terminal/link/link-timing';
import type { LinkTiming } from '../../../electron/main/terminal/link/link-timing';
import { RtpLink } from '../../../electron/main/terminal/link/rtp-link';
import { createMemoryPortPair } from '../../../electron/main/terminal/port/memory-port';
import type { MemoryPortPair } from '../../../electron/main/terminal/port/memory-port';
import { SimulatedClock } from '../../support/simulated-clock';
import { AutoTerminal } from './support/auto-terminal';
import type { AutoTerminalOptions } from './support/auto-terminal';
import { corrupt, faultyPort, isControl, isFrame } from './support/faulty-port';
import type { FaultPolicy } from './support/faulty-port';

const fast = scaledTiming(20); // T1 50 ms, T2 250 ms

interface Fault {
  /** Writes of the host (requests, its ACK/NAK/EOT). */
  host?: FaultPolicy;
  /** Writes of the terminal (its ACK/NAK, responses, EOT). */
  terminal?: FaultPolicy;
  /** Terminal behaviour. */
  terminalOptions?: Partial<AutoTerminalOptions>;
  /** Something to do once the request is on its way (pull the cable…). */
  during?: (pair: MemoryPortPair, clock: SimulatedClock) => void;
}

interface Outcome {
  response: RtpResponse | undefined;
  error: LinkError | undefined;
  /** Simulated time from the request to its outcome. */
  elapsedMs: number;
  terminal: AutoTerminal;
  link: RtpLink;
  clock: SimulatedClock;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Runs one PRINT_TEST (or `cmd`) through the fault. */
async function run(fault: Fault, timing: LinkTiming = fast, cmd: number = Command.PRINT_TEST): Promise<Outcome> {
  const clock = new SimulatedClock();
  const pair = createMemoryPortPair('fault-matrix', clock);
  const hostPort = fault.host === undefined ? pair.host : faultyPort(pair.host, fault.host, clock);
  const terminalPort = fault.terminal === undefined ? pair.terminal : faultyPort(pair.terminal, fault.terminal, clock);
  const terminal = new AutoTerminal(terminalPort, {
    timing,
    clock,
    handler: (request) => ({ rc: ResultCode.OK, tlvs: [textTlv(Tag.F070, `answer to seq ${request.seq}`)] }),
    ...fault.terminalOptions,
  });
  const link = new RtpLink(hostPort, { timing, initialSeq: 10, log: createMemoryLogSink(), clock });
  cleanups.push(async () => {
    terminal.stop();
    await link.close();
    clock.stop();
  });
  const started = clock.monoMs();
  const pending = link.request(cmd);
  fault.during?.(pair, clock);
  try {
    const response = await pending;
    return { response, error: undefined, elapsedMs: clock.monoMs() - started, terminal, link, clock };
  } catch (error) {
    return { response: undefined, error: error as LinkError, elapsedMs: clock.monoMs() - started, terminal, link, clock };
  }
}

/**
 * Expects the request to have been answered with its own response, executed exactly once, after
 * `tookMs` of simulated time (0 when nothing had to wait for a timer: a memory line has no wire time).
 */
function expectRecovered(outcome: Outcome, tookMs: number): void {
  expect(outcome.error).toBeUndefined();
  expect(outcome.response).toMatchObject({ seq: 10, cmd: Command.PRINT_TEST, rc: 0 });
  expect(Buffer.from(outcome.response!.tlvs[0]!.value).toString()).toBe('answer to seq 10');
  expect(outcome.terminal.executed).toHaveLength(1);
  expect(outcome.elapsedMs).toBe(tookMs);
}

/** Expects a typed error of `type` (and `reason`) after `tookMs` of simulated time. */
function expectTypedError(outcome: Outcome, type: typeof LinkFailure | typeof LinkTimeout, tookMs: number, reason?: string): void {
  expect(outcome.error).toBeInstanceOf(type);
  if (reason !== undefined) expect(outcome.error).toMatchObject({ reason });
  expect(outcome.elapsedMs).toBe(tookMs);
}

/** Afterwards the link must still work: a second request gets its own answer. */
async function expectUsable(outcome: Outcome): Promise<void> {
  const next = await outcome.link.request(Command.PRINT_TEST);
  expect(Buffer.from(next.tlvs[0]!.value).toString()).toBe(`answer to seq ${next.seq}`);
}

/** Fires `fault` on the first `times` writes matching `match`. */
function firstWrites(match: (bytes: Uint8Array) => boolean, times: number, fault: (bytes: Uint8Array) => ReturnType<FaultPolicy>): FaultPolicy {
  let count = 0;
  return (bytes) => (match(bytes) && count++ < times ? fault(bytes) : undefined);
}

const { t1Ms, t2DefaultMs, maxTransmissions } = fast;

describe('corrupt byte', () => {
  it('in the request: NAKed, retransmitted, recovered', async () => {
    const outcome = await run({ host: firstWrites(isFrame, 1, (b) => ({ bytes: corrupt(b, 4) })) });
    // A NAK is answered at once: no timer runs.
    expectRecovered(outcome, 0);
    expect(outcome.terminal.naksSent).toBe(1);
  });

  it('in the response: NAKed by the host, resent, recovered', async () => {
    const outcome = await run({ terminal: firstWrites(isFrame, 1, (b) => ({ bytes: corrupt(b) })) });
    expectRecovered(outcome, 0);
    expect(outcome.terminal.sentFrames).toHaveLength(2);
  });

  it('in every transmission of a request: LinkFailure(no-ack) after 3; the next request works', async () => {
    const outcome = await run({ host: firstWrites(isFrame, maxTransmissions, (b) => ({ bytes: corrupt(b, 4) })) });
    // Three NAKs, each answered at once: the failure comes without waiting for T1.
    expectTypedError(outcome, LinkFailure, 0, 'no-ack');
    expect(outcome.terminal.requestFrames).toHaveLength(0);
    expect(outcome.terminal.naksSent).toBe(3);
    await expectUsable(outcome);
  });
});

describe('dropped frame', () => {
  it('request lost once: T1, retransmitted, recovered', async () => {
    const outcome = await run({ host: firstWrites(isFrame, 1, () => ({ bytes: null })) });
    expectRecovered(outcome, t1Ms);
  });

  it('response lost once: the terminal resends after its T1, recovered', async () => {
    const outcome = await run({ terminal: firstWrites(isFrame, 1, () => ({ bytes: null })) });
    expectRecovered(outcome, t1Ms);
  });

  it('every transmission of a response lost: the terminal gives up (EOT), a typed error before T2 runs out', async () => {
    const outcome = await run({ terminal: firstWrites(isFrame, maxTransmissions, () => ({ bytes: null })) });
    // The terminal's three T1s, then its EOT: before the host's T2 (5 T1s) would have run out.
    expectTypedError(outcome, LinkFailure, maxTransmissions * t1Ms, 'terminal-gave-up');
    expect(t2DefaultMs).toBeGreaterThan(maxTransmissions * t1Ms);
    await expectUsable(outcome);
  });
});

describe('dropped ACK', () => {
  it("the terminal's ACK to the request: retransmitted, answered from its duplicate memory, executed once", async () => {
    const outcome = await run({ terminal: firstWrites((b) => isControl(b, ACK), 1, () => ({ bytes: null })) });
    // The answer itself arrives at once and stands for the lost ACK.
    expectRecovered(outcome, 0);
  });

  it("the host's ACK to the response: the resent answer is ACKed again and not taken for the next request", async () => {
    const outcome = await run({ host: firstWrites((b) => isControl(b, ACK), 1, () => ({ bytes: null })) });
    expectRecovered(outcome, 0);
    // Let the terminal's T1 expire and its resend arrive while the host is idle.
    await outcome.clock.sleep(2 * t1Ms);
    expect(outcome.terminal.sentFrames).toHaveLength(2);
    await expectUsable(outcome);
  });

  it("the host's ACK lost while it already sends the next request: the terminal drops its answer", async () => {
    const outcome = await run({ host: firstWrites((b) => isControl(b, ACK), 1, () => ({ bytes: null })) });
    expectRecovered(outcome, 0);
    await expectUsable(outcome);
    expect(outcome.terminal.executed).toHaveLength(2);
  });
});

describe('NAK n times', () => {
  it.each([1, 2])('%i NAK(s): recovered on the next transmission', async (n) => {
    const outcome = await run({ terminalOptions: { answerFrame: (_request, nth) => (nth <= n ? 'nak' : 'ack') } });
    expectRecovered(outcome, 0);
    expect(outcome.terminal.requestFrames).toHaveLength(n + 1);
  });

  it('3 NAKs: EOT and LinkFailure(no-ack); the next request works', async () => {
    let naks = 0;
    const outcome = await run({ terminalOptions: { answerFrame: () => (naks++ < maxTransmissions ? 'nak' : 'ack') } });
    expectTypedError(outcome, LinkFailure, 0, 'no-ack');
    await expectUsable(outcome);
  });
});

describe('late ACK after T1', () => {
  it('the host retransmits, the late ACK counts, the duplicate is not executed again', async () => {
    const outcome = await run({ terminal: firstWrites((b) => isControl(b, ACK), 1, () => ({ delayMs: t1Ms * 1.25 })) });
    // The delayed ACK holds back the answer written after it (the cable keeps order): 1.25 T1.
    expectRecovered(outcome, t1Ms * 1.25);
    expect(outcome.terminal.requestFrames.length).toBeGreaterThanOrEqual(2);
    await expectUsable(outcome);
  });
});

describe('late response after T2', () => {
  it('LinkTimeout naming the command; the late answer is ignored and the link stays usable', async () => {
    const outcome = await run({ terminalOptions: { handler: (r) => ({ rc: 0, delayMs: r.seq === 10 ? t2DefaultMs + t1Ms : 0, tlvs: [textTlv(Tag.F070, `answer to seq ${r.seq}`)] }) } });
    expectTypedError(outcome, LinkTimeout, t2DefaultMs);
    expect(outcome.error).toMatchObject({ command: 'PRINT_TEST', timeoutMs: t2DefaultMs });
    await outcome.clock.sleep(2 * t1Ms);
    await expectUsable(outcome);
  });

  it('with the prescribed timers: LinkTimeout after 5 s (real timers)', async () => {
    const outcome = await run({ terminalOptions: { handler: () => ({ rc: 0, delayMs: 6000 }) } }, protocolTiming, Command.HELLO);
    expectTypedError(outcome, LinkTimeout, protocolTiming.t2DefaultMs);
  });
});

describe('disconnect', () => {
  it('mid-exchange: LinkFailure(port-lost) at once, not after T2', async () => {
    const outcome = await run({ terminalOptions: { handler: () => ({ rc: 0, delayMs: 10_000 }) }, during: (pair, clock) => clock.after(20, () => pair.unplug()) }, protocolTiming);
    expectTypedError(outcome, LinkFailure, 20, 'port-lost');
  });

  it('before the request: LinkFailure(port-lost) without waiting', async () => {
    const clock = new SimulatedClock();
    const pair = createMemoryPortPair('gone', clock);
    const link = new RtpLink(pair.host, { timing: protocolTiming, clock });
    pair.unplug();
    const started = clock.monoMs();
    await expect(link.request(Command.HELLO)).rejects.toMatchObject({ reason: 'port-lost' });
    expect(clock.monoMs() - started).toBe(0);
    // Nothing was even scheduled: no timer waits to end the request.
    expect(clock.pendingTimers).toBe(0);
    clock.stop();
  });
});

describe('line noise and stalls', () => {
  it('noise before the response: skipped, recovered', async () => {
    const outcome = await run({ terminal: firstWrites(isFrame, 1, (b) => ({ bytes: Uint8Array.from([0xff, 0x00, 0x41, 0x7e, ...b]) })) });
    expectRecovered(outcome, 0);
  });

  it('a response that stalls half-way: dropped without an answer, the resend is taken', async () => {
    const outcome = await run({ terminal: firstWrites(isFrame, 1, (b) => ({ bytes: b.subarray(0, 6) })) });
    // The host drops the stalled half silently; the terminal's T1 brings the whole answer again.
    expectRecovered(outcome, t1Ms);
  });
});
