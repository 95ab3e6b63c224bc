// Formatting the list's cells: one Intl formatter per language, made once (a list renders many rows).
import type { CaseState } from '../../../../shared/desk/model';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A local date and time to the minute as YYYY-MM-DD HH:mm in every language: the list's columns
 * are narrow, and en-US's "12/01/2026, 17:27" is longer and reads ambiguously beside Chinese dates.
 */
export function formatMinute(iso: string, language: string): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(language, formatter);
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of formatter.formatToParts(new Date(iso))) part[type] = value;
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** The tag colour of a state: waiting on the desk, moving, done, stopped. */
export function stateTagType(state: CaseState): 'default' | 'info' | 'success' | 'warning' | 'error' {
  switch (state) {
    case 'approved':
    case 'agreement-signed':
    case 'scheduled':
    case 'on-site':
      return 'info';
    case 'rebound':
    case 'closed':
      return 'success';
    case 'under-review':
    case 'materials-complete':
      return 'warning';
    case 'failed':
      return 'error';
    default:
      return 'default';
  }
}
