// What On-site tells the desk when a rebind for a case ends: the port onsite/ calls (it sits above
// desk/ in scripts/main-layers.mjs), wired in main-context.ts to the booking service.
import type { RebindOutcomeKind, RebindReason } from '../../../../shared/rebind/rebind-outcome';

/** A rebind's outcome for a desk case. */
export interface VisitOutcome {
  caseId: string;
  operationId: number;
  outcome: RebindOutcomeKind;
  reason: RebindReason;
  /** The operator who ran it (the journal's actor). */
  actor: string;
}

/** Moves the case by the visit's outcome; the rebind has ended whatever it answers. */
export type VisitOutcomePort = (visit: VisitOutcome) => void;
