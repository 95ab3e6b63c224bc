// Pages of GET_PARAMS and EXPORT_JOURNAL (docs/protocol.md §7.6-7.7): whole TLVs in order, the
// response body within maxBody with 12 bytes kept for F041, or a fixed number of items per page.
import { encodedTlvSize, formatCursor, textTlv, Tag } from '../../../../shared/rtp';
import type { Tlv } from '../../../../shared/rtp';

/** SEQ, CMD and RC. */
const RESPONSE_HEADER = 3;
/** The largest F041: tag, length and up to 9 digits. */
const CURSOR_RESERVE = 12;

/** One page: its TLVs, with F041 last when more follows. */
export function pageOf(items: readonly Tlv[], start: number, maxBody: number, itemsPerPage: number | undefined): Tlv[] {
  const page: Tlv[] = [];
  let size = RESPONSE_HEADER + CURSOR_RESERVE;
  let index = start;
  while (index < items.length) {
    const item = items[index]!;
    const itemSize = encodedTlvSize(item.value.length);
    // A page always takes at least one item, so paging cannot stall on one oversized item.
    if (page.length > 0 && (size + itemSize > maxBody || (itemsPerPage !== undefined && page.length >= itemsPerPage))) break;
    page.push(item);
    size += itemSize;
    index++;
  }
  if (index < items.length) page.push(textTlv(Tag.F041, formatCursor(index)));
  return page;
}

/** True when a parsed F040 points at an item after the first page start (1 ≤ cursor < count). */
export function cursorInRange(cursor: number, count: number): boolean {
  return cursor >= 1 && cursor < count;
}
