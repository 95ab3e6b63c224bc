// Exports of the link log: JSON lines for tools and support, and a text form for people.
import { linkLogLineSchema } from '../../../../shared/terminal/link-log-line';
import type { LinkLogEntry } from './link-log';

/** One JSON object per line, oldest first, ending with a newline (empty string for no entries). */
export function linkLogToJsonLines(entries: readonly LinkLogEntry[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

/**
 * Reads JSON lines written by linkLogToJsonLines; blank lines are skipped. Throws an Error naming
 * the line when one is not a log entry.
 */
export function linkLogFromJsonLines(text: string): LinkLogEntry[] {
  const entries: LinkLogEntry[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`Line ${i + 1} of the link log is not JSON.`);
    }
    const entry = linkLogLineSchema.safeParse(value);
    if (!entry.success) throw new Error(`Line ${i + 1} of the link log is not a link log entry: ${entry.error.issues[0]?.path.join('.') ?? ''} ${entry.error.issues[0]?.message ?? ''}`.trimEnd());
    entries.push(entry.data);
  });
  return entries;
}

/**
 * The log as text, one entry per line:
 * `2025-06-01 10:00:00.123  +0.000 s  → HELLO seq=1  [02 00 02 01 01 03 01]`.
 * Local wall time for the engineer; seconds since the first entry on the monotonic clock.
 */
export function linkLogToText(entries: readonly LinkLogEntry[], options: { header?: boolean } = {}): string {
  const first = entries[0];
  const lines: string[] = [];
  if (options.header !== false && first !== undefined) {
    lines.push(`# RebindDesk link log, port ${first.port}, ${entries.length} entries, from ${new Date(first.epochMs).toISOString()}`);
  }
  for (const entry of entries) {
    const elapsed = first === undefined ? 0 : (entry.monoMs - first.monoMs) / 1000;
    const bytes = entry.hex === '' ? '' : `  [${entry.hex}]`;
    lines.push(`${localTime(entry.epochMs)}  +${elapsed.toFixed(3).padStart(8)} s  ${entry.text}${bytes}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** "2025-06-01 10:00:00.123" in the machine's time zone. */
function localTime(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}
