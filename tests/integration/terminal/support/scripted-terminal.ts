// A scripted fake terminal for link tests: it records everything the host sends (decoded with the
// codec's FrameDecoder under the same timers) and sends exactly what the test tells it to, so each
// rule of PROTOCOL.md §1-§2 can be checked byte by byte. It reads the time, and waits, on the
// clock it is given: on a SimulatedClock every `at` is simulated time and every wait is too.
import { ABSOLUTE_MAX_BODY, ACK, decodeRequest, encodeFrame, encodeResponse, EOT, FrameDecoder, NAK } from '../../../../shared/rtp';
import type { DecoderEvent, RtpRequest, Tlv } from '../../../../shared/rtp';
import type { Cancel, Clock } from '../../../../electron/main/platform/clock';
import type { BytePort } from '../../../../electron/main/terminal/port/byte-port';
import type { LinkTiming } from '../../../../electron/main/terminal/link/link-timing';

/** Something the terminal received, with the clock's monotonic time it was decoded. */
export type Received =
  | { type: 'frame'; at: number; body: Uint8Array; request: RtpRequest | undefined }
  | { type: 'control'; at: number; byte: number }
  | { type: 'bad-frame'; at: number; reason: string }
  | { type: 'stalled'; at: number }
  | { type: 'noise'; at: number; count: number };

/** A terminal whose every move is scripted by the test. */
export class ScriptedTerminal {
  /** Everything received so far, in order. */
  readonly log: Received[] = [];
  private readonly decoder: FrameDecoder;
  private readonly queue: Received[] = [];
  private waiter: (() => void) | undefined;
  private cancelTimer: Cancel | undefined;
  private readonly off: () => void;

  constructor(
    readonly port: BytePort,
    timing: LinkTiming,
    private readonly clock: Clock,
    maxBody = 1024,
  ) {
    this.decoder = new FrameDecoder({ maxBody, interByteTimeoutMs: timing.interByteMs, quietMs: timing.quietMs });
    this.off = port.onData((bytes) => {
      this.take(this.decoder.push(bytes, clock.monoMs()));
      this.arm();
    });
  }

  /** The next thing received; rejects after `timeoutMs` on the clock. */
  next(timeoutMs = 2000): Promise<Received> {
    const item = this.queue.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise<Received>((resolve, reject) => {
      const cancel = this.clock.after(timeoutMs, () => {
        this.waiter = undefined;
        reject(new Error(`scripted terminal: nothing received within ${timeoutMs} ms`));
      });
      this.waiter = () => {
        const got = this.queue.shift();
        if (got === undefined) return;
        cancel();
        this.waiter = undefined;
        resolve(got);
      };
    });
  }

  /** The next received item, which must be a request frame. */
  async expectRequest(timeoutMs = 2000): Promise<RtpRequest & { body: Uint8Array; at: number }> {
    const item = await this.next(timeoutMs);
    if (item.type !== 'frame' || item.request === undefined) throw new Error(`scripted terminal: expected a request, got ${describe(item)}`);
    return { ...item.request, body: item.body, at: item.at };
  }

  /** The next received item, which must be the control byte `byte`. */
  async expectControl(byte: number, timeoutMs = 2000): Promise<number> {
    const item = await this.next(timeoutMs);
    if (item.type !== 'control' || item.byte !== byte) throw new Error(`scripted terminal: expected control 0x${byte.toString(16)}, got ${describe(item)}`);
    return item.at;
  }

  /** Resolves when nothing at all arrives for `ms`. */
  async expectSilence(ms: number): Promise<void> {
    const item = await this.next(ms).catch(() => undefined);
    if (item !== undefined) throw new Error(`scripted terminal: expected silence, got ${describe(item)}`);
  }

  /** Sends raw bytes. */
  send(bytes: Uint8Array | number[]): Promise<void> {
    return this.port.write(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
  }

  /** Sends ACK. */
  ack(): Promise<void> {
    return this.send([ACK]);
  }

  /** Sends NAK. */
  nak(): Promise<void> {
    return this.send([NAK]);
  }

  /** Sends EOT. */
  eot(): Promise<void> {
    return this.send([EOT]);
  }

  /** Sends a response frame. */
  respond(seq: number, cmd: number, rc: number, tlvs: readonly Tlv[] = []): Promise<void> {
    return this.send(responseFrame(seq, cmd, rc, tlvs));
  }

  /** Stops listening. */
  stop(): void {
    this.cancelTimer?.();
    this.off();
  }

  private take(events: DecoderEvent[]): void {
    const at = this.clock.monoMs();
    for (const event of events) {
      let item: Received | undefined;
      switch (event.type) {
        case 'frame': {
          const decoded = decodeRequest(event.body);
          item = { type: 'frame', at, body: event.body, request: decoded.ok ? decoded.request : undefined };
          break;
        }
        case 'control':
          item = { type: 'control', at, byte: event.byte };
          break;
        case 'bad-frame':
          item = { type: 'bad-frame', at, reason: event.reason };
          break;
        case 'stalled':
          item = { type: 'stalled', at };
          break;
        case 'noise':
          item = { type: 'noise', at, count: event.count };
          break;
        case 'discarding':
          break;
      }
      if (item === undefined) continue;
      this.log.push(item);
      this.queue.push(item);
      this.waiter?.();
    }
  }

  private arm(): void {
    this.cancelTimer?.();
    const deadline = this.decoder.deadlineMs();
    if (deadline === undefined) return;
    this.cancelTimer = this.clock.after(Math.max(0, deadline - this.clock.monoMs()) + 1, () => {
      this.take(this.decoder.tick(this.clock.monoMs()));
      this.arm();
    });
  }
}

/** The bytes of a response frame; any size LEN can write, so tests can also send oversized frames. */
export function responseFrame(seq: number, cmd: number, rc: number, tlvs: readonly Tlv[] = []): Uint8Array {
  return encodeFrame(encodeResponse({ seq, cmd, rc, tlvs }), { maxBody: ABSOLUTE_MAX_BODY });
}

function describe(item: Received): string {
  switch (item.type) {
    case 'frame':
      return `frame ${Buffer.from(item.body).toString('hex')}`;
    case 'control':
      return `control 0x${item.byte.toString(16)}`;
    default:
      return item.type;
  }
}
