// Applies the line model to a port. Outgoing bytes leave in small chunks at the baud rate after
// a turnaround; incoming bytes are handed on only once they would have finished arriving over
// the wire, because a pty or memory line delivers them at once (docs/simulator.md §4).
import type { Clock } from '../../platform/clock';
import type { BytePort } from '../port/byte-port';
import { byteTimeMs } from './line-model';
import type { LineModel } from './line-model';
import { TimerGroup } from './timer-group';

/** What a transmission came to: on the wire, or cut off by a reset (reboot, power loss, detach). */
export type SendResult = 'sent' | 'cancelled';

/** A transmission under way. */
export interface Transmission {
  /** Resolves once the last byte is on the wire, or 'cancelled'. */
  readonly done: Promise<SendResult>;
  /** Calls the transmission off if its first byte has not left yet; true when it did. */
  cancelIfNotStarted(): boolean;
}

/** Longest gap between two outgoing chunks; kept well under the peer's inter-byte timeout. */
const MAX_CHUNK_INTERVAL_MS = 8;

/** A port seen through the line model. */
export class PacedLine {
  private readonly timers: TimerGroup;
  private txFreeAt = 0;
  /** Transmissions in flight, settled 'cancelled' by reset(). */
  private readonly pending = new Set<(result: SendResult) => void>();
  private rxFreeAt = 0;
  private readonly chunkIntervalMs: number;

  /**
   * `deliver` receives incoming bytes with the line time at which their last byte arrived.
   * `interByteMs` is the peer's inter-byte timeout: outgoing chunks are spaced well inside it.
   */
  constructor(
    private readonly port: BytePort,
    private readonly line: LineModel | undefined,
    private readonly deliver: (bytes: Uint8Array, atMs: number) => void,
    interByteMs: number,
    private readonly clock: Clock,
  ) {
    this.timers = new TimerGroup(clock);
    this.chunkIntervalMs = Math.max(1, Math.min(MAX_CHUNK_INTERVAL_MS, interByteMs / 4));
  }

  /** Bytes from the port: delivered at once without a line model, else when their wire time is over. */
  receive(bytes: Uint8Array): void {
    const now = this.clock.monoMs();
    if (this.line === undefined) {
      this.deliver(bytes, now);
      return;
    }
    const byteMs = byteTimeMs(this.line);
    const start = Math.max(now, this.rxFreeAt);
    this.rxFreeAt = start + bytes.length * byteMs;
    // Handed on piece by piece as each piece finishes arriving, so the frame decoder sees a steady
    // stream (as from a UART) and its inter-byte timeout measures line time, not chunk size.
    this.forEachChunk(bytes.length, byteMs, (from, to) => {
      const piece = bytes.slice(from, to);
      const arrivedAt = start + to * byteMs;
      this.timers.after(arrivedAt - now, () => this.deliver(piece, arrivedAt));
    });
  }

  /**
   * Transmits after one turnaround, paced at the baud rate, behind anything still going out.
   * Resolves once the last byte is on the wire.
   */
  send(bytes: Uint8Array): Promise<SendResult> {
    return this.startSend(bytes).done;
  }

  /** Like send(), but the transmission can still be called off while it waits for its turn. */
  startSend(bytes: Uint8Array): Transmission {
    const line = this.line;
    if (line === undefined) {
      // Without a line model the bytes leave at once: nothing left to call off.
      const done = this.track((settle) => void this.write(bytes).then(() => settle('sent')));
      return { done, cancelIfNotStarted: () => false };
    }
    const now = this.clock.monoMs();
    const byteMs = byteTimeMs(line);
    const freeBefore = this.txFreeAt;
    const start = Math.max(now, freeBefore) + line.turnaroundMs;
    const end = start + bytes.length * byteMs;
    this.txFreeAt = end;
    const cancels: Array<() => void> = [];
    this.forEachChunk(bytes.length, byteMs, (from, to) => {
      const chunk = bytes.slice(from, to);
      // A chunk reaches the peer when its last byte has been clocked out.
      cancels.push(this.timers.after(start + to * byteMs - now, () => void this.write(chunk)));
    });
    let settle: (result: SendResult) => void = () => undefined;
    const done = this.track((resolve) => {
      settle = resolve;
      cancels.push(this.timers.after(end - now, () => resolve('sent')));
    });
    return {
      done,
      cancelIfNotStarted: () => {
        if (this.clock.monoMs() >= start) return false;
        for (const cancel of cancels) cancel();
        if (this.txFreeAt === end) this.txFreeAt = freeBefore;
        settle('cancelled');
        return true;
      },
    };
  }

  /** Line time to put `bytes` on the wire after a turnaround (0 without a line model), for transmissions a fault swallows. */
  async pretendSend(bytes: number): Promise<SendResult> {
    const line = this.line;
    if (line === undefined) return 'sent';
    const now = this.clock.monoMs();
    const end = Math.max(now, this.txFreeAt) + line.turnaroundMs + bytes * byteTimeMs(line);
    this.txFreeAt = end;
    return (await this.timers.sleep(end - now)) ? 'sent' : 'cancelled';
  }

  /** Drops everything in flight both ways, as a power cut or a pulled cable would. */
  reset(): void {
    this.timers.cancelAll();
    for (const settle of [...this.pending]) settle('cancelled');
    this.pending.clear();
    this.txFreeAt = 0;
    this.rxFreeAt = 0;
  }

  /**
   * A transmission's outcome, settled by `start` or by reset(), whichever comes first. A write on
   * a port that died under it may never finish; reset() (on detach or restart) still ends it.
   */
  private track(start: (settle: (result: SendResult) => void) => void): Promise<SendResult> {
    return new Promise<SendResult>((resolve) => {
      const settle = (result: SendResult): void => {
        if (!this.pending.delete(settle)) return;
        resolve(result);
      };
      this.pending.add(settle);
      start(settle);
    });
  }

  /** Splits `length` bytes into pieces that each take at most one chunk interval on the wire. */
  private forEachChunk(length: number, byteMs: number, fn: (from: number, to: number) => void): void {
    const perChunk = Math.max(1, Math.floor(this.chunkIntervalMs / byteMs));
    for (let from = 0; from < length; from += perChunk) fn(from, Math.min(length, from + perChunk));
  }

  private async write(bytes: Uint8Array): Promise<void> {
    if (!this.port.isOpen()) return;
    // A port that fails mid-write reports it through onClose; the transmission is simply lost.
    await this.port.write(bytes).catch(() => undefined);
  }
}
