// Decoding one complete frame held in memory, for logs, tests and documentation vectors. Live
// traffic goes through FrameDecoder, which also handles chunking and timing.
import { ETX, STX } from './constants';
import { readLength } from './frame-encoder';
import { lrcCoverage, lrcEtx, lrcSeed, resolveFrameOptions } from './frame-options';
import type { FrameOptions } from './frame-options';
import { lrc } from './lrc';

/** Outcome of decodeFrame. */
export type FrameParseResult =
  | { readonly ok: true; readonly body: Uint8Array }
  | { readonly ok: false; readonly reason: 'no-stx' | 'truncated' | 'trailing-bytes' | 'len-over-max' | 'len-invalid' | 'no-etx' | 'lrc' };

/** Decodes exactly one frame; never throws. The body is a view into `frame`. */
export function decodeFrame(frame: Uint8Array, options: Partial<FrameOptions> = {}): FrameParseResult {
  let resolved: FrameOptions;
  try {
    resolved = resolveFrameOptions(options);
  } catch {
    // A bad maxBody is the caller's mistake, but this function promises not to throw: fall back to RTP/1.
    resolved = resolveFrameOptions();
  }
  if (frame[0] !== STX) return { ok: false, reason: 'no-stx' };
  if (frame.length < 5) return { ok: false, reason: 'truncated' };
  const length = readLength(frame[1]!, frame[2]!, resolved.lengthEncoding);
  if (length < 0) return { ok: false, reason: 'len-invalid' };
  if (length > resolved.maxBody) return { ok: false, reason: 'len-over-max' };
  if (frame.length < length + 5) return { ok: false, reason: 'truncated' };
  if (frame[3 + length] !== ETX) return { ok: false, reason: 'no-etx' };
  const coverage = lrcCoverage(resolved.lrcSpan);
  const expected = lrc(frame, coverage.len ? 1 : 3, 3 + length, lrcSeed(coverage)) ^ lrcEtx(coverage);
  if (frame[4 + length] !== expected) return { ok: false, reason: 'lrc' };
  if (frame.length > length + 5) return { ok: false, reason: 'trailing-bytes' };
  return { ok: true, body: frame.subarray(3, 3 + length) };
}
