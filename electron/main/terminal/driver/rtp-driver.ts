// The typed RTP/1 driver: one method per command of PROTOCOL.md §3, paging and staging done for
// the caller, every error RC turned into TerminalRefused. Every method is bounded in time by the
// link's T1/T2 (or by an explicit limit for REBOOT) and takes an AbortSignal.
import { bytesEqual, bytesToHex } from '../../../../shared/bytes';
import { canonicalParameterSet, Command, decimalTlv, parametersFromTlvs, ResultCode, Tag, textTlv } from '../../../../shared/rtp';
import { parameterDigest } from '../parameter-digest';
import type { Tlv } from '../../../../shared/rtp';
import { systemClock } from '../../platform/clock';
import type { Clock } from '../../platform/clock';
import type { BytePort } from '../port/byte-port';
import { AppError } from '../../app-error';
import { reason } from '../../../../shared/errors/reason';
import { sleep } from '../link/bounded';
import { LinkFailure, TerminalProtocolError } from '../link/link-errors';
import type { LinkLogSink } from '../link/link-log';
import { protocolTiming } from '../link/link-timing';
import type { LinkTiming } from '../link/link-timing';
import { RtpLink } from '../link/rtp-link';
import type { LinkCallOptions, RequestOptions } from '../link/rtp-link';
import { batchFromResponse, settleFromResponse } from './batch';
import type { BatchSummary, SettleResult } from './batch';
import { hostTestFromResponse, printedLines, slotStateFromResponse } from './host-test';
import type { HostTestResult, SlotState } from './host-test';
import { journalFromTlvs } from './journal';
import type { JournalRecord } from './journal';
import { refusalFrom } from './refusal';
import { ResponseFields } from './response-fields';
import { planStageChunks } from './stage-plan';
import { identityFromHello } from './terminal-identity';
import type { HelloIdentity } from './terminal-identity';

/** Options of an RtpDriver. */
export interface RtpDriverOptions {
  /** Link timers; PROTOCOL.md's by default. */
  timing?: LinkTiming;
  /** Link log sink. */
  log?: LinkLogSink;
  /** SEQ of the first request (random by default). */
  initialSeq?: number;
  /** The port's baud rate, to bound writes and long frames. */
  baudRate?: number;
  /** After REBOOT's answer, quiet time before the first ENQ; T1 (1000 ms) by default (docs/protocol.md §7.15). */
  rebootGraceMs?: number;
  /** How long to keep sending ENQ (every T1) for a rebooting terminal; 15 × T1 (15 s) by default. */
  rebootUpWithinMs?: number;
  /** Safety stop for GET_PARAMS and EXPORT_JOURNAL paging: more pages is a protocol error. */
  maxPages?: number;
  /** The link's and REBOOT's clock; the process's by default. */
  clock?: Clock;
}

/** GET_PARAMS read to the end. */
export interface ParameterReadback {
  /** Every parameter the terminal reported, volatile ones included, keyed "A001". */
  params: Record<string, string>;
  /** The canonical set (volatile ones left out), as the host computes it. */
  canonical: Uint8Array;
  /** SHA-256 of `canonical`. */
  digest: Uint8Array;
  /** `digest` as lower-case hex. */
  digestHex: string;
  /** Pages read. */
  pages: number;
}

/** Progress of stageParameterSet. */
export interface StageProgress {
  /** Bytes the terminal has confirmed. */
  sent: number;
  /** Length of the set. */
  total: number;
  /** Chunks confirmed so far. */
  chunks: number;
}

/** Options of stageParameterSet. */
export interface StageOptions extends LinkCallOptions {
  /** Called after each confirmed chunk. */
  onProgress?: (progress: StageProgress) => void;
}

/** Outcome of stageParameterSet: a verified stage, ready for COMMIT. */
export interface StagedSet {
  /** Length of the set. */
  totalLength: number;
  /** PUT_STAGE requests sent. */
  chunks: number;
  /** SHA-256 of the set, as the host computed it and VERIFY_STAGE confirmed it. */
  digest: Uint8Array;
  /** `digest` as lower-case hex. */
  digestHex: string;
}

/** Options of reboot. */
export interface RebootOptions extends LinkCallOptions {
  /** Wait for the terminal to come back and read HELLO again (default true). */
  waitForRestart?: boolean;
}

/** A typed RTP/1 client of one terminal on one port. */
export class RtpDriver {
  /** The link underneath, for its log, maxBody and SEQ. */
  readonly link: RtpLink;
  private readonly timing: LinkTiming;
  private readonly clock: Clock;
  private readonly rebootGraceMs: number;
  private readonly rebootUpWithinMs: number;
  private readonly maxPages: number;
  private identityValue: HelloIdentity | undefined;

  /** Wraps `port` in a link; close() closes the port, release() leaves it to its owner. */
  constructor(port: BytePort, options: RtpDriverOptions = {}) {
    this.timing = options.timing ?? protocolTiming;
    this.clock = options.clock ?? systemClock;
    this.link = new RtpLink(port, {
      timing: this.timing,
      clock: this.clock,
      ...(options.log === undefined ? {} : { log: options.log }),
      ...(options.initialSeq === undefined ? {} : { initialSeq: options.initialSeq }),
      ...(options.baudRate === undefined ? {} : { baudRate: options.baudRate }),
    });
    this.rebootGraceMs = options.rebootGraceMs ?? this.timing.t1Ms;
    this.rebootUpWithinMs = options.rebootUpWithinMs ?? 15 * this.timing.t1Ms;
    this.maxPages = options.maxPages ?? 1000;
  }

  /** HELLO's answer, once hello() has run. */
  get identity(): HelloIdentity | undefined {
    return this.identityValue;
  }

  /** ENQ until the terminal ACKs (T1, 3 tries); LinkFailure('no-answer') otherwise. */
  open(options: LinkCallOptions = {}): Promise<void> {
    return this.link.open(options);
  }

  /** HELLO: identifies the terminal and adopts its maxBody for both directions. */
  async hello(options: LinkCallOptions = {}): Promise<HelloIdentity> {
    const identity = identityFromHello(await this.call(Command.HELLO, [], options));
    this.link.setMaxBody(identity.maxBody);
    this.identityValue = identity;
    return identity;
  }

  /** GET_BATCH. */
  async getBatch(options: LinkCallOptions = {}): Promise<BatchSummary> {
    return batchFromResponse(await this.call(Command.GET_BATCH, [], options));
  }

  /** GET_PARAMS, every page, with the canonical digest of what was read. */
  async getParams(options: LinkCallOptions = {}): Promise<ParameterReadback> {
    const { tlvs, pages } = await this.readPages(Command.GET_PARAMS, 'GET_PARAMS', options);
    const read = parametersFromTlvs(tlvs);
    if (!read.ok) throw new TerminalProtocolError('GET_PARAMS', read.message, read.tag);
    const canonical = canonicalParameterSet(read.params);
    const digest = parameterDigest(canonical);
    return { params: read.params, canonical, digest, digestHex: bytesToHex(digest), pages };
  }

  /** EXPORT_JOURNAL, every page: the records of the current batch. */
  async exportJournal(options: LinkCallOptions = {}): Promise<JournalRecord[]> {
    const { tlvs } = await this.readPages(Command.EXPORT_JOURNAL, 'EXPORT_JOURNAL', options);
    return journalFromTlvs(tlvs);
  }

  /** BEGIN_STAGE: announces a set of `totalLength` bytes whose SHA-256 is `digest`. */
  async beginStage(totalLength: number, digest: Uint8Array, options: LinkCallOptions = {}): Promise<void> {
    await this.call(Command.BEGIN_STAGE, [decimalTlv(Tag.F060, totalLength), { tag: Tag.F008, value: digest }], options);
  }

  /** PUT_STAGE: one chunk at `offset`; returns the bytes the terminal now holds (F061). */
  async putStage(offset: number, chunk: Uint8Array, options: LinkCallOptions = {}): Promise<number> {
    const tlvs = await this.call(Command.PUT_STAGE, [decimalTlv(Tag.F061, offset), { tag: Tag.F062, value: chunk }], options);
    return new ResponseFields('PUT_STAGE', tlvs).decimal(Tag.F061);
  }

  /** VERIFY_STAGE: the digest of the staged bytes (TerminalRefused 03/06 when they are wrong). */
  async verifyStage(options: LinkCallOptions = {}): Promise<{ digest: Uint8Array; digestHex: string }> {
    const digest = new ResponseFields('VERIFY_STAGE', await this.call(Command.VERIFY_STAGE, [], options)).digest(Tag.F008);
    return { digest: digest.bytes, digestHex: digest.hex };
  }

  /** COMMIT: activates the verified stage; returns the new slot and digest. */
  async commit(options: LinkCallOptions = {}): Promise<SlotState> {
    return slotStateFromResponse('COMMIT', await this.call(Command.COMMIT, [], options));
  }

  /** ABORT_STAGE: drops an open stage. */
  async abortStage(options: LinkCallOptions = {}): Promise<void> {
    await this.call(Command.ABORT_STAGE, [], options);
  }

  /** ROLLBACK: reactivates the previous set; returns the restored slot and digest. */
  async rollback(options: LinkCallOptions = {}): Promise<SlotState> {
    return slotStateFromResponse('ROLLBACK', await this.call(Command.ROLLBACK, [], options));
  }

  /** CONFIRM: keeps the new set and drops the previous slot. */
  async confirm(options: LinkCallOptions = {}): Promise<void> {
    await this.call(Command.CONFIRM, [], options);
  }

  /**
   * BEGIN, PUT in chunks that fill the terminal's maxBody exactly, VERIFY, and a check that the
   * terminal's digest is the host's. Does not COMMIT.
   */
  async stageParameterSet(canonical: Uint8Array, options: StageOptions = {}): Promise<StagedSet> {
    if (canonical.length === 0) throw new AppError('invalid-input', reason('stage-set-empty'));
    const call: LinkCallOptions = options.signal === undefined ? {} : { signal: options.signal };
    const digest = parameterDigest(canonical);
    const plan = planStageChunks(canonical.length, this.link.maxBody);
    await this.beginStage(canonical.length, digest, call);
    let done = 0;
    for (const chunk of plan) {
      const held = await this.putStage(chunk.offset, canonical.subarray(chunk.offset, chunk.offset + chunk.length), call);
      if (held !== chunk.offset + chunk.length) {
        throw new TerminalProtocolError('PUT_STAGE', `F061 says ${held} bytes are staged after a chunk ending at ${chunk.offset + chunk.length}`, 'F061');
      }
      done++;
      options.onProgress?.({ sent: held, total: canonical.length, chunks: done });
    }
    const verified = await this.verifyStage(call);
    if (!bytesEqual(verified.digest, digest)) {
      throw new TerminalProtocolError('VERIFY_STAGE', `it answered 00 with digest ${verified.digestHex}, but the staged set's digest is ${bytesToHex(digest)}`, 'F008');
    }
    return { totalLength: canonical.length, chunks: plan.length, digest, digestHex: verified.digestHex };
  }

  /** SETTLE: progress from interim answers (0-100), then the settled totals. Waits up to T2 long (90 s) per step. */
  async settle(options: RequestOptions = {}): Promise<SettleResult> {
    return settleFromResponse(await this.call(Command.SETTLE, [], options));
  }

  /** SIGN_ON with the acquirer's host; RC 08 is TerminalRefused with F030 and F031. */
  signOn(options: RequestOptions = {}): Promise<HostTestResult> {
    return this.hostTest(Command.SIGN_ON, 'SIGN_ON', options);
  }

  /** ECHO_TEST with the acquirer's host; RC 08 is TerminalRefused with F030 and F031. */
  echoTest(options: RequestOptions = {}): Promise<HostTestResult> {
    return this.hostTest(Command.ECHO_TEST, 'ECHO_TEST', options);
  }

  /** PRINT_TEST: the printed lines. */
  async printTest(options: LinkCallOptions = {}): Promise<string[]> {
    return printedLines(await this.call(Command.PRINT_TEST, [], options));
  }

  /**
   * REBOOT. With waitForRestart (the default): after the grace time, ENQ every T1 until the
   * terminal ACKs (LinkFailure after rebootUpWithinMs), then HELLO, whose identity is returned.
   */
  async reboot(options: RebootOptions = {}): Promise<HelloIdentity | undefined> {
    const call: LinkCallOptions = options.signal === undefined ? {} : { signal: options.signal };
    await this.call(Command.REBOOT, [], call);
    if (options.waitForRestart === false) return undefined;
    await sleep(this.clock, this.rebootGraceMs, options.signal, 'REBOOT');
    const until = this.clock.monoMs() + this.rebootUpWithinMs;
    while (this.clock.monoMs() < until) {
      const sent = this.clock.monoMs();
      if (await this.link.probe(call)) return this.hello(call);
      // One ENQ per T1 even when something answers NAK at once.
      await sleep(this.clock, Math.max(0, sent + this.timing.t1Ms - this.clock.monoMs()), options.signal, 'REBOOT');
    }
    throw new LinkFailure('no-answer', 'REBOOT', `the terminal did not answer ENQ within ${Math.round(this.rebootUpWithinMs / 1000)} s of its restart`);
  }

  /** Closes the link and the port. */
  close(): Promise<void> {
    return this.link.close();
  }

  /** Stops using the port without closing it (its owner closes it). */
  release(): Promise<void> {
    return this.link.release();
  }

  private async hostTest(cmd: number, name: string, options: RequestOptions): Promise<HostTestResult> {
    const started = this.clock.monoMs();
    const tlvs = await this.call(cmd, [], options);
    return hostTestFromResponse(name, tlvs, Math.round(this.clock.monoMs() - started));
  }

  /** Reads every page of a paged command: the TLVs of all pages without F041, in order. */
  private async readPages(cmd: number, name: string, options: LinkCallOptions): Promise<{ tlvs: Tlv[]; pages: number }> {
    const all: Tlv[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const tlvs = await this.call(cmd, cursor === undefined ? [] : [textTlv(Tag.F040, cursor)], options);
      pages++;
      for (const item of tlvs) if (item.tag !== Tag.F041) all.push(item);
      cursor = new ResponseFields(name, tlvs).optionalText(Tag.F041);
      // A cursor that comes back, or endless pages, would loop forever: stop with a clear error.
      if (cursor !== undefined && (cursor === '' || seen.has(cursor))) throw new TerminalProtocolError(name, `page ${pages} repeats or empties the cursor F041 (${JSON.stringify(cursor)})`, 'F041');
      if (cursor !== undefined) seen.add(cursor);
      if (pages >= this.maxPages && cursor !== undefined) throw new TerminalProtocolError(name, `more than ${this.maxPages} pages`, 'F041');
    } while (cursor !== undefined);
    return { tlvs: all, pages };
  }

  /** One request; an RC other than 00 becomes TerminalRefused. Returns the response TLVs. */
  private async call(cmd: number, tlvs: readonly Tlv[], options: RequestOptions): Promise<readonly Tlv[]> {
    const response = await this.link.request(cmd, tlvs, options);
    if (response.rc !== ResultCode.OK) throw refusalFrom(response);
    return response.tlvs;
  }
}
