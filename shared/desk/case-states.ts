// The rebinding case's state machine (DESIGN.md §3) as a table, like the recovery decision table:
// each row is one transition with the action that takes it, the roles that may, whether a reason
// must be given, and the guards that must hold. Everything not in the table is refused. The table
// only decides; the case service evaluates the guards' facts, writes the state and the audit entry
// (actor, time, reason) in one operation.
import { reason, type Reason } from '../errors/reason';
import type { Role } from '../auth/roles';
import { caseStates, finalCaseStates, type CaseState } from './model/case-state';

/** Every action that moves a case. */
export const caseActions = [
  'complete-materials',
  'reopen-materials',
  'submit-for-review',
  'approve',
  'reject',
  'sign-agreement',
  'schedule',
  'cancel-appointment',
  'start-on-site',
  'record-rebound',
  'record-failure',
  'sign-off',
  'close',
  'cancel',
] as const;
/** One case action. */
export type CaseAction = (typeof caseActions)[number];

/**
 * What must hold for a transition, checked by the caller against the case's data:
 * - `required-materials-verified`: every material the target bank requires is received and verified;
 * - `review-approved`: the review's decision is `approved`;
 * - `agreement-recorded`: the agreement's date, signatory and document are recorded;
 * - `booking-gate-passes`: the booking gate returns no reason for the appointment being booked.
 */
export const caseGuards = ['required-materials-verified', 'review-approved', 'agreement-recorded', 'booking-gate-passes'] as const;
/** One guard. */
export type CaseGuard = (typeof caseGuards)[number];

/** One row of the table. */
export interface CaseTransition {
  from: CaseState;
  action: CaseAction;
  to: CaseState;
  roles: readonly Role[];
  reasonRequired: boolean;
  guards: readonly CaseGuard[];
}

// The desk runs the paperwork, the engineer the visit; an admin may do either (covering for both).
const desk: readonly Role[] = ['desk', 'admin'];
const field: readonly Role[] = ['engineer', 'admin'];

const row = (from: CaseState, action: CaseAction, to: CaseState, roles: readonly Role[], reasonRequired: boolean, guards: readonly CaseGuard[] = []): CaseTransition => ({
  from,
  action,
  to,
  roles,
  reasonRequired,
  guards,
});

/** Every transition. A (state, action) pair appears at most once. */
export const caseTransitions: readonly CaseTransition[] = [
  row('draft', 'complete-materials', 'materials-complete', desk, false, ['required-materials-verified']),
  // A material found wrong or expired before review sends the case back to collecting.
  row('materials-complete', 'reopen-materials', 'draft', desk, true),
  row('materials-complete', 'submit-for-review', 'under-review', desk, false, ['required-materials-verified']),
  row('under-review', 'approve', 'approved', desk, false, ['required-materials-verified']),
  // A rejection returns the case to collecting: the reason says which material to fix or add.
  row('under-review', 'reject', 'draft', desk, true),
  row('approved', 'sign-agreement', 'agreement-signed', desk, false, ['review-approved', 'agreement-recorded']),
  row('agreement-signed', 'schedule', 'scheduled', desk, false, ['review-approved', 'agreement-recorded', 'booking-gate-passes']),
  row('scheduled', 'cancel-appointment', 'agreement-signed', desk, true),
  row('scheduled', 'start-on-site', 'on-site', field, false),
  row('on-site', 'record-rebound', 'rebound', field, false),
  // Restored or needs attention: the rebind's outcome is the reason.
  row('on-site', 'record-failure', 'failed', field, true),
  // After a failure a new appointment is booked, through the gate again.
  row('failed', 'schedule', 'scheduled', desk, false, ['review-approved', 'agreement-recorded', 'booking-gate-passes']),
  // The on-site checklist (docs/checklist.md): completed with the merchant's sign-off closes the
  // case; one that finds the terminal not working after a rebound (or restored to the old bank)
  // records the failure, and the desk books again. The desk's close stays for cases without one.
  row('rebound', 'sign-off', 'closed', field, false),
  row('rebound', 'record-failure', 'failed', field, true),
  row('rebound', 'close', 'closed', desk, false),
  ...caseStates.filter((state) => !(finalCaseStates as readonly CaseState[]).includes(state)).map((state) => row(state, 'cancel', 'cancelled', desk, true)),
];

/** The shortest reason accepted, in characters after trimming (四个字 says enough in Chinese: 商户撤销). */
export const CASE_REASON_MIN_LENGTH = 4;

/** The transition for `action` in `state`, if the table has one. */
export function findTransition(state: CaseState, action: CaseAction): CaseTransition | undefined {
  return caseTransitions.find((t) => t.from === state && t.action === action);
}

/** The actions the table offers in `state` to `role` (for the case page's buttons). */
export function actionsFor(state: CaseState, role: Role): CaseAction[] {
  return caseTransitions.filter((t) => t.from === state && t.roles.includes(role)).map((t) => t.action);
}

/** The state and the action said as nested reasons, so each language names them in its own words. */
export const caseStateNamed = (state: CaseState): Reason => reason(`case-state-${state}`);
export const caseActionNamed = (action: CaseAction): Reason => reason(`case-action-${action}`);

// "desk or admin", "desk, engineer or admin": the security catalog's role names joined by roles-either.
function rolesNamed(roles: readonly Role[]): Reason {
  const [last, ...before] = [...roles].reverse().map((role): Reason => reason(`role-${role}`));
  return before.reduce<Reason>((second, first) => reason('roles-either', { first, second }), last!);
}

/** The table's answer: the new state, or why not. */
export type NextState = { ok: true; state: CaseState } | { ok: false; reason: Reason };

/** Where `action` takes a case in `state`; refused with `case-is-final` or `case-action-not-allowed`. */
export function nextState(state: CaseState, action: CaseAction): NextState {
  const transition = findTransition(state, action);
  if (transition) return { ok: true, state: transition.to };
  if ((finalCaseStates as readonly CaseState[]).includes(state)) return { ok: false, reason: reason('case-is-final', { state: caseStateNamed(state) }) };
  return { ok: false, reason: reason('case-action-not-allowed', { state: caseStateNamed(state), action: caseActionNamed(action) }) };
}

/** What the caller asks and knows: who acts, why, and which guards fail with which reasons. */
export interface TransitionRequest {
  state: CaseState;
  action: CaseAction;
  role: Role;
  reason?: string | undefined;
  /** The reasons a guard fails (empty when it holds); only the transition's guards are asked. */
  checkGuard: (guard: CaseGuard) => readonly Reason[];
}

/** The full decision: the new state, or every reason it is refused (table, role, reason, guards). */
export type TransitionDecision = { ok: true; transition: CaseTransition } | { ok: false; reasons: Reason[] };

/** Decides a transition: first the table, then the role, the reason and every guard, all reported together. */
export function decideTransition(request: TransitionRequest): TransitionDecision {
  const next = nextState(request.state, request.action);
  if (!next.ok) return { ok: false, reasons: [next.reason] };
  const transition = findTransition(request.state, request.action)!;
  const reasons: Reason[] = [];
  if (!transition.roles.includes(request.role)) {
    reasons.push(reason('case-action-role-not-allowed', { action: caseActionNamed(request.action), role: reason(`role-${request.role}`), roles: rolesNamed(transition.roles) }));
  }
  if (transition.reasonRequired && (request.reason?.trim().length ?? 0) < CASE_REASON_MIN_LENGTH) {
    reasons.push(reason('case-action-reason-required', { action: caseActionNamed(request.action), min: CASE_REASON_MIN_LENGTH }));
  }
  for (const guard of transition.guards) reasons.push(...request.checkGuard(guard));
  return reasons.length === 0 ? { ok: true, transition } : { ok: false, reasons };
}
