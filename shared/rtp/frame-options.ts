// Framing knobs. RTP/1 itself uses the defaults; vendor protocols on the same STX/LEN/ETX/LRC
// shape differ in what the LRC covers and how LEN is written, so both are options.
import { ABSOLUTE_MAX_BODY, DEFAULT_MAX_BODY, ETX, STX } from './constants';
import { RtpError } from './errors';

/** Which bytes the LRC XORs; RTP/1 is 'len-through-etx'. */
export type LrcSpan = 'len-through-etx' | 'len-through-body' | 'body-through-etx' | 'stx-through-etx';

/** How the two LEN bytes encode the body length; RTP/1 is 'binary-be'. */
export type LengthEncoding = 'binary-be' | 'bcd';

/** Options shared by the frame encoder and decoder. */
export interface FrameOptions {
  /** Largest body accepted or sent: 1024 until HELLO's F002 says more. */
  maxBody: number;
  lrcSpan: LrcSpan;
  lengthEncoding: LengthEncoding;
}

/** RTP/1's framing. */
export const RTP1_FRAME_OPTIONS: Readonly<FrameOptions> = { maxBody: DEFAULT_MAX_BODY, lrcSpan: 'len-through-etx', lengthEncoding: 'binary-be' };

/** Largest length the two LEN bytes can write in an encoding. */
export function lengthLimit(encoding: LengthEncoding): number {
  return encoding === 'bcd' ? 9999 : ABSOLUTE_MAX_BODY;
}

/** Fills in RTP/1 defaults and checks maxBody fits the length encoding; throws RtpError. */
export function resolveFrameOptions(options: Partial<FrameOptions> = {}): FrameOptions {
  const resolved: FrameOptions = { ...RTP1_FRAME_OPTIONS, ...options };
  checkMaxBody(resolved.maxBody, resolved.lengthEncoding);
  return resolved;
}

/** Throws RtpError unless `maxBody` is a whole number from 1 to what LEN can write. */
export function checkMaxBody(maxBody: number, encoding: LengthEncoding): void {
  const limit = lengthLimit(encoding);
  if (!Number.isInteger(maxBody) || maxBody < 1 || maxBody > limit) {
    throw new RtpError('bad-option', `maxBody must be a whole number from 1 to ${limit}, got ${maxBody}.`);
  }
}

/** Which framing bytes enter the LRC besides the body (the body always does). */
export interface LrcCoverage {
  /** STX is XORed in. */
  readonly stx: boolean;
  /** Both LEN bytes are XORed in. */
  readonly len: boolean;
  /** ETX is XORed in. */
  readonly etx: boolean;
}

/** The framing bytes an LRC span covers. */
export function lrcCoverage(span: LrcSpan): LrcCoverage {
  switch (span) {
    case 'len-through-etx':
      return { stx: false, len: true, etx: true };
    case 'len-through-body':
      return { stx: false, len: true, etx: false };
    case 'body-through-etx':
      return { stx: false, len: false, etx: true };
    case 'stx-through-etx':
      return { stx: true, len: true, etx: true };
  }
}

/** XOR seed contributed by STX, for spans that include it. */
export function lrcSeed(coverage: LrcCoverage): number {
  return coverage.stx ? STX : 0;
}

/** XOR contributed by ETX, for spans that include it. */
export function lrcEtx(coverage: LrcCoverage): number {
  return coverage.etx ? ETX : 0;
}

/**
 * The maxBody a host may use after HELLO: the terminal's F002 when it is a decimal number above
 * 1024 (capped at 65535), else 1024, which every terminal accepts.
 */
export function negotiatedMaxBody(advertised: string | undefined): number {
  if (advertised === undefined || !/^[0-9]{1,6}$/.test(advertised)) return DEFAULT_MAX_BODY;
  return Math.min(Math.max(Number(advertised), DEFAULT_MAX_BODY), ABSOLUTE_MAX_BODY);
}
