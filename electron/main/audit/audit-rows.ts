import type Database from 'better-sqlite3';
import type { AuditRecord } from '../../../shared/audit/audit-entry';

/** The columns of an entry, renamed to the record's fields. */
export const auditRecordColumns =
  'seq, time, actor, action, entity_type AS entityType, entity_id AS entityId, payload, prev_hash AS prevHash, hash, hash_format AS hashFormat';

/** Reads entries with `seq > after`, oldest first, at most `limit` of them. */
export function readAuditPage(db: Database.Database, after: number, limit: number): AuditRecord[] {
  return db.prepare<[number, number], AuditRecord>(`SELECT ${auditRecordColumns} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`).all(after, limit);
}

export function readAuditEntry(db: Database.Database, seq: number): AuditRecord | undefined {
  return db.prepare<[number], AuditRecord>(`SELECT ${auditRecordColumns} FROM audit_log WHERE seq = ?`).get(seq);
}

/** The first entry whose own hash is `hash` (a full scan: used only to explain a broken chain). */
export function findAuditEntryByHash(db: Database.Database, hash: string): AuditRecord | undefined {
  return db.prepare<[string], AuditRecord>(`SELECT ${auditRecordColumns} FROM audit_log WHERE hash = ? ORDER BY seq LIMIT 1`).get(hash);
}

/** An entry whose prev_hash is `hash`, i.e. the one written right after it (a full scan, as above). */
export function findAuditEntryFollowing(db: Database.Database, hash: string): AuditRecord | undefined {
  return db.prepare<[string], AuditRecord>(`SELECT ${auditRecordColumns} FROM audit_log WHERE prev_hash = ? ORDER BY seq LIMIT 1`).get(hash);
}

export function countAuditEntries(db: Database.Database): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log').get()!.n;
}
