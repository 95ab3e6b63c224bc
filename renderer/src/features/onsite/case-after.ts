// What the outcome banner says about the visit's case: moved (on to rebound), failed (bookable
// again), or unchanged (a refused run changed nothing), or that it could not be read back.
import type { CaseAfterRun } from './onsite-store';

/** The banner's case line: its message key and the state it names. */
export type CaseLine = { key: 'moved' | 'failed' | 'stays'; state: string } | { key: 'unread'; error: unknown };

export function caseLine(after: CaseAfterRun): CaseLine {
  if ('unread' in after) return { key: 'unread', error: after.unread };
  if (after.after === after.before) return { key: 'stays', state: after.after };
  return { key: after.after === 'failed' ? 'failed' : 'moved', state: after.after };
}
