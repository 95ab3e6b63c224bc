// The outbox rows of one audited operation (migration 0009). Only `audited()` writes them, in the
// transaction of the change they record; team mode's push will read them.
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../../shared/audit/canonical-json';
import { prepared } from './statement-cache';

/**
 * One record's change, as the server will apply it. `change` holds the stored column values that
 * changed (encrypted fields as their stored ciphertext, never in clear: the outbox is at rest too),
 * or `{ deleted: true }`.
 */
export interface RecordChange {
  readonly entity: string;
  readonly id: string;
  /** The version the change was made on; null for a new record. */
  readonly baseVersion: number | null;
  readonly change: Record<string, unknown>;
}

const insertSql = 'INSERT INTO outbox (operation_id, entity, entity_id, base_version, change, actor, at, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

/** Appends `changes` under `operationId`; call it only inside the operation's transaction. */
export function appendOutbox(db: Database.Database, operationId: string, changes: readonly RecordChange[], actor: string, at: string, auditSeq: number): void {
  if (!db.inTransaction) throw new Error('appendOutbox ran outside a transaction: the change, its audit entry and its outbox row commit together.');
  const insert = prepared<[string, string, string, number | null, string, string, string, number]>(db, insertSql);
  for (const one of changes) insert.run(operationId, one.entity, one.id, one.baseVersion, canonicalJson(one.change), actor, at, auditSeq);
}
