// Recovers the raw bytes behind each FrameDecoder event, so the link log can show the exact hex
// of a noise burst, a damaged frame or a stalled one, not only what the decoder made of it.
// Events consume received bytes strictly in order, and each event says (or implies) how many.
// Bytes that are not a frame (noise, and what a discard throws away) are kept only up to a short
// prefix and otherwise counted, so a flood from the line costs neither memory nor log size.
import type { DecoderEvent } from '../../../../shared/rtp';

/** Bytes of noise or of a discard kept for the log; the rest are only counted. */
export const UNFRAMED_PREFIX_BYTES = 64;

/** The raw bytes of one event: all of a frame's, a prefix of anything else, and how many were left out. */
export interface RawBytes {
  /** The bytes shown. */
  bytes: Uint8Array;
  /** Bytes of the event not kept (0 when `bytes` is all of them). */
  omitted: number;
}

/** Keeps received bytes until the decoder event that accounts for them. */
export class RawTracker {
  private pending = new Uint8Array(256);
  private length = 0;
  /** Bytes of the discard in progress dropped after the kept prefix (they sit at the end of `pending`). */
  private elided = 0;

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

  /**
   * Called while the decoder discards, after the events of a push were taken: every pending byte
   * then belongs to the discard, and only its first UNFRAMED_PREFIX_BYTES are kept.
   */
  elideDiscard(): void {
    if (this.length <= UNFRAMED_PREFIX_BYTES) return;
    this.elided += this.length - UNFRAMED_PREFIX_BYTES;
    this.length = UNFRAMED_PREFIX_BYTES;
    // Give back what a flood made the buffer grow to.
    if (this.pending.length > 4096) this.pending = this.pending.slice(0, 256);
  }

  /** The raw bytes of `event`, removed from the pending bytes. */
  take(event: DecoderEvent): RawBytes {
    const size = this.sizeOf(event);
    if (event.type === 'bad-frame' && event.reason !== 'lrc') {
      // The end of a discard: what elideDiscard dropped belongs to it.
      const elided = Math.min(this.elided, size);
      this.elided = 0;
      return this.prefixOf(size - elided, elided);
    }
    if (event.type === 'noise') return this.prefixOf(size, 0);
    return { bytes: this.consume(size), omitted: 0 };
  }

  /** Forgets everything pending. */
  reset(): void {
    this.length = 0;
    this.elided = 0;
  }

  /** Consumes `count` bytes and keeps at most the prefix of them; `alreadyOmitted` were dropped earlier. */
  private prefixOf(count: number, alreadyOmitted: number): RawBytes {
    const all = this.consume(count);
    if (all.length <= UNFRAMED_PREFIX_BYTES) return { bytes: all, omitted: alreadyOmitted };
    return { bytes: all.subarray(0, UNFRAMED_PREFIX_BYTES), omitted: alreadyOmitted + all.length - UNFRAMED_PREFIX_BYTES };
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
