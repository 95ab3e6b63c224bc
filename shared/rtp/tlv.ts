// BER-style TLV with 2-byte tags (PROTOCOL.md §2): length 00-7F in one byte, 81 LL, 82 LL LL.
// Encoders always write the shortest form; the decoder accepts the longer forms but says whether
// it saw one, because a staged parameter set must be canonical while a request need not be.
import { RtpError } from './errors';
import { tagToText } from './tags';

/** One TLV item. Decoded values are views into the decoded bytes: copy them to keep them past a buffer's reuse. */
export interface Tlv {
  /** 2-byte tag, 0x0000-0xFFFF. */
  readonly tag: number;
  readonly value: Uint8Array;
}

/** Longest value a TLV length can express (82 LL LL). */
export const MAX_TLV_VALUE_LENGTH = 0xffff;

/** Bytes the shortest length field takes for a value of `valueLength` bytes: 1, 2 or 3. */
export function lengthFieldSize(valueLength: number): number {
  return valueLength < 0x80 ? 1 : valueLength <= 0xff ? 2 : 3;
}

/** Bytes one TLV takes when encoded. */
export function encodedTlvSize(valueLength: number): number {
  return 2 + lengthFieldSize(valueLength) + valueLength;
}

/** Encodes a list of TLVs in the given order with shortest lengths; throws RtpError on a bad tag or an oversized value. */
export function encodeTlvs(items: readonly Tlv[]): Uint8Array {
  let size = 0;
  for (const item of items) {
    checkTlv(item);
    size += encodedTlvSize(item.value.length);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const item of items) offset = writeTlv(out, offset, item);
  return out;
}

/** Encodes one TLV with the shortest length; throws RtpError on a bad tag or an oversized value. */
export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  return encodeTlvs([{ tag, value }]);
}

/** Writes a checked TLV into `out` at `offset` and returns the offset after it. */
function writeTlv(out: Uint8Array, offset: number, item: Tlv): number {
  const length = item.value.length;
  out[offset++] = item.tag >> 8;
  out[offset++] = item.tag & 0xff;
  if (length < 0x80) {
    out[offset++] = length;
  } else if (length <= 0xff) {
    out[offset++] = 0x81;
    out[offset++] = length;
  } else {
    out[offset++] = 0x82;
    out[offset++] = length >> 8;
    out[offset++] = length & 0xff;
  }
  out.set(item.value, offset);
  return offset + length;
}

function checkTlv(item: Tlv): void {
  if (!Number.isInteger(item.tag) || item.tag < 0 || item.tag > 0xffff) {
    throw new RtpError('bad-tag', `TLV tag must be a whole number from 0x0000 to 0xFFFF, got ${item.tag}.`);
  }
  if (item.value.length > MAX_TLV_VALUE_LENGTH) {
    throw new RtpError('value-too-long', `TLV ${tagToText(item.tag)} value of ${item.value.length} bytes exceeds ${MAX_TLV_VALUE_LENGTH} bytes.`);
  }
}

/** Why TLV bytes could not be decoded. */
export type TlvErrorCode = 'truncated-tag' | 'truncated-length' | 'truncated-value' | 'indefinite-length' | 'length-too-wide';

/** A TLV decoding failure: what, where, and an English message for logs. */
export interface TlvError {
  readonly code: TlvErrorCode;
  /** Offset of the TLV that failed, from the start of the decoded range. */
  readonly offset: number;
  /** English description. */
  readonly message: string;
}

/** Outcome of decodeTlvs; the decoder reports errors this way and never throws. */
export type TlvDecodeResult =
  | { readonly ok: true; readonly items: Tlv[]; readonly shortestLengths: boolean }
  | { readonly ok: false; readonly error: TlvError };

/**
 * Decodes TLVs filling bytes[start..end) exactly. Refuses the 0x80 (indefinite) and 0x83+ length
 * forms and any truncation; `shortestLengths` is false when some length used a longer form than needed.
 */
export function decodeTlvs(bytes: Uint8Array, start = 0, end = bytes.length): TlvDecodeResult {
  // Clamp the range so a caller's bad bounds read nothing outside the array.
  const from = Math.max(start, 0);
  const to = Math.min(end, bytes.length);
  const items: Tlv[] = [];
  let shortestLengths = true;
  let i = from;
  while (i < to) {
    const at = i - from;
    if (to - i < 3) {
      // A tag needs 2 bytes and a length at least 1.
      return fail(to - i < 2 ? 'truncated-tag' : 'truncated-length', at, `TLV at offset ${at} is cut off before its length.`);
    }
    const tag = (bytes[i]! << 8) | bytes[i + 1]!;
    const first = bytes[i + 2]!;
    i += 3;
    let length = first;
    if (first >= 0x80) {
      const width = first & 0x7f;
      if (width === 0) return fail('indefinite-length', at, `TLV ${tagToText(tag)} at offset ${at} uses the indefinite length form 0x80, which RTP/1 refuses.`);
      if (width > 2) return fail('length-too-wide', at, `TLV ${tagToText(tag)} at offset ${at} uses length form 0x${first.toString(16)}; RTP/1 allows 0x81 and 0x82 only.`);
      if (to - i < width) return fail('truncated-length', at, `TLV ${tagToText(tag)} at offset ${at} is cut off inside its length.`);
      length = width === 1 ? bytes[i]! : (bytes[i]! << 8) | bytes[i + 1]!;
      i += width;
      if (lengthFieldSize(length) !== width + 1) shortestLengths = false;
    }
    if (to - i < length) return fail('truncated-value', at, `TLV ${tagToText(tag)} at offset ${at} declares ${length} value bytes but only ${to - i} remain.`);
    items.push({ tag, value: bytes.subarray(i, i + length) });
    i += length;
  }
  return { ok: true, items, shortestLengths };
}

function fail(code: TlvErrorCode, offset: number, message: string): TlvDecodeResult {
  return { ok: false, error: { code, offset, message } };
}
