// Hex for logs, docs and test vectors; also the A008/E0E1 parameter formats.

/** Options of bytesToHex. */
export interface HexFormat {
  /** Put between bytes, e.g. ' ' for "02 00 02"; none by default. */
  separator?: string;
  /** Upper-case digits; lower case by default. */
  uppercase?: boolean;
}

const LOWER = '0123456789abcdef';
const UPPER = '0123456789ABCDEF';

/** Formats bytes as hex digits, two per byte. */
export function bytesToHex(bytes: Uint8Array, format: HexFormat = {}): string {
  const digits = format.uppercase === true ? UPPER : LOWER;
  const separator = format.separator ?? '';
  const parts: string[] = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    parts[i] = digits[b >> 4]! + digits[b & 0x0f]!;
  }
  return parts.join(separator);
}

/** Thrown by hexToBytes on text that is not whole bytes of hex digits. */
export class HexError extends Error {
  override readonly name = 'HexError';
}

/** Parses hex digits of either case; whitespace between digits is ignored. Throws HexError. */
export function hexToBytes(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 2 !== 0) throw new HexError(`Hex text has an odd number of digits (${compact.length}); every byte needs two.`);
  const out = new Uint8Array(compact.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexDigitValue(compact.charCodeAt(2 * i));
    const lo = hexDigitValue(compact.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) throw new HexError(`"${compact.slice(2 * i, 2 * i + 2)}" at byte ${i} is not a hex byte.`);
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** True when `text` is only hex digits (either case), exactly `count` of them when given. */
export function isHexDigits(text: string, count?: number): boolean {
  if (count !== undefined && text.length !== count) return false;
  for (let i = 0; i < text.length; i++) if (hexDigitValue(text.charCodeAt(i)) < 0) return false;
  return text.length > 0;
}

/** Value 0-15 of one hex digit's char code, or -1. */
function hexDigitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}
