// Parameter sets journaled before migration 0007 hold E0E0/E0E1 in their clear JSON. SQL cannot
// encrypt, so they are sealed here, eagerly, whenever the app (at start and after a restore) or
// the CLI opens the database with its keyring — not lazily on read, which would leave a row that
// is never read again in clear forever (and in every backup file).
import type Database from 'better-sqlite3';
import { systemActor } from '../../../shared/audit/audit-actions';
import { rebindAuditActions } from '../../../shared/rebind/rebind-audit';
import { secretAtRestTags } from '../../../shared/rtp';
import { audited } from '../db/audited';
import { sealedParamsFields, type ParamsSealer, type SealedParamsField } from './sealed-params';

export interface SealedCount {
  operations: number;
  backups: number;
}

interface Target {
  table: string;
  jsonColumn: string;
  sealedColumn: string;
  field: SealedParamsField;
}

const targets: readonly Target[] = [
  { table: 'rebind_operations', jsonColumn: 'target_params_json', sealedColumn: 'target_secrets', field: sealedParamsFields.target },
  { table: 'rebind_backups', jsonColumn: 'params_json', sealedColumn: 'params_secrets', field: sealedParamsFields.backup },
];

/**
 * Moves the secret tags of every clear row into its encrypted column, in one transaction with an
 * audit entry (nothing when every row is sealed). `secure_delete` zeroes the freed clear bytes in
 * the pages, VACUUM drops free pages that still hold older copies, and a WAL checkpoint then
 * overwrites the old pages in the main file.
 */
export function sealClearParams(db: Database.Database, sealer: ParamsSealer, now: () => Date = () => new Date()): SealedCount {
  const paths = secretAtRestTags.map((tag) => `'$.${tag}'`).join(', ');
  const find = (t: Target) =>
    db.prepare<[], { id: number; json: string }>(
      `SELECT id, ${t.jsonColumn} AS json FROM ${t.table} WHERE ${t.sealedColumn} IS NULL AND (${secretAtRestTags.map((tag) => `json_extract(${t.jsonColumn}, '$.${tag}') IS NOT NULL`).join(' OR ')}) ORDER BY id`,
    );
  const pending = targets.map((t) => ({ t, rows: find(t).all() }));
  if (pending.every((p) => p.rows.length === 0)) return { operations: 0, backups: 0 };
  // Encrypt first (this may create the first data key, in its own transaction).
  const sealed = pending.map(({ t, rows }) => ({ t, rows: rows.map((row) => ({ id: row.id, sealed: sealer.seal(t.field, JSON.parse(row.json) as Record<string, string>).sealed })) }));
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    const count = audited(
      db,
      (result) => ({ actor: systemActor, action: rebindAuditActions.paramsSealed, entity: { type: 'rebind-journal', id: 'params' }, payload: { ...result }, at: now() }),
      (): SealedCount => {
        const counts = sealed.map(({ t, rows }) => {
          // json_remove (not JSON.stringify) so the backups' trigger can check the row lost exactly the secret tags.
          const update = db.prepare(`UPDATE ${t.table} SET ${t.jsonColumn} = json_remove(${t.jsonColumn}, ${paths}), ${t.sealedColumn} = ? WHERE id = ? AND ${t.sealedColumn} IS NULL`);
          return rows.reduce((n, row) => n + update.run(row.sealed, row.id).changes, 0);
        });
        return { operations: counts[0] ?? 0, backups: counts[1] ?? 0 };
      },
    );
    // Pages freed earlier (a migration that rebuilt a table with the clear JSON in it) still hold
    // it on the freelist, which secure_delete does not revisit: VACUUM rewrites the file without
    // them. Once per database (only when something was sealed); a busy database keeps them until
    // the next VACUUM, the rows themselves are sealed either way.
    try {
      db.exec('VACUUM');
    } catch {
      // SQLITE_BUSY: another connection is reading; nothing is lost.
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    return count;
  } finally {
    db.pragma(`secure_delete = ${secureDelete}`);
  }
}
