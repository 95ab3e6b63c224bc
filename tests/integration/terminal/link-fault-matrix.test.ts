// The link-layer fault matrix: every fault kind on either direction of the line either recovers
// (the request gets its own answer, executed once) or ends in a typed error within its bound.
// Bounds are generous on purpose: the matrix proves "bounded", never exact wall time.
import { performance } from 'node:perf_hooks';
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
import { AutoTerminal } from './support/auto-terminal';
import type { AutoTerminalOptions } from './support/auto-terminal';
import { corrupt, faultyPort, isControl, isFrame } from './support/faulty-port';
import type { FaultPolicy } from './support/faulty-port';

const fast = scaledTiming(20); // T1 50 ms, T2 250 ms

/** Slack on every bound: scheduling on a loaded CI machine, never a tight timing claim. */
const MARGIN_MS = 1500;

interface Fault {
  /** Writes of the host (requests, its ACK/NAK/EOT). */
  host?: FaultPolicy;
  /** Writes of the terminal (its ACK/NAK, responses, EOT). */
  terminal?: FaultPolicy;
  /** Terminal behaviour. */
  terminalOptions?: Partial<AutoTerminalOptions>;
  /** Something to do once the request is on its way (pull the cable…). */
  during?: (pair: MemoryPortPair) => void;
}

interface Outcome {
  response: RtpResponse | undefined;
  error: LinkError | undefined;
  elapsedMs: number;
  terminal: AutoTerminal;
  link: RtpLink;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Runs one PRINT_TEST (or `cmd`) through the fault. */
async function run(fault: Fault, timing: LinkTiming = fast, cmd: number = Command.PRINT_TEST): Promise<Outcome> {
  const pair = createMemoryPortPair('fault-matrix');
  const hostPort = fault.host === undefined ? pair.host : faultyPort(pair.host, fault.host);
  const terminalPort = fault.terminal === undefined ? pair.terminal : faultyPort(pair.terminal, fault.terminal);
  const terminal = new AutoTerminal(terminalPort, {
    timing,
    handler: (request) => ({ rc: ResultCode.OK, tlvs: [textTlv(Tag.F070, `answer to seq ${request.seq}`)] }),
    ...fault.terminalOptions,
  });
  const link = new RtpLink(hostPort, { timing, initialSeq: 10, log: createMemoryLogSink() });
  cleanups.push(async () => {
    terminal.stop();
    await link.close();
  });
  const started = performance.now();
  const pending = link.request(cmd);
  fault.during?.(pair);
  try {
    const response = await pending;
    return { response, error: undefined, elapsedMs: performance.now() - started, terminal, link };
  } catch (error) {
    return { response: undefined, error: error as LinkError, elapsedMs: performance.now() - started, terminal, link };
  }
}

/** Expects the request to have been answered with its own response, executed exactly once. */
function expectRecovered(outcome: Outcome, boundMs: number): void {
  expect(outcome.error).toBeUndefined();
  expect(outcome.response).toMatchObject({ seq: 10, cmd: Command.PRINT_TEST, rc: 0 });
  expect(Buffer.from(outcome.response!.tlvs[0]!.value).toString()).toBe('answer to seq 10');
  expect(outcome.terminal.executed).toHaveLength(1);
  expect(outcome.elapsedMs).toBeLessThan(boundMs + MARGIN_MS);
}

/** Expects a typed error of `type` (and `reason`) within the bound. */
function expectTypedError(outcome: Outcome, type: typeof LinkFailure | typeof LinkTimeout, boundMs: number, reason?: string): void {
  expect(outcome.error).toBeInstanceOf(type);
  if (reason !== undefined) expect(outcome.error).toMatchObject({ reason });
  expect(outcome.elapsedMs).toBeLessThan(boundMs + MARGIN_MS);
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
    expectRecovered(outcome, t1Ms + t2DefaultMs);
    expect(outcome.terminal.naksSent).toBe(1);
  });

  it('in the response: NAKed by the host, resent, recovered', async () => {
    const outcome = await run({ terminal: firstWrites(isFrame, 1, (b) => ({ bytes: corrupt(b) })) });
    expectRecovered(outcome, t1Ms + t2DefaultMs);
    expect(outcome.terminal.sentFrames).toHaveLength(2);
  });

  it('in every transmission of a request: LinkFailure(no-ack) after 3; the next request works', async () => {
    const outcome = await run({ host: firstWrites(isFrame, maxTransmissions, (b) => ({ bytes: corrupt(b, 4) })) });
    expectTypedError(outcome, LinkFailure, maxTransmissions * t1Ms, 'no-ack');
    expect(outcome.terminal.requestFrames).toHaveLength(0);
    expect(outcome.terminal.naksSent).toBe(3);
    await expectUsable(outcome);
  });
});

describe('dropped frame', () => {
  it('request lost once: T1, retransmitted, recovered', async () => {
    const outcome = await run({ host: firstWrites(isFrame, 1, () => ({ bytes: null })) });
    expectRecovered(outcome, 2 * t1Ms + t2DefaultMs);
  });

  it('response lost once: the terminal resends after its T1, recovered', async () => {
    const outcome = await run({ terminal: firstWrites(isFrame, 1, () => ({ bytes: null })) });
    expectRecovered(outcome, t1Ms + t2DefaultMs);
  });

  it('every transmission of a response lost: the terminal gives up (EOT), a typed error before T2 runs out', async () => {
    const outcome = await run({ terminal: firstWrites(isFrame, maxTransmissions, () => ({ bytes: null })) });
    expectTypedError(outcome, LinkFailure, t2DefaultMs, 'terminal-gave-up');
    await expectUsable(outcome);
  });
});

describe('dropped ACK', () => {
  it("the terminal's ACK to the request: retransmitted, answered from its duplicate memory, executed once", async () => {
    const outcome = await run({ terminal: firstWrites((b) => isControl(b, ACK), 1, () => ({ bytes: null })) });
    expectRecovered(outcome, 2 * t1Ms + t2DefaultMs);
  });

  it("the host's ACK to the response: the resent answer is ACKed again and not taken for the next request", async () => {
    const outcome = await run({ host: firstWrites((b) => isControl(b, ACK), 1, () => ({ bytes: null })) });
    expectRecovered(outcome, t2DefaultMs);
    // Let the terminal's T1 expire and its resend arrive while the host is idle.
    await new Promise((r) => setTimeout(r, 2 * t1Ms));
    expect(outcome.terminal.sentFrames).toHaveLength(2);
    await expectUsable(outcome);
  });

  it("the host's ACK lost while it already sends the next request: the terminal drops its answer", async () => {
    const outcome = await run({ host: firstWrites((b) => isControl(b, ACK), 1, () => ({ bytes: null })) });
    expectRecovered(outcome, t2DefaultMs);
    await expectUsable(outcome);
    expect(outcome.terminal.executed).toHaveLength(2);
  });
});

describe('NAK n times', () => {
  it.each([1, 2])('%i NAK(s): recovered on the next transmission', async (n) => {
    const outcome = await run({ terminalOptions: { answerFrame: (_request, nth) => (nth <= n ? 'nak' : 'ack') } });
    expectRecovered(outcome, t2DefaultMs);
    expect(outcome.terminal.requestFrames).toHaveLength(n + 1);
  });

  it('3 NAKs: EOT and LinkFailure(no-ack); the next request works', async () => {
    let naks = 0;
    const outcome = await run({ terminalOptions: { answerFrame: () => (naks++ < maxTransmissions ? 'nak' : 'ack') } });
    expectTypedError(outcome, LinkFailure, maxTransmissions * t1Ms, 'no-ack');
    await expectUsable(outcome);
  });
});

describe('late ACK after T1', () => {
  it('the host retransmits, the late ACK counts, the duplicate is not executed again', async () => {
    const outcome = await run({ terminal: firstWrites((b) => isControl(b, ACK), 1, () => ({ delayMs: t1Ms * 1.25 })) });
    expectRecovered(outcome, 2 * t1Ms + t2DefaultMs);
    expect(outcome.terminal.requestFrames.length).toBeGreaterThanOrEqual(2);
    await expectUsable(outcome);
  });
});

describe('late response after T2', () => {
  it('LinkTimeout naming the command; the late answer is ignored and the link stays usable', async () => {
    const outcome = await run({ terminalOptions: { handler: (r) => ({ rc: 0, delayMs: r.seq === 10 ? t2DefaultMs + t1Ms : 0, tlvs: [textTlv(Tag.F070, `answer to seq ${r.seq}`)] }) } });
    expectTypedError(outcome, LinkTimeout, t1Ms + t2DefaultMs);
    expect(outcome.error).toMatchObject({ command: 'PRINT_TEST', timeoutMs: t2DefaultMs });
    await new Promise((r) => setTimeout(r, 2 * t1Ms));
    await expectUsable(outcome);
  });

  it('with the prescribed timers: LinkTimeout after 5 s (real timers)', async () => {
    const outcome = await run({ terminalOptions: { handler: () => ({ rc: 0, delayMs: 6000 }) } }, protocolTiming, Command.HELLO);
    expectTypedError(outcome, LinkTimeout, protocolTiming.t1Ms + protocolTiming.t2DefaultMs);
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(protocolTiming.t2DefaultMs);
  }, 20_000);
});

describe('disconnect', () => {
  it('mid-exchange: LinkFailure(port-lost) at once, not after T2', async () => {
    const outcome = await run({ terminalOptions: { handler: () => ({ rc: 0, delayMs: 10_000 }) }, during: (pair) => setTimeout(() => pair.unplug(), 20) }, protocolTiming);
    expectTypedError(outcome, LinkFailure, 20, 'port-lost');
  });

  it('before the request: LinkFailure(port-lost) without waiting', async () => {
    const pair = createMemoryPortPair('gone');
    const link = new RtpLink(pair.host, { timing: protocolTiming });
    pair.unplug();
    const started = performance.now();
    await expect(link.request(Command.HELLO)).rejects.toMatchObject({ reason: 'port-lost' });
    expect(performance.now() - started).toBeLessThan(MARGIN_MS);
  });
});

describe('line noise and stalls', () => {
  it('noise before the response: skipped, recovered', async () => {
    const outcome = await run({ terminal: firstWrites(isFrame, 1, (b) => ({ bytes: Uint8Array.from([0xff, 0x00, 0x41, 0x7e, ...b]) })) });
    expectRecovered(outcome, t2DefaultMs);
  });

  it('a response that stalls half-way: dropped without an answer, the resend is taken', async () => {
    const outcome = await run({ terminal: firstWrites(isFrame, 1, (b) => ({ bytes: b.subarray(0, 6) })) });
    expectRecovered(outcome, t1Ms + t2DefaultMs);
  });
});
