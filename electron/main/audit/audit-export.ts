import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { AuditVerifyResult } from '../../../shared/audit/audit-entry';
import { securityAuditActions } from '../../../shared/audit/audit-actions';
import { csvRow } from '../../../shared/audit/csv';
import type { Actor } from '../../../shared/auth/session';
import { AppError } from '../app-error';
import { reason } from '../../../shared/errors/reason';
import { audited } from '../db/audited';
import { verifyAuditChain } from './audit-verify';

export interface AuditExportSummary {
  path: string;
  entries: number;
  head: { seq: number; hash: string } | null;
  verify: AuditVerifyResult;
}

/** The CSV columns: the fields in the order the hash input uses them, the hash, and the hash input's format. */
export const auditCsvHeader = ['seq', 'time', 'actor', 'action', 'entity_type', 'entity_id', 'payload', 'prev_hash', 'hash', 'hash_format'] as const;

// Rows go to the file in batches of this many characters: one write per row would be slow, one
// string for a million rows would take hundreds of megabytes.
const flushChars = 1 << 20;

/**
 * Writes the whole log as RFC 4180 CSV for auditors: a header row, one row per entry with the
 * exact stored text (so the hashes can be recomputed from the file), and a last line
 * `# chain head: …` with the head's seq and hash and the verify outcome. The export itself is
 * recorded in the log, in the same transaction that read it; the file appears atomically
 * (written beside the target, then renamed) and only once that transaction succeeds.
 */
export function exportAuditCsv(db: Database.Database, actor: Actor, path: string, now: () => Date = () => new Date()): AuditExportSummary {
  if (actor.role !== 'admin') throw new AppError('forbidden', reason('audit-export-admin-only'));
  const partial = `${path}.partial`;
  try {
    const summary = audited(
      db,
      ({ entries, verify }) => ({
        actor: actor.username,
        action: securityAuditActions.auditExported,
        entity: { type: 'audit-log', id: 'all' },
        payload: { entries, headSeq: verify.head?.seq ?? 0, headHash: verify.head?.hash ?? null, verified: verify.ok },
        at: now(),
      }),
      () => {
        const verify = verifyAuditChain(db);
        const fd = openSync(partial, 'w', 0o600);
        let entries = 0;
        try {
          let buffer = csvRow(auditCsvHeader);
          const rows = db
            .prepare('SELECT seq, time, actor, action, entity_type, entity_id, payload, prev_hash, hash, hash_format FROM audit_log ORDER BY seq')
            .raw(true)
            .iterate() as IterableIterator<(string | number)[]>;
          for (const row of rows) {
            buffer += csvRow(row);
            entries++;
            if (buffer.length >= flushChars) {
              writeSync(fd, buffer);
              buffer = '';
            }
          }
          const head = verify.head;
          const outcome = verify.ok ? 'ok' : `BROKEN at entry ${verify.firstProblem?.seq} (${verify.firstProblem?.kind}): ${verify.firstProblem?.message}`;
          buffer += `# chain head: seq ${head?.seq ?? 0}, hash ${head?.hash ?? 'none'}; entries ${entries}; verified: ${outcome}; exported ${now().toISOString()} by ${actor.username}\r\n`;
          writeSync(fd, buffer);
        } finally {
          closeSync(fd);
        }
        return { path, entries, head: verify.head, verify };
      },
    );
    renameSync(partial, path);
    return summary;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
