// The states of a rebinding case (DESIGN.md §3); the transitions between them are the table in
// shared/desk/case-states.ts.
import { z } from 'zod';

/** Every state a case can be in, in the order a case normally passes them. */
export const caseStates = [
  'draft',
  'materials-complete',
  'under-review',
  'approved',
  'agreement-signed',
  'scheduled',
  'on-site',
  'rebound',
  'closed',
  'cancelled',
  'failed',
] as const;
/** One case state. */
export type CaseState = (typeof caseStates)[number];
/** Parses a case state. */
export const caseStateSchema = z.enum(caseStates);

/** States a case never leaves: the case is no longer open (one open case per terminal counts the others). */
export const finalCaseStates = ['closed', 'cancelled'] as const satisfies readonly CaseState[];

/** True while the case is open. */
export function isOpenCaseState(state: CaseState): boolean {
  return !(finalCaseStates as readonly CaseState[]).includes(state);
}
