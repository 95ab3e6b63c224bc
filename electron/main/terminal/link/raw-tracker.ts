// Recovers the raw bytes behind each FrameDecoder event, so the link log can show the exact hex
// of a noise burst, a damaged frame or a stalled one, not only what the decoder made of it.
// Events consume received bytes strictly in order, and each event says (or implies) how many.
import type { DecoderEvent } from '../../../../shared/rtp';

/** Keeps received bytes until the decoder event that accounts for them. */
export class RawTracker {
  private pending = new Uint8Array(256);
  private length = 0;

  /** Adds bytes as they arrive, before they are pushed to the decoder. */
  push(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.pending.length) {
      const grown = new Uint8Array(Math.max(this.pending.length * 2, this.length + bytes.length));
      grown.set(this.pending.subarray(0, this.length));
      this.pending = grown;
    }
    this.pending.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The raw bytes of `event`, removed from the pending bytes. */
  take(event: DecoderEvent): Uint8Array {
    return this.consume(this.sizeOf(event));
  }

  /** Forgets everything pending. */
  reset(): void {
    this.length = 0;
  }

  private sizeOf(event: DecoderEvent): number {
    switch (event.type) {
      case 'frame':
        return event.body.length + 5;
      case 'control':
        return 1;
      case 'noise':
        return event.count;
      case 'stalled':
        return event.received;
      case 'discarding':
        // STX and LEN were read; for a missing ETX the body and the wrong byte too.
        return event.reason === 'no-etx' ? 3 + this.declaredLength() + 1 : 3;
      case 'bad-frame':
        return event.reason === 'lrc' ? 3 + this.declaredLength() + 2 : event.discarded;
    }
  }

  /** LEN of the frame at the front of the pending bytes (RTP/1: two bytes, big-endian). */
  private declaredLength(): number {
    return this.length >= 3 ? (this.pending[1]! << 8) | this.pending[2]! : 0;
  }

  private consume(count: number): Uint8Array {
    const n = Math.min(Math.max(count, 0), this.length);
    const out = this.pending.slice(0, n);
    this.pending.copyWithin(0, n, this.length);
    this.length -= n;
    return out;
  }
}
