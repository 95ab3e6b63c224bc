// Paging cursors (F040/F041). PROTOCOL.md makes them opaque to the host; RTP/1 as this project
// implements it writes the index of the next item as ASCII decimal (docs/protocol.md).
import { RtpError } from './errors';

/** The F041 value for a page that ends before item `nextIndex`. Throws RtpError for an index below 1. */
export function formatCursor(nextIndex: number): string {
  if (!Number.isSafeInteger(nextIndex) || nextIndex < 1) throw new RtpError('bad-value', `A cursor points at item 1 or later, got ${nextIndex}.`);
  return String(nextIndex);
}

/** Reads an F040 cursor: 1-9 digits without a leading zero; undefined when malformed (RC 03 naming F040). */
export function parseCursor(text: string): number | undefined {
  return /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : undefined;
}
