// The audit log's hash chain as stored: the head and the append. It sits in db/ beside audited(),
// its only writer outside the audit feature's own restore copy (audit/audit-carry.ts), because
// appending an entry is part of every audited operation, below every feature.
import type Database from 'better-sqlite3';
import { currentAuditHashFormat, genesisHash, isAuditToken, type AuditEntryInput, type AuditRecord } from '../../../shared/audit/audit-entry';
import { canonicalJson } from '../../../shared/audit/canonical-json';
import { prepared } from './statement-cache';
import { auditEntryHash } from './audit-hash';

const headSql = 'SELECT seq, time, hash FROM audit_log ORDER BY seq DESC LIMIT 1';
const highestSql = "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'";
const insertSql =
  'INSERT INTO audit_log (seq, time, actor, action, entity_type, entity_id, payload, prev_hash, hash, hash_format) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

function statementsFor(db: Database.Database) {
  return {
    head: prepared<[], { seq: number; time: string; hash: string }>(db, headSql),
    highest: prepared<[], { seq: number }>(db, highestSql),
    insert: prepared<[number, string, string, string, string, string, string, string, string, number]>(db, insertSql),
  };
}

/** The newest entry's seq and hash, or null for an empty log. */
export function auditHead(db: Database.Database): { seq: number; hash: string } | null {
  const row = statementsFor(db).head.get();
  return row ? { seq: row.seq, hash: row.hash } : null;
}

/**
 * Appends one entry to the hash chain. Call it inside the transaction that makes the change it
 * records, so both commit or neither does; it is synchronous on purpose (no await may sit inside
 * a better-sqlite3 transaction) and refuses to run outside one.
 */
function append(db: Database.Database, entry: AuditEntryInput, now: Date = new Date()): AuditRecord {
  if (!db.inTransaction) {
    throw new Error(`AuditLog.append(${entry.action}) ran outside a transaction: call it inside the transaction that makes the change it records.`);
  }
  const entityId = String(entry.entity.id);
  for (const [name, value] of [['actor', entry.actor], ['action', entry.action], ['entity type', entry.entity.type], ['entity id', entityId]] as const) {
    if (!isAuditToken(value)) throw new Error(`Audit ${name} ${JSON.stringify(value).slice(0, 80)} must be 1–200 characters without control characters.`);
  }
  const statements = statementsFor(db);
  const head = statements.head.get();
  // Past the highest seq ever written, not just the last row: if entries were cut from the end,
  // the gap stays visible to verify instead of being filled by new entries.
  const seq = Math.max(head?.seq ?? 0, statements.highest.get()?.seq ?? 0) + 1;
  // Entries are in time order by construction: a clock that went back (NTP, a DST bug, a manual
  // change) repeats the previous time instead, so an earlier time can only come from a forgery.
  const stamp = now.toISOString();
  const time = head && head.time > stamp ? head.time : stamp;
  const record: Omit<AuditRecord, 'hash'> = {
    seq,
    time,
    actor: entry.actor,
    action: entry.action,
    entityType: entry.entity.type,
    entityId,
    payload: canonicalJson(entry.payload),
    prevHash: head?.hash ?? genesisHash,
    hashFormat: currentAuditHashFormat,
  };
  const hash = auditEntryHash(record);
  statements.insert.run(seq, time, record.actor, record.action, record.entityType, entityId, record.payload, record.prevHash, hash, record.hashFormat);
  return { ...record, hash };
}

/** The append-only, hash-chained audit log. */
export const AuditLog = {
  /** Appends an entry inside the caller's transaction; see `append`. */
  append,
  /** The newest entry's seq and hash. */
  head: auditHead,
} as const;
