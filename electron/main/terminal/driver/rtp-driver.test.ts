// The driver against the small reference terminal of the test support (no simulator): parsing,
// paging, staging splits, refusals with their explaining TLVs, progress and REBOOT recovery.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalParameterSet, Command, decimalTlv, findTlv, ResultCode, Tag, textTlv, tlvDecimal } from '../../../../shared/rtp';
import type { RtpRequest } from '../../../../shared/rtp';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX } from '../../../../tests/fixtures/rtp-vectors';
import { AutoTerminal } from '../../../../tests/integration/terminal/support/auto-terminal';
import type { AutoTerminalOptions, Reply } from '../../../../tests/integration/terminal/support/auto-terminal';
import { helloTlvs, journalTlvs, pagedReply, sampleParameterTlvs } from '../../../../tests/integration/terminal/support/sample-replies';
import { SimulatedClock, settledAt } from '../../../../tests/support/simulated-clock';
import { LinkAborted, LinkFailure, LinkTimeout, TerminalProtocolError, TerminalRefused } from '../link/link-errors';
import { scaledTiming } from '../link/link-timing';
import { createMemoryPortPair } from '../port/memory-port';
import { toTerminalIdentity } from './terminal-identity';
import { terminalIdentitySchema } from '../../../../shared/terminal/terminal-identity';
import { RtpDriver } from './rtp-driver';
import { putStageBodySize } from './stage-plan';

const timing = scaledTiming(20);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A driver and a reference terminal on a memory line, both on one simulated clock. */
function setup(handler: (request: RtpRequest) => Reply, options: Partial<AutoTerminalOptions> = {}, maxBody = 1024) {
  const clock = new SimulatedClock();
  const pair = createMemoryPortPair('driver-test', clock);
  const terminal = new AutoTerminal(pair.terminal, { timing, clock, handler, maxBody, ...options });
  const driver = new RtpDriver(pair.host, { timing, initialSeq: 1, clock });
  cleanups.push(async () => {
    terminal.stop();
    await driver.close();
    clock.stop();
  });
  return { driver, terminal, pair, clock };
}

const ok = (tlvs: Reply['tlvs'] = []): Reply => ({ rc: ResultCode.OK, tlvs });

describe('HELLO', () => {
  it('reads the identity and adopts the advertised maxBody', async () => {
    const { driver } = setup(() => ok(helloTlvs({ F002: '4096', F009: '1', F00A: '1', F007: 'B' })));
    await driver.open();
    const identity = await driver.hello();
    expect(identity).toMatchObject({
      protocolVersion: '1',
      maxBody: 4096,
      vendor: 'RebindDesk',
      model: 'RTP-SIM-1',
      serialNumber: 'SIM0000001',
      firmware: '1.0.0',
      tid: '12345678',
      mid: '898310048140001',
      acquirerId: '48021000',
      activeSlot: 'B',
      activeDigestHex: SAMPLE_OLD_DIGEST_HEX,
      previousSlot: true,
      locked: true,
    });
    expect(identity.activeDigest).toHaveLength(32);
    expect(driver.link.maxBody).toBe(4096);
    // The app's one identity (the CLI's --json presentation of it is tested in electron/cli/cli-json.test.ts).
    const canonical = toTerminalIdentity(identity);
    expect(terminalIdentitySchema.parse(canonical)).toEqual(canonical);
    expect(canonical).toMatchObject({ protocolVersion: '1', activeDigest: SAMPLE_OLD_DIGEST_HEX, serialNumber: 'SIM0000001', maxBody: 4096 });
  });

  it('keeps 1024 when F002 is not a usable number', async () => {
    const { driver } = setup(() => ok(helloTlvs({ F002: 'lots' })));
    expect((await driver.hello()).maxBody).toBe(1024);
    expect(driver.link.maxBody).toBe(1024);
  });

  it('names a missing or unreadable field with TerminalProtocolError', async () => {
    const { driver } = setup(() => ok(helloTlvs({ F005: undefined })));
    const error = await driver.hello().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerminalProtocolError);
    expect(error).toMatchObject({ tag: 'F005', command: 'HELLO' });
    expect((error as Error).message).toContain('F005 serial number is missing');
    const other = setup(() => ok(helloTlvs({ F00A: 'yes' })));
    await expect(other.driver.hello()).rejects.toMatchObject({ tag: 'F00A' });
  });
});

describe('paged reads', () => {
  it('reads GET_PARAMS page by page, sending F041 back as F040, and digests the canonical set', async () => {
    const { driver, terminal } = setup((request) => pagedReply(request, sampleParameterTlvs(), 5));
    const read = await driver.getParams();
    expect(read.pages).toBe(4);
    expect(Object.keys(read.params)).toHaveLength(16);
    expect(read.params.A003).toBe('上海示例便利店');
    expect(read.params.A009).toBe('000123');
    expect(read.digestHex).toBe(SAMPLE_OLD_DIGEST_HEX);
    expect(terminal.executed.map((r) => r.tlvs.map((t) => Buffer.from(t.value).toString()))).toEqual([[], ['5'], ['10'], ['15']]);
  });

  it('stops with TerminalProtocolError when a cursor comes back', async () => {
    const { driver } = setup(() => ok([textTlv(Tag.A001, '12345678'), textTlv(Tag.F041, '1')]));
    await expect(driver.getParams()).rejects.toMatchObject({ kind: 'protocol-violation', tag: 'F041' });
  });

  it('refuses a parameter read twice', async () => {
    const { driver } = setup(() => ok([textTlv(Tag.A001, '12345678'), textTlv(Tag.A001, '87654321')]));
    await expect(driver.getParams()).rejects.toMatchObject({ tag: 'A001' });
  });

  it('reads EXPORT_JOURNAL records over several pages', async () => {
    const { driver } = setup((request) => pagedReply(request, journalTlvs(5), 2));
    const records = await driver.exportJournal();
    expect(records).toHaveLength(5);
    expect(records[0]).toEqual({ stan: '000121', time: '20250312101502', amountFen: 1000, maskedPan: '622848******1234', type: 'SALE', status: 'APPROVED' });
    expect(records[4]!.amountFen).toBe(5000);
  });
});

describe('batch and host tests', () => {
  it('reads GET_BATCH', async () => {
    const { driver } = setup(() =>
      ok([decimalTlv(Tag.F011, 3), decimalTlv(Tag.F012, 15800), textTlv(Tag.F013, '0'), decimalTlv(Tag.F014, 1), textTlv(Tag.A00A, '000012')]),
    );
    const batch = await driver.getBatch();
    expect(batch).toEqual({ count: 3, totalFen: 15800, reversalPending: false, offlinePending: 1, batchNumber: '000012' });
  });

  it('reports SETTLE progress from interim answers and returns the totals', async () => {
    const { driver } = setup(() => ({
      rc: ResultCode.OK,
      tlvs: [decimalTlv(Tag.F011, 3), decimalTlv(Tag.F012, 15800), textTlv(Tag.F015, '1')],
      interim: [25, 50, 75, 100].map((percent) => ({ percent, afterMs: 5 })),
    }));
    const progress: number[] = [];
    const result = await driver.settle({ onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ count: 3, totalFen: 15800, balanced: true });
    expect(progress).toEqual([25, 50, 75, 100]);
  });

  it('stops SETTLE at once when its signal aborts between interims: LinkAborted, the link still usable', async () => {
    const { driver } = setup((request) =>
      request.cmd === Command.SETTLE
        ? { rc: ResultCode.OK, tlvs: [textTlv(Tag.F015, '1')], interim: Array.from({ length: 20 }, (_, i) => ({ percent: i * 5, afterMs: 30 })) }
        : ok([decimalTlv(Tag.F011, 0), decimalTlv(Tag.F012, 0), textTlv(Tag.F013, '0'), decimalTlv(Tag.F014, 0), textTlv(Tag.A00A, '000001')]),
    );
    const controller = new AbortController();
    const progress: number[] = [];
    const settled = driver.settle({ signal: controller.signal, onProgress: (p) => (progress.push(p), p >= 10 && controller.abort()) }).catch((e: unknown) => e);
    const error = await settled;
    expect(error).toBeInstanceOf(LinkAborted);
    expect(error).toMatchObject({ kind: 'link-aborted', command: 'SETTLE' });
    // Aborted at the third interim, not after the twentieth.
    expect(progress).toEqual([0, 5, 10]);
    await expect(driver.getBatch()).resolves.toMatchObject({ count: 0 });
  });

  it('gives up on a SETTLE that stays "in progress" past its interim bound: LinkTimeout(too-many-interims)', async () => {
    const clock = new SimulatedClock();
    const pair = createMemoryPortPair('driver-test', clock);
    const bounded = { ...timing, commandBounds: { ...timing.commandBounds, settle: { maxInterims: 4, budgetMs: 60_000 } } };
    const terminal = new AutoTerminal(pair.terminal, {
      timing: bounded,
      clock,
      handler: () => ({ rc: ResultCode.OK, tlvs: [textTlv(Tag.F015, '1')], interim: Array.from({ length: 30 }, () => ({ percent: 1, afterMs: 5 })) }),
    });
    const driver = new RtpDriver(pair.host, { timing: bounded, initialSeq: 1, clock });
    cleanups.push(async () => {
      terminal.stop();
      await driver.close();
      clock.stop();
    });
    const progress: number[] = [];
    const error = await driver.settle({ onProgress: (p) => progress.push(p) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkTimeout);
    expect(error).toMatchObject({ reason: 'too-many-interims', interims: 5 });
    expect(progress).toHaveLength(4);
  });

  it('returns SIGN_ON and ECHO_TEST results, and PRINT_TEST lines', async () => {
    const { driver } = setup((request) =>
      request.cmd === Command.PRINT_TEST ? ok([textTlv(Tag.F070, 'RebindDesk print test\nTID 87654321\n')]) : ok([textTlv(Tag.F030, '00'), decimalTlv(Tag.F031, 412)]),
    );
    expect(await driver.signOn()).toMatchObject({ responseCode: '00', roundTripMs: 412 });
    const echo = await driver.echoTest();
    expect(echo.exchangeMs).toBeGreaterThanOrEqual(0);
    expect(await driver.printTest()).toEqual(['RebindDesk print test', 'TID 87654321']);
  });

  it('surfaces F030 and F031 of an ECHO_TEST refused with RC 08', async () => {
    const { driver } = setup(() => ({ rc: ResultCode.HOST_FAILED, tlvs: [textTlv(Tag.F030, '96'), decimalTlv(Tag.F031, 1350)] }));
    const error = await driver.echoTest().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerminalRefused);
    expect(error).toMatchObject({ rc: 8, rcName: 'HOST_FAILED', meaning: 'host unreachable or declined', hostResponseCode: '96', roundTripMs: 1350, command: 'ECHO_TEST' });
    expect((error as Error).message).toContain('host response code 96');
  });
});

describe('staging', () => {
  function stagingTerminal(maxBody: number) {
    let staged = new Uint8Array(0);
    const puts: number[] = [];
    const rig = setup(
      (request) => {
        switch (request.cmd) {
          case Command.HELLO:
            return ok(helloTlvs({ F002: String(maxBody) }));
          case Command.BEGIN_STAGE:
            staged = new Uint8Array(0);
            return ok();
          case Command.PUT_STAGE: {
            const chunk = findTlv(request.tlvs, Tag.F062)!.value;
            puts.push(chunk.length);
            const next = new Uint8Array(staged.length + chunk.length);
            next.set(staged);
            next.set(chunk, staged.length);
            staged = next;
            return ok([decimalTlv(Tag.F061, staged.length)]);
          }
          case Command.VERIFY_STAGE:
            return ok([{ tag: Tag.F008, value: sha(staged) }]);
          default:
            return ok();
        }
      },
      {},
      maxBody,
    );
    return { ...rig, puts, staged: () => staged };
  }

  it('stages the sample new set in one PUT and verifies its digest', async () => {
    const { driver, staged, puts } = stagingTerminal(1024);
    const set = canonicalParameterSet(SAMPLE_NEW_PARAMETERS);
    const result = await driver.stageParameterSet(set);
    expect(result).toMatchObject({ totalLength: 165, chunks: 1, digestHex: SAMPLE_NEW_DIGEST_HEX });
    expect(puts).toEqual([165]);
    expect(staged()).toEqual(set);
  });

  it.each([1024, 1500, 4096])('splits a large set so each PUT body fits maxBody %i exactly', async (maxBody) => {
    const { driver, terminal, staged } = stagingTerminal(maxBody);
    await driver.hello();
    const set = Uint8Array.from({ length: 9000 }, (_, i) => (i * 7) & 0xff);
    const progress: number[] = [];
    const result = await driver.stageParameterSet(set, { onProgress: (p) => progress.push(p.sent) });
    expect(staged()).toEqual(set);
    const putBodies = terminal.executed.filter((r) => r.cmd === Command.PUT_STAGE).map((r) => {
      const offset = tlvDecimal(findTlv(r.tlvs, Tag.F061)!)!;
      return putStageBodySize(offset, findTlv(r.tlvs, Tag.F062)!.value.length);
    });
    expect(putBodies.slice(0, -1).every((size) => size === maxBody)).toBe(true);
    expect(putBodies.at(-1)!).toBeLessThanOrEqual(maxBody);
    expect(result.chunks).toBe(putBodies.length);
    expect(progress.at(-1)).toBe(9000);
  });

  it('stops when F061 disagrees with what was sent', async () => {
    const { driver } = setup((request) => (request.cmd === Command.PUT_STAGE ? ok([decimalTlv(Tag.F061, 3)]) : ok()));
    await expect(driver.stageParameterSet(new Uint8Array(100))).rejects.toMatchObject({ kind: 'protocol-violation', tag: 'F061' });
  });

  it('reports VERIFY RC 03 with the offending tag and what to correct', async () => {
    const { driver } = setup((request) =>
      request.cmd === Command.VERIFY_STAGE ? { rc: ResultCode.INVALID_VALUE, tlvs: [textTlv(Tag.F020, 'A013'), { tag: Tag.F008, value: new Uint8Array(32) }] } : ok([decimalTlv(Tag.F061, 10)]),
    );
    const error = await driver.stageParameterSet(new Uint8Array(10)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerminalRefused);
    expect(error).toMatchObject({ rc: 3, offendingTag: 'A013', stagedDigestHex: '00'.repeat(32) });
    expect((error as Error).message).toMatch(/RC 03 invalid parameter value \(offending tag A013\).*Correct A013 NII/);
  });

  it('says "settle first" when COMMIT answers RC 05, and reads COMMIT and ROLLBACK slots', async () => {
    let commits = 0;
    const { driver } = setup((request) => {
      if (request.cmd === Command.COMMIT && commits++ === 0) return { rc: ResultCode.BATCH_NOT_EMPTY };
      return ok([textTlv(Tag.F007, request.cmd === Command.COMMIT ? 'B' : 'A'), { tag: Tag.F008, value: new Uint8Array(32).fill(1) }]);
    });
    const refused = await driver.commit().catch((e: unknown) => e);
    expect(refused).toMatchObject({ rc: 5, rcName: 'BATCH_NOT_EMPTY' });
    expect((refused as Error).message).toContain('Settle the batch first');
    expect(await driver.commit()).toMatchObject({ activeSlot: 'B', activeDigestHex: '01'.repeat(32) });
    expect(await driver.rollback()).toMatchObject({ activeSlot: 'A' });
    await expect(driver.confirm()).resolves.toBeUndefined();
    await expect(driver.abortStage()).resolves.toBeUndefined();
  });

  it('refuses an empty set before sending anything', async () => {
    const { driver, terminal } = setup(() => ok());
    await expect(driver.stageParameterSet(new Uint8Array(0))).rejects.toMatchObject({ code: 'invalid-input' });
    expect(terminal.requestFrames).toHaveLength(0);
  });
});

describe('REBOOT', () => {
  it('waits for the terminal to come back, then reads HELLO again', async () => {
    let downUntil = Infinity;
    let rebootedAt = 0;
    // Shared by the closures below, which run before setup() returns its clock.
    const clockOf: { clock?: SimulatedClock } = {};
    const now = () => clockOf.clock!.monoMs();
    const { driver, terminal, clock } = setup(
      (request) => {
        if (request.cmd === Command.REBOOT) {
          rebootedAt = now();
          downUntil = rebootedAt + 300;
        }
        return ok(request.cmd === Command.HELLO ? helloTlvs() : []);
      },
      { answerEnq: () => now() >= downUntil },
    );
    clockOf.clock = clock;
    const identity = await settledAt(clock, driver.reboot());
    expect(identity).toMatchObject({ ok: true, value: { serialNumber: 'SIM0000001' } });
    // Grace T1 (50 ms), then ENQ every T1: at 50, 100, …, 300 ms after REBOOT's answer; the one
    // at 300 is the first the terminal ACKs, and HELLO follows at once.
    const enqs = terminal.controls.filter((c) => c === 0x05).length;
    expect(enqs).toBe(300 / timing.t1Ms);
    expect(identity.atMs - rebootedAt).toBe(300);
    expect(terminal.executed.map((r) => r.cmd)).toEqual([Command.REBOOT, Command.HELLO]);
  });

  it('gives up with LinkFailure when the terminal stays silent', async () => {
    const { driver, terminal, clock } = setup((request) => ok(request.cmd === Command.HELLO ? helloTlvs() : []), { answerEnq: false });
    const started = clock.monoMs();
    const outcome = await settledAt(clock, driver.reboot());
    const error = !outcome.ok && outcome.error;
    expect(error).toBeInstanceOf(LinkFailure);
    expect(error).toMatchObject({ reason: 'no-answer', command: 'REBOOT' });
    // REBOOT's exchange (no time on a memory line), the grace T1, then 15 ENQs a T1 apart: 16 T1s.
    expect(outcome.atMs - started).toBe(16 * timing.t1Ms);
    expect(terminal.controls.filter((c) => c === 0x05)).toHaveLength(15);
  });
});

function sha(bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(bytes).digest();
}
