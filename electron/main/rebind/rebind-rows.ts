// The journal's rows as SQLite returns them, and as the engine and views use them.
import type { RebindOutcomeKind, RebindReason } from '../../../shared/rebind/rebind-outcome';
import type { RebindStep, StepRecord, StepStatus } from '../../../shared/rebind/rebind-steps';
import type { WorkOrder } from '../../../shared/rebind/work-order';
import type { BatchSummary, TerminalIdentity } from '../../../shared/terminal/terminal-identity';
import type { JournalRecord } from '../terminal/driver/journal';
import type { StoredOwner } from './operation-owner';
import type { StoredParams } from './sealed-params';

/** Joins a stored parameter set again (sealed-params.ts: decrypts the secret tags). */
export type OpenParams = (stored: StoredParams) => Record<string, string>;

/** One operation as the journal holds it. */
export interface OperationRow {
  id: number;
  status: 'open' | 'closed';
  phase: string;
  outcome: RebindOutcomeKind | null;
  reason: RebindReason | null;
  portPath: string;
  actor: string;
  workOrder: WorkOrder;
  /** The desk case the rebind is for (migration 0011); null for the command line and the demo. */
  caseId: string | null;
  overrideReason: string | null;
  serialNumber: string | null;
  /** The identity HELLO gave at identify (rows written before the app kept the protocol version have none). */
  identity: TerminalIdentity | null;
  targetParams: Record<string, string>;
  targetDigest: string;
  digestBefore: string | null;
  finalDigest: string | null;
  sessions: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** The process that runs (or last ran) the operation and its lease (migration 0004). */
  owner: StoredOwner;
}

/** The backup of the old set and batch. */
export interface BackupRow {
  id: number;
  operationId: number;
  serialNumber: string;
  identity: TerminalIdentity;
  /** Every parameter GET_PARAMS reported, volatile ones included. */
  params: Record<string, string>;
  digest: string;
  batch: BatchSummary;
  journal: JournalRecord[];
  createdAt: string;
}

/** A batch exported later in the operation, before it was settled again. */
export interface BatchExportRow {
  id: number;
  operationId: number;
  batch: BatchSummary;
  journal: JournalRecord[];
  createdAt: string;
}

/** A rebind_operations row. */
export interface OperationDbRow {
  id: number;
  status: 'open' | 'closed';
  phase: string;
  outcome: RebindOutcomeKind | null;
  reason: RebindReason | null;
  port_path: string;
  actor: string;
  work_order_json: string;
  case_id: string | null;
  override_reason: string | null;
  serial_number: string | null;
  identity_json: string | null;
  target_params_json: string;
  /** E0E0/E0E1 field-encrypted (migration 0007); null for a set without them or a row not yet sealed. */
  target_secrets: string | null;
  target_digest: string;
  digest_before: string | null;
  final_digest: string | null;
  sessions: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  owner_instance: string | null;
  owner_pid: number | null;
  owner_host: string | null;
  lease_expires_at: string | null;
}

/** A rebind_steps row (the columns steps() selects). */
export interface StepDbRow {
  step: RebindStep;
  status: StepStatus;
  session: number;
  attempt: number;
  started_at: string;
  ended_at: string | null;
  duration_ms: number | null;
  detail_json: string | null;
  error: string | null;
}

/** A rebind_backups row. */
export interface BackupDbRow {
  id: number;
  operation_id: number;
  serial_number: string;
  identity_json: string;
  params_json: string;
  /** E0E0/E0E1 field-encrypted (migration 0007). */
  params_secrets: string | null;
  digest: string;
  batch_json: string;
  journal_json: string;
  created_at: string;
}

/** A rebind_batch_exports row. */
export interface BatchExportDbRow {
  id: number;
  operation_id: number;
  batch_json: string;
  journal_json: string;
  created_at: string;
}

/** An operation from its row; `openParams` decrypts the target set's secret tags. */
export function toOperation(row: OperationDbRow, openParams: OpenParams): OperationRow {
  return {
    id: row.id,
    status: row.status,
    phase: row.phase,
    outcome: row.outcome,
    reason: row.reason,
    portPath: row.port_path,
    actor: row.actor,
    workOrder: JSON.parse(row.work_order_json) as WorkOrder,
    caseId: row.case_id ?? null,
    overrideReason: row.override_reason,
    serialNumber: row.serial_number,
    identity: row.identity_json === null ? null : (JSON.parse(row.identity_json) as TerminalIdentity),
    targetParams: openParams({ clearJson: row.target_params_json, sealed: row.target_secrets }),
    targetDigest: row.target_digest,
    digestBefore: row.digest_before,
    finalDigest: row.final_digest,
    sessions: row.sessions,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    owner: { instanceId: row.owner_instance, pid: row.owner_pid, host: row.owner_host, leaseExpiresAt: row.lease_expires_at },
  };
}

export function toStep(r: StepDbRow): StepRecord {
  return {
    step: r.step,
    status: r.status,
    session: r.session,
    attempt: r.attempt,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    durationMs: r.duration_ms,
    detail: r.detail_json === null ? null : (JSON.parse(r.detail_json) as Record<string, unknown>),
    error: r.error,
  };
}

/** A backup from its row; `openParams` decrypts the old set's secret tags. */
export function toBackup(row: BackupDbRow, openParams: OpenParams): BackupRow {
  return {
    id: row.id,
    operationId: row.operation_id,
    serialNumber: row.serial_number,
    identity: JSON.parse(row.identity_json) as TerminalIdentity,
    params: openParams({ clearJson: row.params_json, sealed: row.params_secrets }),
    digest: row.digest,
    batch: JSON.parse(row.batch_json) as BatchSummary,
    journal: JSON.parse(row.journal_json) as JournalRecord[],
    createdAt: row.created_at,
  };
}

export function toBatchExport(r: BatchExportDbRow): BatchExportRow {
  return { id: r.id, operationId: r.operation_id, batch: JSON.parse(r.batch_json) as BatchSummary, journal: JSON.parse(r.journal_json) as JournalRecord[], createdAt: r.created_at };
}
