import type Database from 'better-sqlite3';
import { dataAuditActions, systemActor } from '../../../shared/audit/audit-actions';
import type { AuditRecord } from '../../../shared/audit/audit-entry';
import { AuditLog } from '../db/audit-chain';
import { audited, type AuditedEntry } from '../db/audited';
import { auditRecordColumns } from './audit-rows';

/** What a restore did with the audit entries the backup does not have. */
export interface AuditCarryOutcome {
  /** How many entries of the replaced log were carried. */
  entries: number;
  /** `chained`: appended as they were; `embedded`: kept whole inside `audit.carried-over` entries. */
  how: 'chained' | 'embedded';
}

const insertColumns = 'seq, time, actor, action, entity_type, entity_id, payload, prev_hash, hash, hash_format';

/**
 * Carries into `restored` (the staged backup, before the swap) every audit entry of `live` that it
 * does not have, so a restore never rewinds the audit trail. When the backup's log is a prefix of
 * the live one (any backup this data directory made since the trail has been carried), the newer
 * entries are appended as they are, with their seq and hashes: one chain runs across the restore
 * and every earlier anchor still holds. When the two logs went different ways (a backup from
 * another machine, or one restored by an older version that rewound the log), the live entries
 * after the last one both share are appended as `audit.carried-over` entries holding each original
 * entry (fields, hash, format) in the payload: the restored chain stays whole, and anchors of the
 * replaced log still hold through those copies. Runs in one audited operation of `restored`.
 */
export function carryAuditTrail(live: Database.Database, restored: Database.Database, now: Date = new Date()): AuditCarryOutcome {
  const liveHead = AuditLog.head(live);
  const restoredHead = AuditLog.head(restored);
  const shared = sharedPrefix(live, restored, Math.min(liveHead?.seq ?? 0, restoredHead?.seq ?? 0));
  const after = live.prepare<[number], AuditRecord>(`SELECT ${auditRecordColumns} FROM audit_log WHERE seq > ? ORDER BY seq`);
  const chained = shared === (restoredHead?.seq ?? 0);
  let entries = 0;
  // Lazily, entry by entry, as they are appended: the replaced log may be long.
  function* carriedOver(): Generator<AuditedEntry> {
    for (const e of after.iterate(shared)) {
      entries++;
      yield {
        actor: systemActor,
        action: dataAuditActions.auditCarriedOver,
        entity: { type: 'audit-entry', id: e.seq },
        payload: { seq: e.seq, time: e.time, actor: e.actor, action: e.action, entityType: e.entityType, entityId: e.entityId, payload: e.payload, prevHash: e.prevHash, hash: e.hash, hashFormat: e.hashFormat },
        at: now,
      };
    }
  }
  // Chained, the entries are copied as they were (their own seq and hashes), not appended anew.
  const copyAsTheyWere = () => {
    const insert = restored.prepare(`INSERT INTO audit_log (${insertColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const e of after.iterate(shared)) {
      insert.run(e.seq, e.time, e.actor, e.action, e.entityType, e.entityId, e.payload, e.prevHash, e.hash, e.hashFormat);
      entries++;
    }
  };
  if (chained) audited(restored, null, copyAsTheyWere);
  else audited(restored, carriedOver(), () => undefined);
  return { entries, how: chained ? 'chained' : 'embedded' };
}

/**
 * The highest seq up to which both logs hold the same entries. Each hash covers the one before, so
 * if entry n is the same in both, so is every entry before it: a binary search finds the point.
 */
function sharedPrefix(a: Database.Database, b: Database.Database, upTo: number): number {
  const hashAt = (db: Database.Database, seq: number) => db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?').get(seq)?.hash;
  const same = (seq: number) => {
    const hash = hashAt(a, seq);
    return hash !== undefined && hash === hashAt(b, seq);
  };
  let low = 0;
  let high = upTo;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (same(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
