import { describe, expect, it } from 'vitest';
import { reason } from '../../errors/reason';
import { decideTransition } from '../case-states';
import { berlinBank, readyCase } from '../../../tests/fixtures/desk-samples';
import { caseGuardCheck } from './case-guards';

const draft = { ...readyCase, state: 'draft' as const, review: null, agreement: null };

describe('the case guards', () => {
  it('let a draft with every required material received and verified complete its materials', () => {
    const check = caseGuardCheck({ rebindCase: draft, bank: berlinBank });
    expect(decideTransition({ state: 'draft', action: 'complete-materials', role: 'desk', checkGuard: check })).toMatchObject({ ok: true, transition: { to: 'materials-complete' } });
  });

  it('hold a draft back with the gate’s words for each material missing or unverified, expiry aside', () => {
    const materials = draft.materials.filter((m) => m.kind !== 'tax-registration').map((m) => (m.kind === 'site-photo' ? { ...m, verifiedBy: undefined, verifiedAt: undefined, receivedOn: '2020-01-01' } : m));
    const decision = decideTransition({ state: 'draft', action: 'complete-materials', role: 'desk', checkGuard: caseGuardCheck({ rebindCase: { ...draft, materials }, bank: berlinBank }) });
    expect(decision).toEqual({
      ok: false,
      reasons: [
        reason('booking-material-missing', { material: reason('material-tax-registration') }),
        reason('booking-material-unverified', { material: reason('material-other', { kind: 'site-photo' }) }),
      ],
    });
  });

  it('want an approving review and a recorded agreement before signing, and the gate’s answer before booking', () => {
    const approved = caseGuardCheck({ rebindCase: { ...draft, review: readyCase.review }, bank: berlinBank });
    expect(decideTransition({ state: 'approved', action: 'sign-agreement', role: 'desk', checkGuard: approved })).toEqual({ ok: false, reasons: [reason('booking-agreement-unsigned')] });
    const rejected = caseGuardCheck({ rebindCase: { ...readyCase, review: { decision: 'rejected', by: 'zhao.lead', at: '2026-05-22T09:00:00Z', reason: '执照模糊' } }, bank: berlinBank, gateReasons: [] });
    expect(decideTransition({ state: 'agreement-signed', action: 'schedule', role: 'desk', checkGuard: rejected })).toEqual({ ok: false, reasons: [reason('booking-not-approved')] });
    const gateSays = [reason('booking-slot-in-past', { start: '2026-05-01 09:00', zone: 'Europe/Berlin' })];
    const ready = caseGuardCheck({ rebindCase: readyCase, bank: berlinBank, gateReasons: gateSays });
    expect(decideTransition({ state: 'failed', action: 'schedule', role: 'admin', checkGuard: ready })).toEqual({ ok: false, reasons: gateSays });
    expect(() => caseGuardCheck({ rebindCase: readyCase, bank: berlinBank })('booking-gate-passes')).toThrow(/gate/);
  });
});
