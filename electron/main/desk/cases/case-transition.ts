// One case transition, the one way: the case table decides (role, reason, guards in the gate's
// words), then the case's new state, its timeline row and their outbox changes are written. The
// caller runs it inside its audited operation and records `entry` (or takes `changes` into its own
// entry): the case service for the paperwork, the booking service for schedule, on-site, rebound
// and failure, together with its appointment's change.
import type { Role } from '../../../../shared/auth/roles';
import { decideTransition, type CaseAction } from '../../../../shared/desk/case-states';
import { caseGuardCheck } from '../../../../shared/desk/booking/case-guards';
import { deskAuditActions } from '../../../../shared/desk/desk-audit';
import type { Bank, CaseState } from '../../../../shared/desk/model';
import { reason, type Reason } from '../../../../shared/errors/reason';
import type { MainReason } from '../../../../shared/errors/reasons-en';
import { AppError } from '../../app-error';
import type { AuditedEntry } from '../../db/audited';
import type { RecordChange } from '../../db/outbox';
import { newRecordMeta, nextRecordMeta } from '../../db/record-meta';
import { recordChanged } from '../records/save-record';
import type { CaseFields, CaseRepository, StoredCase } from './case-repository';

/** Who takes the transition. */
export interface TransitionActor {
  username: string;
  role: Role;
}

/** What the guards read besides the case: its target bank, and for booking the gate's reasons for the slot. */
export interface TransitionFacts {
  bank: Bank;
  gateReasons?: readonly Reason[];
}

/** What a transition wrote. */
export interface AppliedTransition {
  rebindCase: StoredCase;
  from: CaseState;
  to: CaseState;
  /** The case row's change and the timeline row's, for the outbox. */
  changes: RecordChange[];
  /** The audit entry of the transition (actor, time, action, states, reason) carrying `changes`. */
  entry: AuditedEntry;
}

/** Several reasons said as one, in order (each language joins sentences its own way). */
export function joinReasons(reasons: readonly Reason[]): MainReason {
  return reasons.reduceRight((second, first) => reason('case-reasons-joined', { first, second })) as MainReason;
}

const closingActions: readonly CaseAction[] = ['cancel', 'record-failure'];

/**
 * Takes `action` on `current` (as read inside this transaction) for `actor` at `at`, with the
 * actor's `why`; `patch` is what the same operation records on the case (a review, an agreement),
 * seen by the guards. Refused with every reason (AppError conflict), or the case moved meanwhile
 * (record-changed): nothing is written then.
 */
export function applyTransition(
  repo: CaseRepository,
  current: StoredCase,
  action: CaseAction,
  actor: TransitionActor,
  at: Date,
  why: string | undefined,
  facts: TransitionFacts,
  patch: Partial<CaseFields> = {},
): AppliedTransition {
  const proposed = { ...current, ...patch };
  const decision = decideTransition({
    state: current.state,
    action,
    role: actor.role,
    reason: why,
    checkGuard: caseGuardCheck({ rebindCase: { ...proposed, id: current.id }, bank: facts.bank, ...(facts.gateReasons && { gateReasons: facts.gateReasons }) }),
  });
  if (!decision.ok) throw new AppError(decision.reasons.some((r) => r.code === 'case-action-role-not-allowed') ? 'forbidden' : 'conflict', joinReasons(decision.reasons));
  const to = decision.transition.to;
  const trimmed = why?.trim() || undefined;
  const after: StoredCase = {
    ...proposed,
    state: to,
    ...(closingActions.includes(action) && trimmed !== undefined && { closingReason: trimmed }),
    ...nextRecordMeta(current, actor.username, at),
  };
  const caseChange = repo.updateCase(after, current.version);
  if (!caseChange) throw recordChanged('case');
  const timelineChange = repo.insertTransition({ ...newRecordMeta(actor.username, at), caseId: current.id, fromState: current.state, toState: to, action, ...(trimmed !== undefined && { reason: trimmed }) });
  const changes = [caseChange, timelineChange];
  return {
    rebindCase: after,
    from: current.state,
    to,
    changes,
    entry: {
      actor: actor.username,
      action: deskAuditActions.caseTransitioned,
      entity: { type: 'case', id: current.id },
      payload: { action, from: current.state, to, ...(trimmed !== undefined && { reason: trimmed }) },
      at,
      changes,
    },
  };
}
