// A small reference terminal for link tests and the fault matrix: it follows the terminal's side
// of PROTOCOL.md §1-§2 (ACK/NAK, ENQ, T1 retries of its answers with EOT after three, "the host
// moved on", duplicate memory) and answers requests through a handler. Hooks let a test refuse,
// ignore or delay what it would normally do. It is deliberately independent of the simulator.
// Its timers (T1, processing delays) run on the clock it is given.
import { bytesEqual } from '../../../../shared/bytes';
import { ACK, byteTlv, decodeRequest, encodeFrame, encodeResponse, ENQ, EOT, FrameDecoder, NAK, ResultCode, Tag } from '../../../../shared/rtp';
import type { DecoderEvent, RtpRequest, Tlv } from '../../../../shared/rtp';
import type { Cancel, Clock } from '../../../../electron/main/platform/clock';
import type { BytePort } from '../../../../electron/main/terminal/port/byte-port';
import type { LinkTiming } from '../../../../electron/main/terminal/link/link-timing';

/** How the terminal answers one request. */
export interface Reply {
  rc: number;
  tlvs?: Tlv[];
  /** Processing time before the final answer. */
  delayMs?: number;
  /** Interim RC 7F answers before the final one: progress percent and delay before each. */
  interim?: { percent: number; afterMs: number }[];
}

/** Options of an AutoTerminal. */
export interface AutoTerminalOptions {
  timing: LinkTiming;
  /** The clock of the line (a SimulatedClock in unit tests). */
  clock: Clock;
  /** Computes the reply to a request that is not a duplicate. */
  handler: (request: RtpRequest) => Reply;
  /** Answer to a good request frame; `nth` counts transmissions of the same body (1, 2, …). Default: ACK. */
  answerFrame?: (request: RtpRequest, nth: number) => 'ack' | 'nak' | 'silent';
  /** Host ACKs to ignore, as if lost on the line. */
  ignoreAcks?: number;
  /** Answer ENQ (default true); a function is asked at each ENQ. */
  answerEnq?: boolean | (() => boolean);
  maxBody?: number;
}

/** A reference terminal on one port. */
export class AutoTerminal {
  /** Requests executed (duplicates not counted), in order. */
  readonly executed: RtpRequest[] = [];
  /** Good request frames received, duplicates and retransmissions included. */
  readonly requestFrames: RtpRequest[] = [];
  /** Control bytes received from the host. */
  readonly controls: number[] = [];
  /** Frames this terminal sent (responses, interim ones and resends). */
  readonly sentFrames: Uint8Array[] = [];
  /** NAKs sent. */
  naksSent = 0;
  /** EOTs sent (gave up on an answer). */
  eotsSent = 0;

  private readonly decoder: FrameDecoder;
  private cancelTimer: Cancel | undefined;
  private readonly off: () => void;
  private ignoreAcks: number;
  private lastBody: Uint8Array | undefined;
  private lastTransmissions = 0;
  private executedBody: Uint8Array | undefined;
  private storedFinal: Uint8Array | undefined;
  /** True until the final answer of the last executed request is first sent. */
  private processing = false;
  private awaiting: ((outcome: 'ack' | 'nak' | 'moved-on') => void) | undefined;
  private stopped = false;

  constructor(
    readonly port: BytePort,
    private readonly options: AutoTerminalOptions,
  ) {
    this.ignoreAcks = options.ignoreAcks ?? 0;
    this.decoder = new FrameDecoder({ maxBody: options.maxBody ?? 1024, interByteTimeoutMs: options.timing.interByteMs, quietMs: options.timing.quietMs });
    this.off = port.onData((bytes) => {
      this.handle(this.decoder.push(bytes, options.clock.monoMs()));
      this.arm();
    });
  }

  /** Stops answering. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.off();
    this.awaiting?.('moved-on');
  }

  private handle(events: DecoderEvent[]): void {
    for (const event of events) {
      if (this.stopped) return;
      if (event.type === 'bad-frame') {
        this.naksSent++;
        void this.write(Uint8Array.of(NAK));
      } else if (event.type === 'control') {
        this.controls.push(event.byte);
        this.onControl(event.byte);
      } else if (event.type === 'frame') {
        this.movedOn();
        this.onFrame(event.body);
      }
    }
  }

  private onControl(byte: number): void {
    if (byte === ACK) {
      if (this.ignoreAcks > 0) this.ignoreAcks--;
      else this.awaiting?.('ack');
    } else if (byte === NAK) {
      this.awaiting?.('nak');
    } else if (byte === ENQ) {
      this.movedOn();
      const answer = this.options.answerEnq;
      if (typeof answer === 'function' ? answer() : answer !== false) void this.write(Uint8Array.of(ACK));
    } else if (byte === EOT) {
      this.movedOn();
    }
  }

  private onFrame(body: Uint8Array): void {
    const decoded = decodeRequest(body);
    if (!decoded.ok) return;
    const request = decoded.request;
    this.requestFrames.push(request);
    const same = same_(body, this.lastBody);
    this.lastTransmissions = same ? this.lastTransmissions + 1 : 1;
    this.lastBody = body;
    const answer = this.options.answerFrame?.(request, this.lastTransmissions) ?? 'ack';
    if (answer === 'nak') {
      this.naksSent++;
      void this.write(Uint8Array.of(NAK));
      return;
    }
    if (answer === 'silent') return;
    void this.write(Uint8Array.of(ACK));
    if (same_(body, this.executedBody) && this.storedFinal !== undefined) {
      // A duplicate: never executed twice. While still processing, the answer is on its way.
      if (!this.processing) void this.deliver([{ frame: this.storedFinal, afterMs: 0 }]);
      return;
    }
    this.execute(request, body);
  }

  private execute(request: RtpRequest, body: Uint8Array): void {
    this.executed.push(request);
    const reply = this.options.handler(request);
    const frames: { frame: Uint8Array; afterMs: number }[] = [];
    for (const step of reply.interim ?? []) {
      frames.push({ frame: encodeFrame(encodeResponse({ seq: request.seq, cmd: request.cmd, rc: ResultCode.IN_PROGRESS, tlvs: [byteTlv(Tag.F010, step.percent)] })), afterMs: step.afterMs });
    }
    const final = encodeFrame(encodeResponse({ seq: request.seq, cmd: request.cmd, rc: reply.rc, tlvs: reply.tlvs ?? [] }));
    frames.push({ frame: final, afterMs: reply.delayMs ?? 0 });
    this.executedBody = body;
    this.storedFinal = final;
    this.processing = true;
    void this.deliver(frames, () => (this.processing = false));
  }

  /** Sends frames in order, each waiting for the host's ACK with T1 retries, EOT after the last try. */
  private async deliver(frames: { frame: Uint8Array; afterMs: number }[], onFinalSent?: () => void): Promise<void> {
    for (const [i, { frame, afterMs }] of frames.entries()) {
      if (afterMs > 0) await this.options.clock.sleep(afterMs);
      if (i === frames.length - 1) onFinalSent?.();
      for (let transmission = 1; ; transmission++) {
        if (this.stopped || !this.port.isOpen()) return;
        this.sentFrames.push(frame);
        const outcome = this.waitAck();
        await this.write(frame);
        const got = await outcome;
        if (got === 'ack') break;
        if (got === 'moved-on') return;
        if (transmission >= this.options.timing.maxTransmissions) {
          this.eotsSent++;
          await this.write(Uint8Array.of(EOT));
          return;
        }
      }
    }
  }

  private waitAck(): Promise<'ack' | 'nak' | 'moved-on' | 'timeout'> {
    return new Promise((resolve) => {
      const cancel = this.options.clock.after(this.options.timing.t1Ms, () => {
        this.awaiting = undefined;
        resolve('timeout');
      });
      this.awaiting = (outcome) => {
        cancel();
        this.awaiting = undefined;
        resolve(outcome);
      };
    });
  }

  /** The host sent something new while we waited for its ACK: drop our answer (PROTOCOL.md §1). */
  private movedOn(): void {
    this.awaiting?.('moved-on');
  }

  private async write(bytes: Uint8Array): Promise<void> {
    if (this.port.isOpen()) await this.port.write(bytes).catch(() => undefined);
  }

  private arm(): void {
    this.cancelTimer?.();
    const { clock } = this.options;
    const deadline = this.decoder.deadlineMs();
    if (deadline === undefined) return;
    this.cancelTimer = clock.after(Math.max(0, deadline - clock.monoMs()) + 1, () => {
      this.handle(this.decoder.tick(clock.monoMs()));
      this.arm();
    });
  }
}

function same_(a: Uint8Array, b: Uint8Array | undefined): boolean {
  return b !== undefined && bytesEqual(a, b);
}
