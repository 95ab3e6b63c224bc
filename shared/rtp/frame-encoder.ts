// Builds one frame: STX | LEN | BODY | ETX | LRC.
import { ETX, STX } from './constants';
import { RtpError } from './errors';
import { lengthLimit, lrcCoverage, lrcEtx, lrcSeed, resolveFrameOptions } from './frame-options';
import type { FrameOptions, LengthEncoding } from './frame-options';
import { lrc } from './lrc';

/** Wraps `body` in a frame; throws RtpError when it is longer than maxBody or LEN allows. */
export function encodeFrame(body: Uint8Array, options: Partial<FrameOptions> = {}): Uint8Array {
  const resolved = resolveFrameOptions(options);
  const limit = Math.min(resolved.maxBody, lengthLimit(resolved.lengthEncoding));
  if (body.length > limit) {
    throw new RtpError('body-too-long', `Frame body of ${body.length} bytes exceeds the ${limit}-byte limit; split the message.`);
  }
  const frame = new Uint8Array(body.length + 5);
  frame[0] = STX;
  writeLength(frame, 1, body.length, resolved.lengthEncoding);
  frame.set(body, 3);
  frame[3 + body.length] = ETX;
  const coverage = lrcCoverage(resolved.lrcSpan);
  const start = coverage.len ? 1 : 3;
  frame[4 + body.length] = lrc(frame, start, 3 + body.length, lrcSeed(coverage)) ^ lrcEtx(coverage);
  return frame;
}

/** Writes `length` into two LEN bytes at `offset`. */
export function writeLength(out: Uint8Array, offset: number, length: number, encoding: LengthEncoding): void {
  if (encoding === 'bcd') {
    out[offset] = (Math.floor(length / 1000) << 4) | Math.floor(length / 100) % 10;
    out[offset + 1] = (Math.floor(length / 10) % 10 << 4) | length % 10;
  } else {
    out[offset] = length >> 8;
    out[offset + 1] = length & 0xff;
  }
}

/** Reads two LEN bytes; -1 when a BCD nibble is not a decimal digit. */
export function readLength(hi: number, lo: number, encoding: LengthEncoding): number {
  if (encoding === 'binary-be') return (hi << 8) | lo;
  const d1 = hi >> 4, d2 = hi & 0x0f, d3 = lo >> 4, d4 = lo & 0x0f;
  if (d1 > 9 || d2 > 9 || d3 > 9 || d4 > 9) return -1;
  return d1 * 1000 + d2 * 100 + d3 * 10 + d4;
}
