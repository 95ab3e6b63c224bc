// The case transitions the booking and the visit make (schedule, cancel-appointment, start-on-site,
// record-rebound, record-failure), decided by the case table (shared/desk/case-states.ts) and
// written as the case row's next version plus a timeline row. Written here because the case service
// (electron/main/desk/cases/) was not on main when booking needed it; it is one small function that
// service can absorb: call it only inside the audited operation that records its changes.
import type Database from 'better-sqlite3';
import { decideTransition, type CaseAction, type CaseGuard } from '../../../../shared/desk/case-states';
import type { CaseState } from '../../../../shared/desk/model';
import type { Role } from '../../../../shared/auth/roles';
import type { Reason } from '../../../../shared/errors/reason';
import type { RecordChange } from '../../db/outbox';
import { newRecordMeta } from '../../db/record-meta';
import { prepared } from '../../db/statement-cache';

/** Which case moves how, by whom and why. */
export interface CaseMove {
  caseId: string;
  /** The state and version the caller read; the move is refused when the row has moved on. */
  from: CaseState;
  baseVersion: number;
  action: CaseAction;
  actor: string;
  role: Role;
  reason?: string | undefined;
  at: Date;
  checkGuard?: (guard: CaseGuard) => readonly Reason[];
}

/** The move's outcome: the outbox changes (case row and timeline row), or the table's reasons, or `moved-on`. */
export type CaseMoveResult = { ok: true; to: CaseState; changes: RecordChange[] } | { ok: false; reasons: Reason[] } | { ok: false; movedOn: true };

const updateSql = `UPDATE cases SET state = ?, closing_reason = coalesce(?, closing_reason), updated_at = ?, updated_by = ?, version = version + 1
  WHERE id = ? AND version = ? AND state = ?`;
const timelineSql = `INSERT INTO case_transitions (id, created_at, created_by, updated_at, updated_by, version, case_id, from_state, to_state, action, reason)
  VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`;

/** Decides and writes one transition (inside the caller's transaction). */
export function moveCase(db: Database.Database, move: CaseMove): CaseMoveResult {
  const decision = decideTransition({ state: move.from, action: move.action, role: move.role, reason: move.reason, checkGuard: move.checkGuard ?? (() => []) });
  if (!decision.ok) return { ok: false, reasons: decision.reasons };
  const to = decision.transition.to;
  const time = move.at.toISOString();
  const closing = to === 'failed' || to === 'cancelled' ? (move.reason ?? null) : null;
  const updated = prepared(db, updateSql).run(to, closing, time, move.actor, move.caseId, move.baseVersion, move.from);
  if (updated.changes !== 1) return { ok: false, movedOn: true };
  const meta = newRecordMeta(move.actor, move.at);
  const reasonText = move.reason ?? null;
  prepared(db, timelineSql).run(meta.id, meta.createdAt, meta.createdBy, meta.updatedAt, meta.updatedBy, move.caseId, move.from, to, move.action, reasonText);
  return {
    ok: true,
    to,
    changes: [
      { entity: 'case', id: move.caseId, baseVersion: move.baseVersion, change: { state: to, ...(closing === null ? {} : { closing_reason: closing }), updated_at: time, updated_by: move.actor, version: move.baseVersion + 1 } },
      {
        entity: 'case-transition',
        id: meta.id,
        baseVersion: null,
        change: { id: meta.id, created_at: time, created_by: move.actor, updated_at: time, updated_by: move.actor, version: 1, case_id: move.caseId, from_state: move.from, to_state: to, action: move.action, reason: reasonText },
      },
    ],
  };
}

/** `moveCase` over whichever connection is current (a restore opens a new one), for the booking service. */
export function caseMovesOn(connection: () => Database.Database): (move: CaseMove) => CaseMoveResult {
  return (move) => moveCase(connection(), move);
}
