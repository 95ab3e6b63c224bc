// The streaming frame decoder (PROTOCOL.md §1). The caller owns the clock: every push() and tick()
// says what time it is, so the same decoder runs under real timers in the host link layer, under
// the terminal simulator's line model, and under tests with no waiting at all.
import { ETX, INTER_BYTE_TIMEOUT_MS, QUIET_BEFORE_NAK_MS, STX } from './constants';
import type { ControlByte } from './constants';
import { readLength } from './frame-encoder';
import { checkMaxBody, lrcCoverage, lrcEtx, lrcSeed, resolveFrameOptions } from './frame-options';
import type { FrameOptions, LengthEncoding } from './frame-options';

/** Why a frame was refused; every refusal is answered with NAK. */
export type BadFrameReason = 'lrc' | 'len-over-max' | 'len-invalid' | 'no-etx';

/** What the decoder found. The comment on each says what the receiver must do. */
export type DecoderEvent =
  /** A whole frame with LEN, ETX and LRC right: answer ACK, then handle `body` (a fresh copy). */
  | { readonly type: 'frame'; readonly body: Uint8Array }
  /** A refused frame: answer NAK now. `discarded` counts bytes thrown away while waiting for quiet. */
  | { readonly type: 'bad-frame'; readonly reason: BadFrameReason; readonly discarded: number }
  /** LEN or ETX was wrong: input is now discarded; a 'bad-frame' event follows once the line is quiet. Send nothing yet. */
  | { readonly type: 'discarding'; readonly reason: Exclude<BadFrameReason, 'lrc'> }
  /** A frame stopped arriving for longer than the inter-byte timeout and was dropped: send nothing. */
  | { readonly type: 'stalled'; readonly received: number }
  /** ACK, NAK, EOT or ENQ received outside a frame. */
  | { readonly type: 'control'; readonly byte: ControlByte }
  /** Bytes before STX that were not control bytes, skipped as line noise. */
  | { readonly type: 'noise'; readonly count: number };

/** Options of FrameDecoder: framing plus the two timers. */
export interface FrameDecoderOptions extends FrameOptions {
  /** A partial frame is dropped when no byte arrives for longer than this. */
  interByteTimeoutMs: number;
  /** After a LEN/ETX error, the line must be silent this long before the NAK. */
  quietMs: number;
}

// States, as plain numbers: the hot loop switches on them per chunk and per header byte.
const HUNT = 0;
const LEN_HI = 1;
const LEN_LO = 2;
const BODY = 3;
const WANT_ETX = 4;
const WANT_LRC = 5;
const DISCARD = 6;

/** Lookup table for ACK, NAK, EOT and ENQ: cheaper than four compares per noise byte. */
const IS_CONTROL = new Uint8Array(256);
for (const byte of [0x04, 0x05, 0x06, 0x15]) IS_CONTROL[byte] = 1;

/**
 * Turns bytes in any chunking into frames, control bytes and errors. Never throws on any input.
 * Bodies accumulate in one preallocated buffer; the only allocations are the returned event list
 * and its events (one body copy per good frame). Noise is counted per push() call.
 */
export class FrameDecoder {
  private maxBodyLimit: number;
  private readonly lengthEncoding: LengthEncoding;
  private readonly lrcSeedValue: number;
  private readonly lrcEtxValue: number;
  private readonly lrcCoversLen: boolean;
  private readonly interByteTimeoutMs: number;
  private readonly quietMs: number;

  private buffer: Uint8Array;
  private state = HUNT;
  private lenHi = 0;
  private bodyLength = 0;
  private filled = 0;
  private lrcAcc = 0;
  private frameBytes = 0;
  private discardReason: Exclude<BadFrameReason, 'lrc'> = 'no-etx';
  private discarded = 0;
  private pendingNoise = 0;
  private lastByteAt = 0;
  /** Frames started (STX read) so far: tells one frame in progress from the next. */
  private framesStarted = 0;

  /** Creates a decoder; omitted options take RTP/1's values. Throws RtpError on a bad maxBody. */
  constructor(options: Partial<FrameDecoderOptions> = {}) {
    const framing = resolveFrameOptions(options);
    const coverage = lrcCoverage(framing.lrcSpan);
    this.maxBodyLimit = framing.maxBody;
    this.lengthEncoding = framing.lengthEncoding;
    this.lrcSeedValue = lrcSeed(coverage);
    this.lrcEtxValue = lrcEtx(coverage);
    this.lrcCoversLen = coverage.len;
    this.interByteTimeoutMs = options.interByteTimeoutMs ?? INTER_BYTE_TIMEOUT_MS;
    this.quietMs = options.quietMs ?? QUIET_BEFORE_NAK_MS;
    this.buffer = new Uint8Array(framing.maxBody);
  }

  /** The largest body currently accepted. */
  get maxBody(): number {
    return this.maxBodyLimit;
  }

  /** Changes the largest accepted body (after HELLO); applies from the next LEN read. Throws RtpError when out of range. */
  setMaxBody(maxBody: number): void {
    checkMaxBody(maxBody, this.lengthEncoding);
    this.maxBodyLimit = maxBody;
    if (this.buffer.length < maxBody) {
      const grown = new Uint8Array(maxBody);
      grown.set(this.buffer.subarray(0, this.filled));
      this.buffer = grown;
    }
  }

  /** Feeds bytes that arrived at `nowMs` (any millisecond clock; a clock that steps back only delays the timers). */
  push(bytes: Uint8Array, nowMs: number): DecoderEvent[] {
    const events: DecoderEvent[] = [];
    const now = this.clock(nowMs);
    this.expire(now, events);
    const n = bytes.length;
    if (n === 0) return events;
    this.lastByteAt = now;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case HUNT: {
          let noise = 0;
          let b = 0;
          while (i < n) {
            b = bytes[i]!;
            if (b === STX || IS_CONTROL[b] === 1) break;
            noise++;
            i++;
          }
          this.pendingNoise += noise;
          if (i === n) break;
          this.flushNoise(events);
          i++;
          if (b === STX) {
            this.state = LEN_HI;
            this.framesStarted++;
            this.frameBytes = 1;
            this.lrcAcc = this.lrcSeedValue;
          } else {
            events.push({ type: 'control', byte: b as ControlByte });
          }
          break;
        }
        case LEN_HI: {
          const b = bytes[i++]!;
          this.lenHi = b;
          if (this.lrcCoversLen) this.lrcAcc ^= b;
          this.frameBytes++;
          this.state = LEN_LO;
          break;
        }
        case LEN_LO: {
          const b = bytes[i++]!;
          if (this.lrcCoversLen) this.lrcAcc ^= b;
          this.frameBytes++;
          const length = readLength(this.lenHi, b, this.lengthEncoding);
          if (length < 0) this.startDiscard('len-invalid', events);
          else if (length > this.maxBodyLimit) this.startDiscard('len-over-max', events);
          else {
            this.bodyLength = length;
            this.filled = 0;
            this.state = length === 0 ? WANT_ETX : BODY;
          }
          break;
        }
        case BODY: {
          const take = Math.min(n - i, this.bodyLength - this.filled);
          const end = i + take;
          this.buffer.set(bytes.subarray(i, end), this.filled);
          let x = this.lrcAcc;
          for (let j = i; j < end; j++) x ^= bytes[j]!;
          this.lrcAcc = x;
          this.filled += take;
          this.frameBytes += take;
          i = end;
          if (this.filled === this.bodyLength) this.state = WANT_ETX;
          break;
        }
        case WANT_ETX: {
          const b = bytes[i++]!;
          this.frameBytes++;
          if (b === ETX) {
            this.lrcAcc ^= this.lrcEtxValue;
            this.state = WANT_LRC;
          } else {
            this.startDiscard('no-etx', events);
          }
          break;
        }
        case WANT_LRC: {
          const b = bytes[i++]!;
          this.state = HUNT;
          if (b === this.lrcAcc) events.push({ type: 'frame', body: this.buffer.slice(0, this.bodyLength) });
          else events.push({ type: 'bad-frame', reason: 'lrc', discarded: 0 });
          break;
        }
        default: {
          // DISCARD: everything, STX and control bytes included, until the line goes quiet.
          this.discarded += n - i;
          i = n;
          break;
        }
      }
    }
    this.flushNoise(events);
    return events;
  }

  /** Lets time pass with no bytes: reports a stalled frame or the NAK that a quiet line releases. */
  tick(nowMs: number): DecoderEvent[] {
    const events: DecoderEvent[] = [];
    this.expire(this.clock(nowMs), events);
    return events;
  }

  /**
   * When tick() has something to do, or undefined when idle. A partial frame is dropped once the
   * clock is strictly past this time; a discard ends with its NAK once the clock reaches it.
   */
  deadlineMs(): number | undefined {
    if (this.state === HUNT) return undefined;
    return this.lastByteAt + (this.state === DISCARD ? this.quietMs : this.interByteTimeoutMs);
  }

  /** True while a frame is partly received or a discard waits for quiet. */
  get busy(): boolean {
    return this.state !== HUNT;
  }

  /** True while input is thrown away after a LEN or ETX error, until the line is quiet. */
  get discarding(): boolean {
    return this.state === DISCARD;
  }

  /**
   * The frame partly received, if any: its number (frames are counted from STX) and the most
   * bytes it still needs. Undefined outside a frame and while discarding, which ends in no frame.
   */
  frameInProgress(): { id: number; bytesLeft: number } | undefined {
    switch (this.state) {
      case LEN_HI:
        return { id: this.framesStarted, bytesLeft: 1 + 1 + this.maxBodyLimit + 2 };
      case LEN_LO:
        return { id: this.framesStarted, bytesLeft: 1 + this.maxBodyLimit + 2 };
      case BODY:
        return { id: this.framesStarted, bytesLeft: this.bodyLength - this.filled + 2 };
      case WANT_ETX:
        return { id: this.framesStarted, bytesLeft: 2 };
      case WANT_LRC:
        return { id: this.framesStarted, bytesLeft: 1 };
      default:
        return undefined;
    }
  }

  /** Forgets any partial frame or pending discard, e.g. when the port is reopened. */
  reset(): void {
    this.state = HUNT;
    this.pendingNoise = 0;
    this.discarded = 0;
    this.filled = 0;
  }

  /** A time that is not a finite number counts as "no time has passed", so it cannot wedge the timers. */
  private clock(nowMs: number): number {
    return Number.isFinite(nowMs) ? nowMs : this.lastByteAt;
  }

  private expire(nowMs: number, events: DecoderEvent[]): void {
    if (this.state === HUNT) return;
    const silence = nowMs - this.lastByteAt;
    if (this.state === DISCARD) {
      if (silence >= this.quietMs) {
        events.push({ type: 'bad-frame', reason: this.discardReason, discarded: this.discarded });
        this.state = HUNT;
      }
    } else if (silence > this.interByteTimeoutMs) {
      events.push({ type: 'stalled', received: this.frameBytes });
      this.state = HUNT;
    }
  }

  private startDiscard(reason: Exclude<BadFrameReason, 'lrc'>, events: DecoderEvent[]): void {
    this.state = DISCARD;
    this.discardReason = reason;
    this.discarded = 0;
    events.push({ type: 'discarding', reason });
  }

  private flushNoise(events: DecoderEvent[]): void {
    if (this.pendingNoise === 0) return;
    events.push({ type: 'noise', count: this.pendingNoise });
    this.pendingNoise = 0;
  }
}
