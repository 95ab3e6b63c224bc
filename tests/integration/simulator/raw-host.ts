// A deliberately tiny host for testing the terminal simulator: it writes raw bytes and frames,
// decodes what comes back with the codec, and optionally ACKs good frames and NAKs bad ones at
// once. No retries, no timers of its own: each test drives the protocol by hand. Times and waits
// are on the clock it is given (the simulator's, so a simulated one makes every `atMs` simulated).
import { ACK, decodeResponse, encodeFrame, encodeRequest, FrameDecoder, NAK } from '../../../shared/rtp';
import type { RtpResponse, Tlv } from '../../../shared/rtp';
import { systemClock } from '../../../electron/main/platform/clock';
import type { Cancel, Clock } from '../../../electron/main/platform/clock';
import type { BytePort } from '../../../electron/main/terminal/port/byte-port';

/** Something the host received, stamped with the clock's monoMs(). */
export type Received =
  | { readonly kind: 'control'; readonly byte: number; readonly atMs: number }
  | { readonly kind: 'frame'; readonly body: Uint8Array; readonly response: RtpResponse | undefined; readonly atMs: number }
  | { readonly kind: 'bad-frame'; readonly reason: string; readonly atMs: number };

/** Options of RawHost. */
export interface RawHostOptions {
  /** ACK every good frame at once (default true). */
  autoAck?: boolean;
  /** NAK every damaged frame (default true). */
  autoNak?: boolean;
  /** Where times and waits come from; the process's clock by default. */
  clock?: Clock;
}

/** The final response of an exchange and the interims before it. */
export interface Exchange {
  readonly final: RtpResponse;
  readonly interims: RtpResponse[];
  /** From writing the request to receiving the final response. */
  readonly elapsedMs: number;
  /** The ACK's arrival, relative to writing the request. */
  readonly ackAfterMs: number;
}

/** A raw host on one port. */
export class RawHost {
  /** Everything received, in order. */
  readonly received: Received[] = [];
  /** Everything written, in order, with its time. */
  readonly sent: Array<{ readonly bytes: Uint8Array; readonly atMs: number }> = [];
  autoAck: boolean;
  autoNak: boolean;
  private cursor = 0;
  private readonly decoder = new FrameDecoder({ maxBody: 65535 });
  private wake: (() => void) | undefined;
  private cancelTick: Cancel | undefined;
  private readonly off: () => void;
  private readonly clock: Clock;

  /** Starts listening on `port`. */
  constructor(readonly port: BytePort, options: RawHostOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.autoAck = options.autoAck ?? true;
    this.autoNak = options.autoNak ?? true;
    this.off = port.onData((bytes) => this.onData(bytes));
  }

  /** Writes raw bytes. */
  async write(bytes: Uint8Array | readonly number[]): Promise<void> {
    const copy = Uint8Array.from(bytes);
    this.sent.push({ bytes: copy, atMs: this.clock.monoMs() });
    // A write on a port that is gone may never settle; there is nobody to talk to anyway.
    if (!this.port.isOpen()) return;
    await this.port.write(copy);
  }

  /** Writes a request frame. */
  sendRequest(seq: number, cmd: number, tlvs: readonly Tlv[] = []): Promise<void> {
    return this.sendBody(encodeRequest({ seq, cmd, tlvs }));
  }

  /** Writes a frame around any body. */
  sendBody(body: Uint8Array): Promise<void> {
    return this.write(encodeFrame(body, { maxBody: 65535 }));
  }

  /** The next received item not yet taken; rejects after `timeoutMs`. */
  async next(timeoutMs = 2000): Promise<Received> {
    const deadline = this.clock.monoMs() + timeoutMs;
    while (this.cursor >= this.received.length) {
      const left = deadline - this.clock.monoMs();
      if (left <= 0) throw new Error(`Nothing received within ${timeoutMs} ms (received so far: ${this.describeAll()}).`);
      await new Promise<void>((resolve) => {
        const cancel = this.clock.after(left, resolve);
        this.wake = () => {
          cancel();
          resolve();
        };
      });
      this.wake = undefined;
    }
    return this.received[this.cursor++]!;
  }

  /** Takes the next item and checks it is this control byte. */
  async expectControl(byte: number, timeoutMs = 2000): Promise<number> {
    const item = await this.next(timeoutMs);
    if (item.kind !== 'control' || item.byte !== byte) throw new Error(`Expected control 0x${byte.toString(16)}, got ${describe(item)}.`);
    return item.atMs;
  }

  /** Takes the next item and checks it is a response frame. */
  async expectResponse(timeoutMs = 2000): Promise<RtpResponse & { atMs: number }> {
    const item = await this.next(timeoutMs);
    if (item.kind !== 'frame' || item.response === undefined) throw new Error(`Expected a response frame, got ${describe(item)}.`);
    return { ...item.response, atMs: item.atMs };
  }

  /** Sends a request, expects its ACK, collects interims and returns the final response. */
  async exchange(seq: number, cmd: number, tlvs: readonly Tlv[] = [], timeoutMs = 3000): Promise<Exchange> {
    const start = this.clock.monoMs();
    await this.sendRequest(seq, cmd, tlvs);
    const ackAt = await this.expectControl(ACK, timeoutMs);
    const interims: RtpResponse[] = [];
    for (;;) {
      const response = await this.expectResponse(timeoutMs);
      if (response.rc === 0x7f) {
        interims.push(response);
        continue;
      }
      return { final: response, interims, elapsedMs: response.atMs - start, ackAfterMs: ackAt - start };
    }
  }

  /** Waits `ms` and returns (and takes) whatever arrived meanwhile. */
  async collectFor(ms: number): Promise<Received[]> {
    await this.clock.sleep(ms);
    return this.drain();
  }

  /** Takes everything received so far. */
  drain(): Received[] {
    const items = this.received.slice(this.cursor);
    this.cursor = this.received.length;
    return items;
  }

  /** Stops listening. */
  close(): void {
    this.off();
    this.cancelTick?.();
  }

  private describeAll(): string {
    return this.received.length === 0 ? 'nothing' : this.received.map(describe).join(', ');
  }

  private onData(bytes: Uint8Array): void {
    this.handle(this.decoder.push(bytes, this.clock.monoMs()));
  }

  private handle(events: ReturnType<FrameDecoder['push']>): void {
    const atMs = this.clock.monoMs();
    for (const event of events) {
      if (event.type === 'control') this.received.push({ kind: 'control', byte: event.byte, atMs });
      else if (event.type === 'frame') {
        const decoded = decodeResponse(event.body);
        this.received.push({ kind: 'frame', body: event.body, response: decoded.ok ? decoded.response : undefined, atMs });
        if (this.autoAck) void this.write([ACK]);
      } else if (event.type === 'bad-frame') {
        this.received.push({ kind: 'bad-frame', reason: event.reason, atMs });
        if (this.autoNak) void this.write([NAK]);
      }
    }
    this.wake?.();
    this.cancelTick?.();
    this.cancelTick = undefined;
    const deadline = this.decoder.deadlineMs();
    if (deadline !== undefined) {
      this.cancelTick = this.clock.after(deadline + 1 - this.clock.monoMs(), () => this.handle(this.decoder.tick(this.clock.monoMs())));
    }
  }
}

/** One received item in words, for failure messages. */
export function describe(item: Received): string {
  if (item.kind === 'control') return `control 0x${item.byte.toString(16).padStart(2, '0')}`;
  if (item.kind === 'bad-frame') return `bad frame (${item.reason})`;
  const r = item.response;
  return r === undefined ? `frame of ${item.body.length} bytes` : `response seq=${r.seq} cmd=0x${r.cmd.toString(16)} rc=0x${r.rc.toString(16)}`;
}
