import { describe, expect, it } from 'vitest';
import { reason } from '../errors/reason';
import { actionsFor, caseActions, caseTransitions, decideTransition, nextState, type CaseAction, type CaseGuard } from './case-states';
import { caseStates, type CaseState } from './model/case-state';

// DESIGN.md §3 written out by hand, so a change to the table has to change this list too.
const open: CaseState[] = ['draft', 'materials-complete', 'under-review', 'approved', 'agreement-signed', 'scheduled', 'on-site', 'rebound', 'failed'];
const expected: [CaseState, CaseAction, CaseState][] = [
  ['draft', 'complete-materials', 'materials-complete'],
  ['materials-complete', 'reopen-materials', 'draft'],
  ['materials-complete', 'submit-for-review', 'under-review'],
  ['under-review', 'approve', 'approved'],
  ['under-review', 'reject', 'draft'],
  ['approved', 'sign-agreement', 'agreement-signed'],
  ['agreement-signed', 'schedule', 'scheduled'],
  ['scheduled', 'cancel-appointment', 'agreement-signed'],
  ['scheduled', 'start-on-site', 'on-site'],
  ['on-site', 'record-rebound', 'rebound'],
  ['on-site', 'record-failure', 'failed'],
  ['failed', 'schedule', 'scheduled'],
  ['rebound', 'sign-off', 'closed'],
  ['rebound', 'record-failure', 'failed'],
  ['rebound', 'close', 'closed'],
  ...open.map((state): [CaseState, CaseAction, CaseState] => [state, 'cancel', 'cancelled']),
];
const allowed = new Map(expected.map(([from, action, to]) => [`${from} ${action}`, to]));
const pairs = caseStates.flatMap((state) => caseActions.map((action) => [state, action] as const));
const holds = () => [];

describe('the case table', () => {
  it('has exactly the transitions of DESIGN.md §3, each (state, action) once', () => {
    expect(caseTransitions.map((t) => `${t.from} ${t.action} ${t.to}`).sort()).toEqual(expected.map((e) => e.join(' ')).sort());
    expect(new Set(caseTransitions.map((t) => `${t.from} ${t.action}`)).size).toBe(caseTransitions.length);
  });

  it.each(pairs)('%s + %s: allowed exactly when the table has it, else refused with a code', (state, action) => {
    const to = allowed.get(`${state} ${action}`);
    const next = nextState(state, action);
    if (to !== undefined) expect(next).toEqual({ ok: true, state: to });
    else if (state === 'closed' || state === 'cancelled') expect(next).toEqual({ ok: false, reason: reason('case-is-final', { state: reason(`case-state-${state}`) }) });
    else expect(next).toEqual({ ok: false, reason: reason('case-action-not-allowed', { state: reason(`case-state-${state}`), action: reason(`case-action-${action}`) }) });
  });

  it('wants a reason for cancel, reject, reopen, cancelling the appointment and failure, and for nothing else', () => {
    const withReason = caseTransitions.filter((t) => t.reasonRequired).map((t) => t.action);
    expect([...new Set(withReason)].sort()).toEqual(['cancel', 'cancel-appointment', 'record-failure', 'reject', 'reopen-materials']);
  });

  it('leaves the paperwork to desk and admin and the visit to engineer and admin', () => {
    expect(actionsFor('scheduled', 'desk')).toEqual(['cancel-appointment', 'cancel']);
    expect(actionsFor('scheduled', 'engineer')).toEqual(['start-on-site']);
    expect(actionsFor('on-site', 'engineer')).toEqual(['record-rebound', 'record-failure']);
    expect(actionsFor('on-site', 'admin')).toEqual(['record-rebound', 'record-failure', 'cancel']);
    expect(actionsFor('draft', 'engineer')).toEqual([]);
    expect(actionsFor('closed', 'admin')).toEqual([]);
    expect(actionsFor('rebound', 'engineer')).toEqual(['sign-off', 'record-failure']);
    expect(actionsFor('rebound', 'desk')).toEqual(['close', 'cancel']);
  });
});

describe('deciding a transition', () => {
  it('allows a transition whose role, reason and guards hold', () => {
    const decision = decideTransition({ state: 'under-review', action: 'reject', role: 'desk', reason: '营业执照模糊', checkGuard: holds });
    expect(decision).toMatchObject({ ok: true, transition: { to: 'draft' } });
  });

  it('reports the role, the missing reason and every failing guard together', () => {
    const asked: CaseGuard[] = [];
    const decision = decideTransition({
      state: 'agreement-signed',
      action: 'schedule',
      role: 'engineer',
      reason: undefined,
      checkGuard: (guard) => {
        asked.push(guard);
        return guard === 'booking-gate-passes' ? [reason('booking-slot-in-past', { start: '2026-01-01T09:00:00Z' })] : [];
      },
    });
    expect(asked).toEqual(['review-approved', 'agreement-recorded', 'booking-gate-passes']);
    expect(decision).toEqual({
      ok: false,
      reasons: [
        reason('case-action-role-not-allowed', {
          action: reason('case-action-schedule'),
          role: reason('role-engineer'),
          roles: reason('roles-either', { first: reason('role-desk'), second: reason('role-admin') }),
        }),
        reason('booking-slot-in-past', { start: '2026-01-01T09:00:00Z' }),
      ],
    });
  });

  it('refuses a reason shorter than four characters once trimmed', () => {
    const cancel = (why: string) => decideTransition({ state: 'draft', action: 'cancel', role: 'admin', reason: why, checkGuard: holds });
    expect(cancel('  撤销  ')).toEqual({ ok: false, reasons: [reason('case-action-reason-required', { action: reason('case-action-cancel'), min: 4 })] });
    expect(cancel('商户撤销').ok).toBe(true);
  });

  it('stops at the table: a refused pair asks no guard', () => {
    const decision = decideTransition({ state: 'closed', action: 'cancel', role: 'admin', reason: 'whatever it is', checkGuard: () => { throw new Error('no guard should be asked'); } });
    expect(decision).toEqual({ ok: false, reasons: [reason('case-is-final', { state: reason('case-state-closed') })] });
  });
});
