// The merchant's short name printed on receipts: the terminal's A003 parameter, which RTP/1
// limits to 40 bytes of UTF-8 (PROTOCOL.md §4). A Chinese character takes 3 bytes, so about 13 fit;
// the form counts as the user types.
import { utf8ByteLength } from '../../bytes/utf8';
import { parameterSpec } from '../../rtp/parameter-table';
import { Tag } from '../../rtp/tags';
import { accepted, deskReason, firstControlCharacter, normaliseText, refused, type DeskReason, type FieldCheck } from './field-check';

/** A003's limit in bytes (PROTOCOL.md §4). */
export const RECEIPT_SHORT_NAME_MAX_BYTES = 40;
// A CJK character of the Basic Multilingual Plane is 3 bytes in UTF-8.
const CHINESE_CHARACTERS_THAT_FIT = Math.floor(RECEIPT_SHORT_NAME_MAX_BYTES / 3);

/** What the form's counter shows for a short name. */
export interface ShortNameCount {
  bytes: number;
  limit: number;
  /** Chinese characters that fit in the limit (13). */
  characters: number;
  fits: boolean;
  /** The counter's text as a reason ("12 of 40 bytes (about 13 Chinese characters fit)"). */
  counter: DeskReason;
}

/** The byte count of a short name as it will be stored (trimmed), against A003's limit. */
export function countShortName(input: string): ShortNameCount {
  const bytes = utf8ByteLength(normaliseText(input));
  const limits = { limit: RECEIPT_SHORT_NAME_MAX_BYTES, characters: CHINESE_CHARACTERS_THAT_FIT };
  return { bytes, ...limits, fits: bytes <= RECEIPT_SHORT_NAME_MAX_BYTES, counter: deskReason('short-name-byte-count', { bytes, ...limits }) };
}

/**
 * Checks a short name: not empty, no control character (a receipt line has none), at most 40
 * bytes. The last word is A003's own check, so the desk never accepts what the terminal refuses.
 */
export function checkReceiptShortName(input: string): FieldCheck {
  const value = normaliseText(input);
  if (value === '') return refused(value, [deskReason('desk-field-required')]);
  const control = firstControlCharacter(value);
  if (control !== undefined) return refused(value, [deskReason('short-name-bad-character', { position: control })]);
  const count = countShortName(value);
  if (!count.fits || parameterSpec(Tag.A003)?.check(value) !== undefined) {
    return refused(value, [deskReason('short-name-too-long', { bytes: count.bytes, limit: count.limit, characters: count.characters })]);
  }
  return accepted(value);
}

/**
 * The longest start of `name` (trimmed) that fits in A003, cut between characters as people see
 * them (a flag or a family emoji stays whole): a default short name for a merchant imported
 * without one, for the desk to shorten properly.
 */
export function fitShortName(name: string): string {
  let fitted = '';
  for (const { segment } of new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(normaliseText(name))) {
    if (utf8ByteLength(fitted + segment) > RECEIPT_SHORT_NAME_MAX_BYTES) break;
    fitted += segment;
  }
  return fitted.trimEnd();
}
