import type Database from 'better-sqlite3';
import { z } from 'zod';
import { dataAuditActions } from '../../../shared/audit/audit-actions';
import type { AuditRecord } from '../../../shared/audit/audit-entry';
import type { AuditListInput, AuditRestoreSummary } from '../../../shared/audit/audit-filter';
import type { AuditPage } from '../../../shared/ipc/contract-security';
import { auditHead } from '../db/audit-chain';
import { auditRecordColumns, countAuditEntries } from './audit-rows';

const defaultPageSize = 50;

// The payload fields of `backup.restored` this summary reads; older entries may lack some.
const restoredPayloadSchema = z.object({
  restoredFrom: z.string().nullish(),
  safetyBackup: z.string().nullish(),
  auditCarried: z.object({ entries: z.int().nonnegative(), how: z.enum(['chained', 'embedded']) }).nullish(),
});

/**
 * One page of the log, newest first, narrowed by `input`'s filters, with the head, the log's size
 * and (on the first page) what the newest restore did to it. One read transaction, so they all
 * describe the same state of the log.
 */
export function listAudit(db: Database.Database, input: AuditListInput): AuditPage {
  const limit = input.limit ?? defaultPageSize;
  const where = ['seq < ?'];
  const params: (string | number)[] = [input.before ?? Number.MAX_SAFE_INTEGER];
  if (input.actor !== undefined) {
    where.push('actor = ?');
    params.push(input.actor);
  }
  if (input.actions !== undefined) {
    where.push(`action IN (${input.actions.map(() => '?').join(', ')})`);
    params.push(...input.actions);
  }
  // Stored times are ISO 8601 UTC with milliseconds, so the bounds are written the same way and compared as text.
  if (input.from !== undefined) {
    where.push('time >= ?');
    params.push(new Date(input.from).toISOString());
  }
  if (input.to !== undefined) {
    where.push('time < ?');
    params.push(new Date(input.to).toISOString());
  }
  const select = db.prepare<(string | number)[], AuditRecord>(`SELECT ${auditRecordColumns} FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`);
  return db.transaction(() => {
    // One more than asked tells whether an older page exists, without counting every match.
    const rows = select.all(...params, limit + 1);
    return {
      entries: rows.slice(0, limit),
      hasMore: rows.length > limit,
      head: auditHead(db),
      total: countAuditEntries(db),
      lastRestore: input.before === undefined ? newestRestore(db) : null,
    };
  })();
}

function newestRestore(db: Database.Database): AuditRestoreSummary | null {
  const row = db
    .prepare<[string], Pick<AuditRecord, 'seq' | 'time' | 'actor' | 'payload'>>('SELECT seq, time, actor, payload FROM audit_log WHERE action = ? ORDER BY seq DESC LIMIT 1')
    .get(dataAuditActions.backupRestored);
  if (!row) return null;
  let payload: z.infer<typeof restoredPayloadSchema> = {};
  try {
    payload = restoredPayloadSchema.parse(JSON.parse(row.payload));
  } catch {
    // An entry the app did not write in this shape still says that, and when, a restore happened.
  }
  return {
    seq: row.seq,
    time: row.time,
    actor: row.actor,
    restoredFrom: payload.restoredFrom ?? null,
    safetyBackup: payload.safetyBackup ?? null,
    carried: payload.auditCarried ?? null,
  };
}
