// The one shape of a link log line, with the one length limit: the link makes lines in it
// (electron/main/terminal/link/link-log.ts), the Terminal page's buffer keeps them, the IPC
// contract carries them, the rebind outcome holds them and the exports write and read them.
import { z } from 'zod';

/**
 * The longest string a line may carry in any field. The spaced hex of the largest frame RTP/1
 * allows (a 65,535-byte body: 65,540 bytes, 196,619 characters) fits, so a real frame is always
 * shown whole; bytes that are not a frame are cut to a short prefix long before this.
 */
export const LINK_LOG_FIELD_MAX_CHARS = 200_000;

/** Bytes we sent ('out'), bytes we received ('in'), or the link's own note about them ('note'). */
export const linkLogDirections = ['out', 'in', 'note'] as const;

/** What a line records (link-log.ts, LinkLogKind, says what each means). */
export const linkLogKinds = ['frame', 'control', 'bad-frame', 'discarding', 'stalled', 'noise', 'timer', 'retry', 'ignored', 'progress', 'state'] as const;

const field = z.string().max(LINK_LOG_FIELD_MAX_CHARS);

export const linkLogLineSchema = z.strictObject({
  /** Running number within one link, from 1 (0 for a note that no link made). */
  index: z.int().nonnegative(),
  /** Wall-clock time, ms since the Unix epoch. */
  epochMs: z.number(),
  /** Monotonic time in ms (performance.now()). */
  monoMs: z.number(),
  /** The port path; empty for a note about no port. */
  port: field,
  direction: z.enum(linkLogDirections),
  kind: z.enum(linkLogKinds),
  /** Upper-case hex pairs separated by spaces; empty for notes. */
  hex: field,
  /** What the bytes mean. */
  text: field,
});

export type LinkLogLine = z.infer<typeof linkLogLineSchema>;

/** A line as the Terminal page's buffer keeps it: numbered across every link it shows. */
export const numberedLinkLogLineSchema = linkLogLineSchema.extend({
  /** The buffer's running number, from 0: the page asks for lines after the last it has. */
  seq: z.int().nonnegative(),
});

/** A numbered line of the Terminal page's link log. */
export type NumberedLinkLogLine = z.infer<typeof numberedLinkLogLineSchema>;

/** Cuts `value` to the limit, saying how much was cut. */
export function fitLinkLogField(value: string): string {
  if (value.length <= LINK_LOG_FIELD_MAX_CHARS) return value;
  const note = ` … (${(value.length - LINK_LOG_FIELD_MAX_CHARS).toLocaleString('en-US')} more characters cut)`;
  return value.slice(0, LINK_LOG_FIELD_MAX_CHARS - note.length) + note;
}

/** The line with every string field within the limit (the same object when it already is). */
export function fitLinkLogLine<T extends LinkLogLine>(line: T): T {
  if (line.hex.length <= LINK_LOG_FIELD_MAX_CHARS && line.text.length <= LINK_LOG_FIELD_MAX_CHARS && line.port.length <= LINK_LOG_FIELD_MAX_CHARS) return line;
  return { ...line, port: fitLinkLogField(line.port), hex: fitLinkLogField(line.hex), text: fitLinkLogField(line.text) };
}

/**
 * Lines the Terminal page's view keeps (the newest); `terminal:link-log` answers at most this many.
 * The whole log (the buffer's 50,000 lines) stays in main for the exports.
 */
export const LINK_LOG_VIEW_LINES = 5000;
