// Typed builders and readers for TLV values: text is UTF-8, numbers are ASCII decimal, F010 is
// one binary byte and groups (F050) are TLV lists inside a value.
import { decodeUtf8, encodeUtf8 } from '../bytes/utf8';
import { formatDecimal, parseDecimal } from './decimal';
import { RtpError } from './errors';
import { decodeTlvs, encodeTlvs } from './tlv';
import type { Tlv, TlvDecodeResult } from './tlv';

/** A TLV whose value is `text` in UTF-8. */
export function textTlv(tag: number, text: string): Tlv {
  return { tag, value: encodeUtf8(text) };
}

/** A TLV whose value is `value` in ASCII decimal digits; throws RtpError for negative or fractional values. */
export function decimalTlv(tag: number, value: number): Tlv {
  return { tag, value: encodeUtf8(formatDecimal(value)) };
}

/** A TLV whose value is one binary byte (F010 progress); throws RtpError outside 0-255. */
export function byteTlv(tag: number, value: number): Tlv {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RtpError('bad-value', `A one-byte value must be 0-255, got ${value}.`);
  return { tag, value: Uint8Array.of(value) };
}

/** A TLV whose value is the encoding of nested TLVs, e.g. one F050 journal record. */
export function groupTlv(tag: number, items: readonly Tlv[]): Tlv {
  return { tag, value: encodeTlvs(items) };
}

/** Decodes the nested TLVs inside a group's value. */
export function decodeGroup(item: Tlv): TlvDecodeResult {
  return decodeTlvs(item.value);
}

/** A TLV's value as strict UTF-8 text; undefined when it is not valid UTF-8. */
export function tlvText(item: Tlv): string | undefined {
  return decodeUtf8(item.value);
}

/** A TLV's value as an ASCII decimal number; undefined when it is not 1-15 digits. */
export function tlvDecimal(item: Tlv): number | undefined {
  const text = decodeUtf8(item.value);
  return text === undefined ? undefined : parseDecimal(text);
}

/** The first TLV with `tag`, or undefined. */
export function findTlv(items: readonly Tlv[], tag: number): Tlv | undefined {
  for (const item of items) if (item.tag === tag) return item;
  return undefined;
}

/** Every TLV with `tag`, in order. */
export function findAllTlvs(items: readonly Tlv[], tag: number): Tlv[] {
  return items.filter((item) => item.tag === tag);
}

/** Text of the first TLV with `tag`; undefined when absent or not valid UTF-8. */
export function findText(items: readonly Tlv[], tag: number): string | undefined {
  const item = findTlv(items, tag);
  return item === undefined ? undefined : tlvText(item);
}

/** The lowest tag that occurs more than once, or undefined. */
export function findDuplicateTag(items: readonly Tlv[]): number | undefined {
  const seen = new Set<number>();
  let lowest: number | undefined;
  for (const item of items) {
    if (seen.has(item.tag) && (lowest === undefined || item.tag < lowest)) lowest = item.tag;
    seen.add(item.tag);
  }
  return lowest;
}

/** True when tags strictly ascend (sorted and without duplicates). */
export function tagsStrictlyAscending(items: readonly Tlv[]): boolean {
  for (let i = 1; i < items.length; i++) if (items[i - 1]!.tag >= items[i]!.tag) return false;
  return true;
}
