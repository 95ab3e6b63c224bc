import type { LinkLogEntry } from '../../../../shared/terminal/terminal-state';

const arrows: Record<LinkLogEntry['direction'], string> = { out: '->', in: '<-', note: '--' };

/** One human-readable line: ISO time with milliseconds, direction, meaning, then the raw hex. */
export function formatLinkLogLine(entry: LinkLogEntry): string {
  const hex = entry.hex ? `  [${entry.hex}]` : '';
  return `${new Date(entry.at).toISOString()} ${arrows[entry.direction]} ${entry.text}${hex}`;
}

/** The whole log as text, one line per entry, with a header naming the port. */
export function formatLinkLogText(entries: readonly LinkLogEntry[], header: string): string {
  return [`# ${header}`, ...entries.map(formatLinkLogLine)].join('\n') + '\n';
}

/** The whole log as JSON lines, for tools. */
export function formatLinkLogJsonl(entries: readonly LinkLogEntry[]): string {
  return entries.map((entry) => JSON.stringify(entry)).join('\n') + (entries.length > 0 ? '\n' : '');
}
