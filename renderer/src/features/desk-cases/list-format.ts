// Formatting the list's cells: one Intl formatter per language, made once (a list renders many rows).
import type { CaseState } from '../../../../shared/desk/model';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A local date and time to the minute, in the UI language. */
export function formatMinute(iso: string, language: string): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    formatters.set(language, formatter);
  }
  return formatter.format(new Date(iso));
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
