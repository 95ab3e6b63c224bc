// The Terminal page's exports of its link log: text for people, JSON lines for tools. The JSON
// lines are the link's own (link-log-export.ts), so `linkLogFromJsonLines` reads either export.
import type { LinkLogEntry } from '../../../../shared/terminal/terminal-state';
import { linkLogToJsonLines } from '../link/link-log-export';

const arrows: Record<LinkLogEntry['direction'], string> = { out: '->', in: '<-', note: '--' };

/** One human-readable line: ISO time with milliseconds, direction, meaning, then the raw hex. */
export function formatLinkLogLine(entry: LinkLogEntry): string {
  const hex = entry.hex ? `  [${entry.hex}]` : '';
  return `${new Date(entry.epochMs).toISOString()} ${arrows[entry.direction]} ${entry.text}${hex}`;
}

/** The whole log as text, one line per entry, with a header naming the port. */
export function formatLinkLogText(entries: readonly LinkLogEntry[], header: string): string {
  return [`# ${header}`, ...entries.map(formatLinkLogLine)].join('\n') + '\n';
}

/** The whole log as JSON lines of the one link log line (the page's numbering left out). */
export function formatLinkLogJsonl(entries: readonly LinkLogEntry[]): string {
  return linkLogToJsonLines(entries.map(({ seq: _seq, ...line }) => line));
}
