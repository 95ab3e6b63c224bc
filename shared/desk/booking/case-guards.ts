// The case table's guards (shared/desk/case-states.ts) checked against a case: the reasons each
// fails with, in the gate's words, so the case page and the gate say the same thing.
import { reason, type Reason } from '../../errors/reason';
import type { CaseGuard } from '../case-states';
import type { Bank } from '../model/bank';
import type { RebindCase } from '../model/case';
import { materialReasons } from './case-materials';

/** What the guards read: the case, its target bank, and (for booking) the gate's answer for the chosen slot. */
export interface CaseGuardFacts {
  rebindCase: RebindCase;
  bank: Bank;
  /** The booking gate's reasons for the slot being booked; needed only by `booking-gate-passes`. */
  gateReasons?: readonly Reason[];
}

/** A `checkGuard` for decideTransition: the reasons `guard` fails with, empty when it holds. */
export function caseGuardCheck(facts: CaseGuardFacts): (guard: CaseGuard) => readonly Reason[] {
  return (guard) => {
    switch (guard) {
      case 'required-materials-verified':
        return materialReasons(facts.rebindCase, facts.bank);
      case 'review-approved':
        return facts.rebindCase.review?.decision === 'approved' ? [] : [reason('booking-not-approved')];
      case 'agreement-recorded':
        return facts.rebindCase.agreement === null ? [reason('booking-agreement-unsigned')] : [];
      case 'booking-gate-passes':
        if (facts.gateReasons === undefined) throw new Error('booking-gate-passes needs the gate’s reasons for the slot being booked');
        return facts.gateReasons;
    }
  };
}
