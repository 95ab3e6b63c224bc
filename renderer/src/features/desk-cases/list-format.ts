// Formatting the list's cells: with the Date object's local clock, not Intl (a list renders many
// rows, and a window's first Intl formatter loads ICU's data, ~50 ms, on the list's first render).
import type { CaseState } from '../../../../shared/desk/model';

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * A local date and time to the minute as YYYY-MM-DD HH:mm in every language: the list's columns
 * are narrow, and en-US's "12/01/2026, 17:27" is longer and reads ambiguously beside Chinese dates.
 * Both languages write these digits in Latin, so the language does not enter into it.
 */
export function formatMinute(iso: string): string {
  const at = new Date(iso);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

const countFormats = new Map<string, Intl.NumberFormat>();

/** A count in the language's digit grouping ("10,000"), its formatter made once per language. */
export function formatCount(count: number, language: string): string {
  let format = countFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    countFormats.set(language, format);
  }
  return format.format(count);
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
