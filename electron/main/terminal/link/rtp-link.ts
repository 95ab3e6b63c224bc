// The host side of the RTP/1 link (PROTOCOL.md §1-§2): ENQ on open; ACK/NAK for what arrives;
// T1 and three transmissions with the same SEQ, then EOT and LinkFailure; T2 per command,
// restarted by each interim RC 7F; a response the terminal resends because our ACK was lost is
// ACKed again and never taken as the answer to a later request. One exchange at a time.
import { bytesEqual } from '../../../../shared/bytes';
import {
  ACK,
  commandName,
  DEFAULT_MAX_BODY,
  describeControl,
  describeFrame,
  decodeResponse,
  encodeFrame,
  encodeRequest,
  ENQ,
  EOT,
  findTlv,
  NAK,
  nextSeq,
  ResultCode,
  Tag,
} from '../../../../shared/rtp';
import type { DecoderEvent, RtpResponse, Tlv } from '../../../../shared/rtp';
import { systemClock } from '../../platform/clock';
import type { Clock } from '../../platform/clock';
import type { BytePort, PortCloseReason } from '../port/byte-port';
import { abortable, bounded } from './bounded';
import { LinkAborted, LinkFailure, LinkTimeout, TerminalProtocolError } from './link-errors';
import { LinkInbox } from './link-inbox';
import type { LinkInput } from './link-inbox';
import { LinkLogger } from './link-log';
import type { LinkLogSink } from './link-log';
import { LinkReceiver } from './link-receiver';
import { commandBoundFor, protocolTiming, responseTimeoutFor, wireTimeMs } from './link-timing';
import type { LinkTiming } from './link-timing';

export interface RtpLinkOptions {
  /** Timers; PROTOCOL.md's by default. */
  timing?: LinkTiming;
  /** Where every byte and link decision is reported. */
  log?: LinkLogSink;
  /** SEQ of the first request; random by default, so a new session rarely repeats the terminal's remembered last request. */
  initialSeq?: number;
  /**
   * The line's baud rate. When given, T1 starts once a frame has had time to cross the wire at this
   * rate, even if the port took it at once (an in-memory line); writes and long frames are bounded
   * by it too (by 1200 baud, slower than any terminal, when unknown).
   */
  baudRate?: number;
  /** Where T1, T2, the bounds and the log's timestamps read the time; the process's clock by default. */
  clock?: Clock;
}

/** Options of one operation. */
export interface LinkCallOptions {
  /** Cancels the operation: it rejects with LinkAborted promptly and the link stays usable. */
  signal?: AbortSignal;
}

export interface RequestOptions extends LinkCallOptions {
  /** Called with F010 (0-100) for each interim RC 7F response. */
  onProgress?: (percent: number) => void;
}

/** The slowest line we allow for when bounding writes. */
const SLOWEST_BAUD = 1200;

/** A half-duplex RTP/1 link over one port: close() closes the port, release() leaves it open. */
export class RtpLink {
  private readonly timing: LinkTiming;
  private readonly clock: Clock;
  private readonly log: LinkLogger;
  private readonly receiver: LinkReceiver;
  private readonly inbox: LinkInbox;
  /** Baud rate for bounds: the line's, or the slowest we allow for. */
  private readonly boundBaud: number;
  /** The line's baud rate when known, for pacing T1. */
  private readonly lineBaud: number | undefined;
  /** When the bytes written so far will have left the wire (clock.monoMs()), with a known baud rate. */
  private lineFreeAt = 0;
  private readonly detach: (() => void)[] = [];
  private maxBodyValue = DEFAULT_MAX_BODY;
  private seq: number;
  /** SEQ and CMD of the request in progress; responses that match go to the inbox. */
  private current: { seq: number; cmd: number } | undefined;
  /** True while an operation waits for ACK/NAK/EOT; control bytes outside are only logged. */
  private listening = false;
  /** Body of the last final response taken, to recognise the terminal resending it. */
  private lastFinal: Uint8Array | undefined;
  private lost: PortCloseReason | undefined;
  private closed = false;
  /** The tail of the queue of operations (one at a time). */
  private queue: Promise<void> = Promise.resolve();
  /** The tail of the write chain, so bytes leave in the order they were queued. */
  private writes: Promise<unknown> = Promise.resolve();

  /** Starts listening on `port`. Call open() before the first request. */
  constructor(
    private readonly port: BytePort,
    options: RtpLinkOptions = {},
  ) {
    this.timing = options.timing ?? protocolTiming;
    this.clock = options.clock ?? systemClock;
    this.inbox = new LinkInbox(this.clock);
    this.lineBaud = options.baudRate;
    this.boundBaud = options.baudRate ?? SLOWEST_BAUD;
    this.seq = (options.initialSeq ?? Math.floor(Math.random() * 256)) & 0xff;
    this.log = new LinkLogger(port.path, options.log, this.clock);
    this.receiver = new LinkReceiver(this.timing, this.maxBodyValue, this.log, (event) => this.onReceive(event), this.clock);
    this.detach.push(port.onData((bytes) => this.receiver.push(bytes)));
    this.detach.push(port.onClose((reason) => this.onPortClose(reason)));
    if (!port.isOpen()) this.lost = { kind: 'lost', message: `${port.path} is not open.` };
  }

  get path(): string {
    return this.port.path;
  }

  /** Largest frame body used in both directions: 1024 until setMaxBody. */
  get maxBody(): number {
    return this.maxBodyValue;
  }

  /** False once the port was lost or the link closed. */
  get usable(): boolean {
    return !this.closed && this.lost === undefined;
  }

  /** The SEQ the next request will carry. */
  get nextSeq(): number {
    return this.seq;
  }

  /** Adopts the body size the terminal advertised in HELLO (after negotiatedMaxBody), for both directions. */
  setMaxBody(maxBody: number): void {
    this.receiver.setMaxBody(maxBody);
    this.maxBodyValue = maxBody;
  }

  /** ENQ until ACK, at most `maxTransmissions` times T1; LinkFailure('no-answer') otherwise. */
  open(options: LinkCallOptions = {}): Promise<void> {
    return this.exclusive('ENQ', options.signal, async () => {
      for (let attempt = 1; attempt <= this.timing.maxTransmissions; attempt++) {
        if (attempt > 1) this.log.note('retry', `ENQ again (${attempt} of ${this.timing.maxTransmissions})`);
        if (await this.enqOnce(options.signal)) {
          this.log.note('state', 'terminal answered ENQ: link open');
          return;
        }
      }
      this.sendEot();
      this.log.note('state', `no ACK to ${this.timing.maxTransmissions} ENQs: link failure`);
      throw new LinkFailure('no-answer', undefined);
    });
  }

  /** One ENQ and a T1 wait: true when the terminal ACKs (used to wait for a terminal to come back after REBOOT). */
  probe(options: LinkCallOptions = {}): Promise<boolean> {
    return this.exclusive('ENQ', options.signal, () => this.enqOnce(options.signal));
  }

  /**
   * Sends a request and returns the terminal's final response, whatever its RC. Retransmits on NAK
   * or T1 with the same SEQ; waits T2 for the command, restarted by each interim response.
   * Rejects with LinkFailure, LinkTimeout, LinkAborted or TerminalProtocolError.
   */
  request(cmd: number, tlvs: readonly Tlv[] = [], options: RequestOptions = {}): Promise<RtpResponse> {
    const name = commandName(cmd);
    return this.exclusive(name, options.signal, async () => {
      const seq = this.seq;
      this.seq = nextSeq(seq);
      const frame = encodeFrame(encodeRequest({ seq, cmd, tlvs }), { maxBody: this.maxBodyValue });
      this.current = { seq, cmd };
      try {
        return await this.exchange(name, cmd, seq, frame, options);
      } catch (error) {
        // Tell the terminal we moved on, so it drops a response we will not take (PROTOCOL.md §1).
        if (error instanceof LinkAborted || error instanceof LinkTimeout || error instanceof TerminalProtocolError) this.sendEot();
        throw error;
      } finally {
        this.current = undefined;
      }
    });
  }

  /** Stops listening and leaves the port open for its owner. Operations in progress fail with LinkFailure('closed'). */
  async release(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.log.note('state', 'link closed');
    this.inbox.push({ type: 'closed' });
    this.receiver.stop();
    for (const off of this.detach) off();
    await this.writes;
  }

  /** release(), then closes the port. */
  async close(): Promise<void> {
    await this.release();
    await this.port.close();
  }

  private async enqOnce(signal: AbortSignal | undefined): Promise<boolean> {
    const onWire = await this.write(Uint8Array.of(ENQ), 'control', describeControl(ENQ, 'out'), undefined, signal);
    const deadline = onWire + this.timing.t1Ms;
    for (;;) {
      const input = await this.next(deadline, signal, undefined);
      switch (input.type) {
        case 'ack':
          return true;
        case 'closed':
          throw this.closedError(undefined);
        case 'timeout':
          this.log.note('timer', `T1 (${this.timing.t1Ms} ms) expired waiting for ACK to ENQ`);
          return false;
        case 'nak':
          return false;
        default:
          // EOT, or a late response of an earlier exchange (already ACKed and logged): not an answer to ENQ.
          continue;
      }
    }
  }

  private async exchange(name: string, cmd: number, seq: number, frame: Uint8Array, options: RequestOptions): Promise<RtpResponse> {
    const { maxTransmissions, t1Ms } = this.timing;
    for (let transmission = 1; ; transmission++) {
      if (transmission > 1) this.log.note('retry', `${name} seq=${seq} sent again, same SEQ (${transmission} of ${maxTransmissions})`);
      const onWire = await this.write(frame, 'frame', describeFrame(frame, 'out', { maxBody: this.maxBodyValue }), name, options.signal);
      const deadline = onWire + t1Ms;
      let retransmit = false;
      while (!retransmit) {
        const input = await this.next(deadline, options.signal, name);
        switch (input.type) {
          case 'ack':
            return this.awaitFinal(name, cmd, seq, options, undefined);
          case 'response':
          case 'malformed':
            // Our request arrived (it is being answered) but its ACK was lost on the way back.
            this.log.note('state', `${name} seq=${seq}: answer arrived before its ACK; taking the request as acknowledged`);
            return this.awaitFinal(name, cmd, seq, options, input);
          case 'nak':
            this.log.note('retry', `${name} seq=${seq}: NAK received`);
            retransmit = true;
            break;
          case 'timeout':
            this.log.note('timer', `T1 (${t1Ms} ms) expired waiting for ACK to ${name} seq=${seq}`);
            retransmit = true;
            break;
          case 'closed':
            throw this.closedError(name);
          case 'eot':
            // The terminal giving up on an earlier response of its own; ours is still unanswered.
            continue;
        }
      }
      if (transmission >= maxTransmissions) {
        this.sendEot();
        this.log.note('state', `${name} seq=${seq}: no ACK after ${maxTransmissions} transmissions, EOT sent: link failure`);
        throw new LinkFailure('no-ack', name);
      }
    }
  }

  /**
   * Waits for the final answer: T2 from the ACK, restarted by each interim RC 7F, within the
   * command's bounds (link-timing.ts): at most maxInterims interims and budgetMs from the ACK (the
   * wire time and T1 retries before it have their own bound, which a slow line must not eat into).
   */
  private async awaitFinal(name: string, cmd: number, seq: number, options: RequestOptions, first: LinkInput | undefined): Promise<RtpResponse> {
    const startedAt = this.clock.monoMs();
    const t2 = responseTimeoutFor(this.timing, cmd);
    const bound = commandBoundFor(this.timing, cmd);
    const budgetEnd = startedAt + bound.budgetMs;
    let t2End = this.clock.monoMs() + t2;
    let interims = 0;
    let pending = first;
    for (;;) {
      const input = pending ?? (await this.next(Math.min(t2End, budgetEnd), options.signal, name));
      pending = undefined;
      switch (input.type) {
        case 'response': {
          const { response } = input;
          if (response.rc !== ResultCode.IN_PROGRESS) {
            this.lastFinal = input.body;
            return response;
          }
          interims++;
          if (interims > bound.maxInterims) {
            this.log.note('timer', `${name} seq=${seq}: ${interims} "in progress" answers, more than the ${bound.maxInterims} ${name} may take: EOT sent`);
            throw new LinkTimeout(name, t2, { reason: 'too-many-interims', interims });
          }
          t2End = this.clock.monoMs() + t2;
          const progress = findTlv(response.tlvs, Tag.F010)?.value;
          const percent = progress?.length === 1 ? Math.min(progress[0]!, 100) : undefined;
          this.log.note('progress', `${name} seq=${seq} in progress${percent === undefined ? '' : ` ${percent}%`}: T2 restarted`);
          if (percent !== undefined) options.onProgress?.(percent);
          continue;
        }
        case 'malformed':
          throw new TerminalProtocolError(name, input.problem);
        case 'ack':
        case 'nak':
          // A late answer to an earlier transmission of this request: nothing to do.
          continue;
        case 'eot':
          this.log.note('state', `${name} seq=${seq}: the terminal sent EOT instead of its answer: link failure`);
          throw new LinkFailure('terminal-gave-up', name);
        case 'closed':
          throw this.closedError(name);
        case 'timeout':
          if (budgetEnd < t2End) {
            this.log.note('timer', `${name} seq=${seq}: in progress for ${Math.round(this.clock.monoMs() - startedAt)} ms, past the ${bound.budgetMs} ms ${name} may take: EOT sent`);
            throw new LinkTimeout(name, bound.budgetMs, { reason: 'over-budget', interims });
          }
          this.log.note('timer', `T2 (${t2} ms) expired waiting for the answer to ${name} seq=${seq}: EOT sent`);
          throw new LinkTimeout(name, t2, { interims });
      }
    }
  }

  private onReceive(event: DecoderEvent): void {
    switch (event.type) {
      case 'frame':
        // Every good frame is ACKed, including duplicates and strays: the terminal waits for it.
        this.sendControl(ACK);
        this.onFrame(event.body);
        return;
      case 'bad-frame':
        this.sendControl(NAK);
        return;
      case 'control':
        if (event.byte === ENQ) this.log.note('ignored', 'ENQ from the terminal ignored: the host starts every conversation');
        else if (!this.listening) this.log.note('ignored', `${describeControl(event.byte, 'in').slice(2)} outside an exchange ignored`);
        else this.inbox.push({ type: event.byte === ACK ? 'ack' : event.byte === NAK ? 'nak' : 'eot' });
        return;
      default:
        // Noise, a stalled frame and a discard in progress need no answer; the receiver logged them.
        return;
    }
  }

  private onFrame(body: Uint8Array): void {
    const decoded = decodeResponse(body);
    const current = this.current;
    if (decoded.ok) {
      const { response } = decoded;
      if (current !== undefined && response.seq === current.seq && response.cmd === current.cmd) {
        this.inbox.push({ type: 'response', response, body });
      } else if (this.lastFinal !== undefined && bytesEqual(body, this.lastFinal)) {
        this.log.note('ignored', `resent answer to ${commandName(response.cmd)} seq=${response.seq} (our ACK was lost): ACKed again, not taken as an answer`);
      } else {
        this.log.note('ignored', `answer to ${commandName(response.cmd)} seq=${response.seq} matches no request in progress: ignored`);
      }
      return;
    }
    if (decoded.reason === 'tlv' && current !== undefined && decoded.seq === current.seq && decoded.cmd === current.cmd) {
      this.inbox.push({ type: 'malformed', problem: decoded.error.message });
      return;
    }
    this.log.note('ignored', `frame that is not a response to us (${decoded.reason}) ignored`);
  }

  private onPortClose(reason: PortCloseReason): void {
    if (this.closed) return;
    this.lost = reason;
    this.log.note('state', reason.kind === 'lost' ? `port lost: ${reason.message}` : 'port closed');
    this.receiver.stop();
    this.inbox.push({ type: 'closed' });
  }

  private next(deadline: number, signal: AbortSignal | undefined, command: string | undefined): Promise<LinkInput> {
    if (!this.usable) return Promise.resolve({ type: 'closed' });
    return this.inbox.next({
      deadline,
      signal,
      command,
      frameInFlight: () => this.receiver.frameInProgress()?.id,
      // A frame that started arriving in time may finish after the deadline: allow for what it
      // still needs when the deadline passes (never more than the longest frame).
      graceMs: () => this.graceFor(),
      graceStepMs: this.timing.interByteMs + 1,
    });
  }

  /** How long the frame in progress may still take on the line (the longest frame outside one), plus one inter-byte gap. */
  private graceFor(): number {
    const frame = this.receiver.frameInProgress();
    const left = frame === undefined ? this.maxBodyValue + 5 : frame.bytesLeft;
    return wireTimeMs(left, this.boundBaud) + this.timing.interByteMs;
  }

  /** Runs operations one at a time; a call cancelled while queued leaves without running. */
  private async exclusive<T>(command: string, signal: AbortSignal | undefined, operation: () => Promise<T>): Promise<T> {
    if (signal?.aborted === true) throw new LinkAborted(command);
    const previous = this.queue;
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.queue = mine;
    let acquired = false;
    try {
      // The operation before us is itself bounded, so waiting for it is too.
      await abortable(previous, signal, command);
      acquired = true;
      if (!this.usable) throw this.closedError(command === 'ENQ' ? undefined : command);
      this.inbox.clear();
      this.listening = true;
      return await operation();
    } finally {
      if (acquired) {
        this.listening = false;
        release();
      } else {
        // Keep the order: whoever queued after us waits for the operation we were waiting for.
        void previous.then(release);
      }
    }
  }

  /** Writes in queue order; resolves with the clock.monoMs() time the bytes are on the wire (T1 starts there). */
  private write(bytes: Uint8Array, kind: 'frame' | 'control', text: string, command: string | undefined, signal: AbortSignal | undefined): Promise<number> {
    const limit = this.timing.t1Ms + 2 * wireTimeMs(bytes.length, this.boundBaud);
    const run = async (): Promise<number> => {
      if (!this.usable) throw this.closedError(command);
      this.log.record('out', kind, bytes, text);
      const started = this.clock.monoMs();
      try {
        await bounded(this.clock, this.port.write(bytes), limit, () => new LinkFailure('write-failed', command, `the port did not take ${bytes.length} bytes within ${Math.round(limit)} ms`));
      } catch (error) {
        if (error instanceof LinkFailure) throw error;
        // A write that fails because the port went away is reported as the lost port.
        throw this.lost !== undefined ? this.closedError(command) : new LinkFailure('write-failed', command, error instanceof Error ? error.message : String(error));
      }
      const taken = this.clock.monoMs();
      if (this.lineBaud === undefined) return taken;
      // A port that drains (a UART) resolves when the bytes have left; a memory line at once. Both
      // end up here: the bytes are on the wire no earlier than their wire time after the line was free.
      this.lineFreeAt = Math.max(started, this.lineFreeAt) + wireTimeMs(bytes.length, this.lineBaud);
      return Math.max(taken, this.lineFreeAt);
    };
    const result = this.writes.then(run, run);
    this.writes = result.then(
      () => undefined,
      () => undefined,
    );
    return signal === undefined ? result : bounded(this.clock, result, limit * 2, () => new LinkFailure('write-failed', command), signal, command);
  }

  /** Queues a lone control byte; failures surface through the port's close event. */
  private sendControl(byte: number): void {
    if (!this.usable) return;
    this.write(Uint8Array.of(byte), 'control', describeControl(byte, 'out'), undefined, undefined).catch(() => undefined);
  }

  private sendEot(): void {
    this.sendControl(EOT);
  }

  private closedError(command: string | undefined): LinkFailure {
    if (this.closed) return new LinkFailure('closed', command);
    return new LinkFailure('port-lost', command, this.lost?.kind === 'lost' ? this.lost.message : undefined);
  }
}
