// The rebind journal in SQLite (migration 0003): operations, steps, the backup, further batch
// exports and link logs. Every write is one FULL-synchronous transaction with its audit entry, so
// the journal and the audit log never disagree. Nothing here deletes a backup: there is no path.
// Every write to an operation first checks, in the same transaction, that this process still owns
// it (migration 0004, operation-owner.ts): a process that lost its operation writes nothing more.
import type Database from 'better-sqlite3';
import { rebindAuditActions, rebindAuditEntity } from '../../../shared/rebind/rebind-audit';
import type { RebindOutcome } from '../../../shared/rebind/rebind-outcome';
import type { RebindStep, StepRecord } from '../../../shared/rebind/rebind-steps';
import type { WorkOrder } from '../../../shared/rebind/work-order';
import { audited, type AuditedEntries, type AuditedEntry } from '../db/audited';
import { prepared } from '../db/statement-cache';
import type { BatchSummary, TerminalIdentity } from '../../../shared/terminal/terminal-identity';
import type { JournalRecord } from '../terminal/driver/journal';
import { currentProcessOwner, defaultLeasePolicy, OperationNotOwned, OperationOwnedElsewhere, ownerState, pidAlive } from './operation-owner';
import type { LeasePolicy, OperationOwner, StoredOwner } from './operation-owner';
import { toBackup, toBatchExport, toOperation, toStep } from './rebind-rows';
import type { BackupDbRow, BackupRow, BatchExportDbRow, BatchExportRow, OpenParams, OperationDbRow, OperationRow, StepDbRow } from './rebind-rows';
import { sealedParamsFields, type ParamsSealer } from './sealed-params';

export type { BackupRow, BatchExportRow, OperationRow } from './rebind-rows';

export interface NewOperation {
  portPath: string;
  workOrder: WorkOrder;
  /** The desk case it is for, by id (the journal's case_id); absent from the command line. */
  caseId?: string | undefined;
  targetParams: Record<string, string>;
  targetDigest: string;
}

/** The identify step's findings. */
export interface IdentifyRecord {
  serialNumber: string;
  identity: TerminalIdentity;
  digestBefore: string;
  overrideReason: string | null;
  /** The fields that did not match the work order (audited with the override). */
  mismatches: readonly string[];
}

/** The backup as it is stored. */
export interface NewBackup {
  serialNumber: string;
  identity: TerminalIdentity;
  params: Record<string, string>;
  digest: string;
  batch: BatchSummary;
  journal: JournalRecord[];
}

/** Thrown when the terminal already has an open operation (the partial unique index). */
export class OpenOperationConflict extends Error {
  constructor(
    readonly serialNumber: string,
    readonly openOperationId: number | undefined,
  ) {
    super(`Terminal ${serialNumber} already has an open rebind operation${openOperationId === undefined ? '' : ` (#${openOperationId})`}.`);
    this.name = 'OpenOperationConflict';
  }
}

/** What a takeover found: the operation, now this process's, and whom it was taken from (null: it was already ours). */
export interface TakeOver {
  operation: OperationRow;
  previousOwner: StoredOwner | null;
}

/** The owner columns as selected for the ownership check. */
interface OwnerDbRow {
  status: 'open' | 'closed';
  owner_instance: string | null;
  owner_pid: number | null;
  owner_host: string | null;
  lease_expires_at: string | null;
}

/** The journal's repository; every method is synchronous and each write is one transaction. */
export class RebindStore {
  /** Decrypts an operation's target set. */
  private readonly openTarget: OpenParams;
  /** Decrypts a backup's old set. */
  private readonly openBackup: OpenParams;

  constructor(
    private readonly connection: () => Database.Database,
    private readonly now: () => Date,
    /** Keeps the secret tags of every stored parameter set encrypted (sealed-params.ts). */
    private readonly sealer: ParamsSealer,
    /** The process (or, in tests, the engine) whose operations these writes belong to. */
    readonly owner: OperationOwner = currentProcessOwner(),
    private readonly lease: LeasePolicy = defaultLeasePolicy,
    private readonly alive: (pid: number) => boolean = pidAlive,
  ) {
    this.openTarget = (stored) => sealer.open(sealedParamsFields.target, stored);
    this.openBackup = (stored) => sealer.open(sealedParamsFields.backup, stored);
  }

  /** The journal's database file, for telling the operator which file failed; a fixed phrase when even that cannot be known. */
  databasePath(): string {
    try {
      return this.connection().name;
    } catch {
      return 'the data directory';
    }
  }

  /** Whether an operation's owner is this process, another live one, or gone (so it may be taken over). */
  ownerOf(op: OperationRow): 'mine' | 'live' | 'gone' {
    return ownerState(op.owner, this.owner, this.now(), this.alive);
  }

  /**
   * Makes this process the owner of an open operation whose owner is gone (audited as a takeover),
   * or renews the lease when it is already ours. Undefined when the operation is not open;
   * OperationOwnedElsewhere while another live process owns it. The check and the change are one
   * transaction, so two processes can never both take the same operation.
   */
  takeOver(operationId: number, actor: string, purpose: string): TakeOver | undefined {
    const db = this.connection();
    const taken = this.journalWrite(
      (taken) =>
        taken?.previousOwner
          ? this.entry(actor, rebindAuditActions.takenOver, operationId, {
              purpose,
              why: taken.why,
              previousOwner: { instanceId: taken.previousOwner.instanceId, pid: taken.previousOwner.pid, host: taken.previousOwner.host, leaseExpiresAt: taken.previousOwner.leaseExpiresAt },
            })
          : null,
      (): { previousOwner: StoredOwner | null; why: string | null } | undefined => {
        const row = this.ownerRow(db, operationId);
        if (row === undefined || row.status !== 'open') return undefined;
        const stored = storedOwner(row);
        const state = ownerState(stored, this.owner, this.now(), this.alive);
        if (state === 'live') throw new OperationOwnedElsewhere(operationId, stored);
        this.claim(db, operationId);
        if (state === 'mine') return { previousOwner: null, why: null };
        return { previousOwner: stored, why: this.whyGone(stored) };
      },
    );
    return taken === undefined ? undefined : { operation: this.require(operationId), previousOwner: taken.previousOwner };
  }

  /** Throws OperationNotOwned unless the operation is open and this process's (a read, before every command sent to the terminal). */
  assertOwned(operationId: number): void {
    const row = this.ownerRow(this.connection(), operationId);
    if (row === undefined) throw new OperationNotOwned(operationId, 'missing', null);
    if (row.owner_instance !== this.owner.instanceId) throw new OperationNotOwned(operationId, row.status, storedOwner(row));
    if (row.status !== 'open') throw new OperationNotOwned(operationId, 'closed', storedOwner(row));
  }

  /** Extends this process's lease on an open operation; false when the operation is no longer its own (or closed). */
  renewLease(operationId: number): boolean {
    return (
      prepared(this.connection(), "UPDATE rebind_operations SET lease_expires_at = ? WHERE id = ? AND owner_instance = ? AND status = 'open'")
        .run(this.leaseUntil(), operationId, this.owner.instanceId).changes === 1
    );
  }

  /** Ends this process's lease at once (a session ended and left the operation open): any process may take it over now. */
  releaseLease(operationId: number): void {
    prepared(this.connection(), 'UPDATE rebind_operations SET lease_expires_at = ? WHERE id = ? AND owner_instance = ?').run(this.now().toISOString(), operationId, this.owner.instanceId);
  }

  /** Creates an open operation (phase `identify`, no serial number yet). */
  createOperation(input: NewOperation, actor: string): OperationRow {
    const db = this.connection();
    const at = this.now().toISOString();
    // Encrypted before the transaction: a first data key is created (and audited) on its own.
    const target = this.sealer.seal(sealedParamsFields.target, input.targetParams);
    const id = this.journalWrite(
      (opId) =>
        this.entry(actor, rebindAuditActions.started, opId, {
          port: input.portPath,
          targetDigest: input.targetDigest,
          ...(input.workOrder.caseRef === undefined ? {} : { caseRef: input.workOrder.caseRef }),
          ...(input.caseId === undefined ? {} : { caseId: input.caseId }),
        }),
      () => {
        const result = prepared(
          db,
          `INSERT INTO rebind_operations (status, phase, port_path, actor, work_order_json, case_id, target_params_json, target_secrets, target_digest, created_at, updated_at,
             owner_instance, owner_pid, owner_host, lease_expires_at)
           VALUES ('open', 'identify', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(input.portPath, actor, JSON.stringify(input.workOrder), input.caseId ?? null, target.clearJson, target.sealed, input.targetDigest, at, at, this.owner.instanceId, this.owner.pid, this.owner.host, this.leaseUntil());
        return Number(result.lastInsertRowid);
      },
    );
    return this.require(id);
  }

  /** Records HELLO's identity; OpenOperationConflict when the terminal has another open operation. */
  identify(operationId: number, record: IdentifyRecord, actor: string): void {
    const db = this.connection();
    try {
      this.journalWrite(
        () => [
          this.entry(actor, rebindAuditActions.identified, operationId, { serialNumber: record.serialNumber, digestBefore: record.digestBefore, model: record.identity.model }),
          ...(record.overrideReason === null ? [] : [this.entry(actor, rebindAuditActions.workOrderOverridden, operationId, { mismatches: [...record.mismatches], reason: record.overrideReason })]),
        ],
        () => {
          this.mustOwn(db, operationId, true);
          prepared(db, 'UPDATE rebind_operations SET serial_number = ?, identity_json = ?, digest_before = ?, override_reason = ?, updated_at = ? WHERE id = ?').run(
            record.serialNumber,
            JSON.stringify(record.identity),
            record.digestBefore,
            record.overrideReason,
            this.now().toISOString(),
            operationId,
          );
        },
      );
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new OpenOperationConflict(record.serialNumber, this.openForSerial(record.serialNumber)?.id);
      }
      throw error;
    }
  }

  /** Starts another session of an operation: running steps of the last one become `interrupted`. */
  startSession(operationId: number, actor: string, mode: string): number {
    const db = this.connection();
    return this.journalWrite(
      ({ session, interrupted }) => this.entry(actor, rebindAuditActions.sessionStarted, operationId, { session, mode, interruptedSteps: interrupted }),
      () => {
        this.mustOwn(db, operationId, true);
        const at = this.now().toISOString();
        const interrupted = prepared(db, "UPDATE rebind_steps SET status = 'interrupted', ended_at = ?, error = 'The app stopped while this step ran.' WHERE operation_id = ? AND status = 'running'")
          .run(at, operationId).changes;
        prepared(db, 'UPDATE rebind_operations SET sessions = sessions + 1, updated_at = ? WHERE id = ?').run(at, operationId);
        const session = (prepared(db, 'SELECT sessions FROM rebind_operations WHERE id = ?').get(operationId) as { sessions: number }).sessions;
        return { session, interrupted };
      },
    ).session;
  }

  /** Journals a step before it runs; returns its row id. */
  stepStarted(operationId: number, session: number, attempt: number, step: RebindStep, actor: string): number {
    const db = this.connection();
    return this.journalWrite(() => this.entry(actor, rebindAuditActions.stepStarted, operationId, { step, session, attempt }), () => {
      this.mustOwn(db, operationId, true);
      const at = this.now().toISOString();
      const result = prepared(db, "INSERT INTO rebind_steps (operation_id, session, attempt, step, status, started_at) VALUES (?, ?, ?, ?, 'running', ?)")
        .run(operationId, session, attempt, step, at);
      prepared(db, 'UPDATE rebind_operations SET phase = ?, updated_at = ? WHERE id = ?').run(step, at, operationId);
      return Number(result.lastInsertRowid);
    });
  }

  /** Journals how a step ended. */
  stepFinished(operationId: number, stepId: number, step: RebindStep, status: 'ok' | 'failed' | 'skipped', durationMs: number, detail: Record<string, unknown> | null, error: string | null, actor: string): void {
    const db = this.connection();
    const entry = () => this.entry(actor, rebindAuditActions.stepFinished, operationId, {
      step,
      status,
      durationMs: Math.round(durationMs),
      ...(detail === null ? {} : { detail }),
      ...(error === null ? {} : { error: error.slice(0, 500) }),
    });
    this.journalWrite(entry, () => {
      this.mustOwn(db, operationId, true);
      prepared(db, 'UPDATE rebind_steps SET status = ?, ended_at = ?, duration_ms = ?, detail_json = ?, error = ? WHERE id = ?').run(
        status,
        this.now().toISOString(),
        durationMs,
        detail === null ? null : JSON.stringify(detail),
        error,
        stepId,
      );
    });
  }

  /** Stores the backup; it can never be changed or deleted afterwards. */
  storeBackup(operationId: number, backup: NewBackup, actor: string): number {
    const db = this.connection();
    const params = this.sealer.seal(sealedParamsFields.backup, backup.params);
    return this.journalWrite(
      (id) =>
        this.entry(actor, rebindAuditActions.backupStored, operationId, {
          backupId: id,
          digest: backup.digest,
          batchCount: backup.batch.count,
          batchTotalFen: backup.batch.totalFen,
          journalRecords: backup.journal.length,
        }),
      () => {
        this.mustOwn(db, operationId, true);
        const result = prepared(
          db,
          `INSERT INTO rebind_backups (operation_id, serial_number, identity_json, params_json, params_secrets, digest, batch_json, journal_json, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          operationId,
          backup.serialNumber,
          JSON.stringify(backup.identity),
          params.clearJson,
          params.sealed,
          backup.digest,
          JSON.stringify(backup.batch),
          JSON.stringify(backup.journal),
          this.now().toISOString(),
        );
        return Number(result.lastInsertRowid);
      },
    );
  }

  /** Stores a later batch export (before it is settled). */
  addBatchExport(operationId: number, batch: BatchSummary, journal: JournalRecord[], actor: string): number {
    const db = this.connection();
    return this.journalWrite(
      (id) => this.entry(actor, rebindAuditActions.batchExported, operationId, { exportId: id, batchCount: batch.count, batchTotalFen: batch.totalFen, journalRecords: journal.length }),
      () => {
        this.mustOwn(db, operationId, true);
        const result = prepared(db, 'INSERT INTO rebind_batch_exports (operation_id, batch_json, journal_json, created_at) VALUES (?, ?, ?, ?)')
          .run(operationId, JSON.stringify(batch), JSON.stringify(journal), this.now().toISOString());
        return Number(result.lastInsertRowid);
      },
    );
  }

  /**
   * Records an outcome; `close` ends the operation, otherwise it stays open for recovery. `refused`
   * records who the terminal was when identify refused it (only on a closing write, so the
   * one-open-operation index is never involved).
   */
  recordOutcome(operationId: number, outcome: RebindOutcome, close: boolean, actor: string, refused?: { serialNumber: string; identity: TerminalIdentity }): void {
    const db = this.connection();
    const entry = () => this.entry(actor, close ? rebindAuditActions.closed : rebindAuditActions.outcome, operationId, {
      outcome: outcome.outcome,
      reason: outcome.reason,
      finalDigest: outcome.finalDigest,
      backupId: outcome.backupId,
      open: !close,
    });
    this.journalWrite(entry, () => {
      this.mustOwn(db, operationId, true);
      const at = this.now().toISOString();
      if (refused !== undefined && close) {
        prepared(db, "UPDATE rebind_operations SET status = 'closed', outcome = ?, closed_at = ?, serial_number = ?, identity_json = ? WHERE id = ? AND serial_number IS NULL").run(
          outcome.outcome,
          at,
          refused.serialNumber,
          JSON.stringify(refused.identity),
          operationId,
        );
      }
      // The stored copy leaves out the steps and the link log: both have their own tables.
      const stored = { ...outcome, steps: [] };
      prepared(
        db,
        `UPDATE rebind_operations SET outcome = ?, reason = ?, final_digest = ?, outcome_json = ?, updated_at = ?,
           status = CASE WHEN ? THEN 'closed' ELSE status END, closed_at = CASE WHEN ? THEN ? ELSE closed_at END WHERE id = ?`,
      ).run(outcome.outcome, outcome.reason, outcome.finalDigest, JSON.stringify(stored), at, close ? 1 : 0, close ? 1 : 0, at, operationId);
    });
  }

  /**
   * Closes an open operation by hand (the terminal was dealt with outside RebindDesk); audited with
   * the reason. OperationOwnedElsewhere while another live process runs it.
   */
  abandon(operationId: number, reason: string, actor: string): void {
    const db = this.connection();
    this.journalWrite(
      (takenFrom) => [
        ...(takenFrom === null ? [] : [this.entry(actor, rebindAuditActions.takenOver, operationId, { purpose: 'abandon', why: takenFrom.why, previousOwner: takenFrom.owner })]),
        this.entry(actor, rebindAuditActions.abandoned, operationId, { reason }),
      ],
      (): { owner: StoredOwner; why: string } | null => {
        let takenFrom: { owner: StoredOwner; why: string } | null = null;
        const row = this.ownerRow(db, operationId);
        if (row !== undefined && row.status === 'open') {
          const stored = storedOwner(row);
          const state = ownerState(stored, this.owner, this.now(), this.alive);
          if (state === 'live') throw new OperationOwnedElsewhere(operationId, stored);
          if (state === 'gone' && stored.instanceId !== null) takenFrom = { owner: stored, why: this.whyGone(stored) };
          this.claim(db, operationId);
        }
        const at = this.now().toISOString();
        const changed = prepared(
          db,
          "UPDATE rebind_operations SET status = 'closed', outcome = 'needs-attention', reason = 'abandoned', closed_at = ?, updated_at = ? WHERE id = ? AND status = 'open'",
        ).run(at, at, operationId).changes;
        if (changed === 0) throw new Error(`Rebind operation #${operationId} is not open: nothing to abandon.`);
        prepared(db, "UPDATE rebind_steps SET status = 'interrupted', ended_at = ?, error = 'The operation was abandoned.' WHERE operation_id = ? AND status = 'running'").run(at, operationId);
        return takenFrom;
      },
    );
  }

  saveLinkLog(operationId: number, session: number, entries: number, jsonl: string): void {
    const db = this.connection();
    // Not audited: the link log is the session's record itself, and its closing outcome was audited.
    this.journalWrite(null, () => {
      // After the closing outcome: the operation may be closed, but only by this process.
      this.mustOwn(db, operationId, false);
      prepared(db, 'INSERT INTO rebind_link_logs (operation_id, session, entries, entries_jsonl, created_at) VALUES (?, ?, ?, ?, ?)').run(
        operationId,
        session,
        entries,
        jsonl,
        this.now().toISOString(),
      );
    });
  }

  get(operationId: number): OperationRow | undefined {
    const row = prepared(this.connection(), 'SELECT * FROM rebind_operations WHERE id = ?').get(operationId) as OperationDbRow | undefined;
    return row === undefined ? undefined : toOperation(row, this.openTarget);
  }

  /** Every open operation, oldest first. */
  openOperations(): OperationRow[] {
    return (prepared(this.connection(), "SELECT * FROM rebind_operations WHERE status = 'open' ORDER BY id").all() as OperationDbRow[]).map((row) => toOperation(row, this.openTarget));
  }

  /**
   * How many operations are open. Reads no encrypted column, so a restore can count them (and
   * refuse) even when the data key cannot be opened.
   */
  countOpen(): number {
    return (prepared(this.connection(), "SELECT COUNT(*) AS n FROM rebind_operations WHERE status = 'open'").get() as { n: number }).n;
  }

  openForSerial(serialNumber: string): OperationRow | undefined {
    const row = prepared(this.connection(), "SELECT * FROM rebind_operations WHERE status = 'open' AND serial_number = ?").get(serialNumber) as OperationDbRow | undefined;
    return row === undefined ? undefined : toOperation(row, this.openTarget);
  }

  /** Every step of an operation, oldest first. */
  steps(operationId: number): StepRecord[] {
    const rows = prepared(this.connection(), 'SELECT step, status, session, attempt, started_at, ended_at, duration_ms, detail_json, error FROM rebind_steps WHERE operation_id = ? ORDER BY id')
      .all(operationId) as StepDbRow[];
    return rows.map(toStep);
  }

  /** True when a step of this name was ever started for the operation. */
  stepEverStarted(operationId: number, step: RebindStep): boolean {
    return prepared(this.connection(), 'SELECT 1 FROM rebind_steps WHERE operation_id = ? AND step = ? LIMIT 1').get(operationId, step) !== undefined;
  }

  /** The operation's backup, if taken. */
  backup(operationId: number): BackupRow | undefined {
    const row = prepared(this.connection(), 'SELECT * FROM rebind_backups WHERE operation_id = ?').get(operationId) as BackupDbRow | undefined;
    return row === undefined ? undefined : toBackup(row, this.openBackup);
  }

  /** Later batch exports of an operation, oldest first. */
  batchExports(operationId: number): BatchExportRow[] {
    const rows = prepared(this.connection(), 'SELECT * FROM rebind_batch_exports WHERE operation_id = ? ORDER BY id').all(operationId) as BatchExportDbRow[];
    return rows.map(toBatchExport);
  }

  private require(operationId: number): OperationRow {
    const row = this.get(operationId);
    if (row === undefined) throw new Error(`Rebind operation #${operationId} is missing from the journal.`);
    return row;
  }

  /**
   * Inside a write's transaction: the operation exists, is this process's and (when `open`) still
   * open; renews the lease as it goes. Throws OperationNotOwned otherwise, so nothing is written.
   */
  private mustOwn(db: Database.Database, operationId: number, open: boolean): void {
    const row = this.ownerRow(db, operationId);
    if (row === undefined) throw new OperationNotOwned(operationId, 'missing', null);
    if (row.owner_instance !== this.owner.instanceId) throw new OperationNotOwned(operationId, row.status, storedOwner(row));
    if (open && row.status !== 'open') throw new OperationNotOwned(operationId, 'closed', storedOwner(row));
    if (row.status === 'open') prepared(db, 'UPDATE rebind_operations SET lease_expires_at = ? WHERE id = ?').run(this.leaseUntil(), operationId);
  }

  /** Writes this process as the owner, with a fresh lease. */
  private claim(db: Database.Database, operationId: number): void {
    prepared(db, 'UPDATE rebind_operations SET owner_instance = ?, owner_pid = ?, owner_host = ?, lease_expires_at = ? WHERE id = ?').run(
      this.owner.instanceId,
      this.owner.pid,
      this.owner.host,
      this.leaseUntil(),
      operationId,
    );
  }

  private leaseUntil(): string {
    return new Date(this.now().getTime() + this.lease.leaseMs).toISOString();
  }

  /** Why a gone owner counts as gone, for the takeover's audit entry. */
  private whyGone(stored: StoredOwner): 'no-owner' | 'lease-expired' | 'process-gone' {
    if (stored.instanceId === null) return 'no-owner';
    if (stored.leaseExpiresAt === null || Date.parse(stored.leaseExpiresAt) <= this.now().getTime()) return 'lease-expired';
    return 'process-gone';
  }

  private ownerRow(db: Database.Database, operationId: number): OwnerDbRow | undefined {
    return prepared<[number], OwnerDbRow>(db, 'SELECT status, owner_instance, owner_pid, owner_host, lease_expires_at FROM rebind_operations WHERE id = ?').get(operationId);
  }

  private entry(actor: string, action: string, operationId: number, payload: Record<string, unknown>): AuditedEntry {
    return { actor, action, entity: { type: rebindAuditEntity, id: operationId }, payload, at: this.now() };
  }

  /**
   * Every journal write: one audited operation committed with synchronous = FULL, so the step
   * record survives a power cut (the laptop's battery dying mid-rebind), not only an app crash;
   * a journal write never runs nested in another transaction (db/audited.ts).
   */
  private journalWrite<T>(entries: AuditedEntries<NoInfer<T>>, work: () => T): T {
    return audited(this.connection(), entries, work, { durability: 'full' });
  }
}

function storedOwner(row: OwnerDbRow): StoredOwner {
  return { instanceId: row.owner_instance, pid: row.owner_pid, host: row.owner_host, leaseExpiresAt: row.lease_expires_at };
}
