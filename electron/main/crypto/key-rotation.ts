import type Database from 'better-sqlite3';
import { securityAuditActions } from '../../../shared/audit/audit-actions';
import { hasPermission } from '../../../shared/auth/permissions';
import type { Actor } from '../../../shared/auth/session';
import { AppError } from '../app-error';
import { reason } from '../../../shared/errors/reason';
import { audited } from '../db/audited';
import type { DataKeyring } from './data-keyring';
import { encryptedColumns, fieldName, type EncryptedColumn } from './encrypted-columns';
import { decryptFieldValue, encryptFieldValue } from './field-cipher';

export interface RotationResult {
  fromKeyId: string | null;
  toKeyId: string;
  reencrypted: number;
}

/** Options of a rotation; `onValue` is called after each value (progress, and tests that interrupt it). */
export interface RotationOptions {
  columns?: readonly EncryptedColumn[];
  onValue?: (done: number) => void;
  now?: () => Date;
}

const pageSize = 500;

/**
 * Creates a new data key and re-encrypts every value of every encrypted column under it, all in
 * one transaction with its audit entry: interrupted anywhere (a crash, an unreadable value, an
 * exception), it rolls back and every value stays under the old key, which is kept. The old key is
 * retired, not deleted, because values outside the listed columns may still need it.
 */
export function rotateDataKey(db: Database.Database, keyring: DataKeyring, actor: Actor, options: RotationOptions = {}): RotationResult {
  if (!hasPermission(actor.role, 'keys.rotate')) throw new AppError('forbidden', reason('key-rotation-admin-only'));
  const columns = options.columns ?? encryptedColumns;
  const now = options.now ?? (() => new Date());
  const at = now();
  const rotated = audited(
    db,
    ({ from, to, done }) => ({
      actor: actor.username,
      action: securityAuditActions.dataKeyRotated,
      entity: { type: 'data-key', id: to.keyId },
      payload: { fromKeyId: from?.keyId ?? null, toKeyId: to.keyId, protection: to.protection, reencrypted: done, columns: columns.map(fieldName) },
      at,
    }),
    () => {
      const from = keyring.activeKey(db);
      const to = keyring.createKey(db, at);
      let done = 0;
      for (const column of columns) {
        const field = fieldName(column);
        const table = quote(column.table);
        const id = quote(column.idColumn);
        const value = quote(column.column);
        const page = db.prepare<[unknown, number], { id: unknown; value: string }>(
          `SELECT ${id} AS id, ${value} AS value FROM ${table} WHERE ${value} IS NOT NULL AND ${id} > ? ORDER BY ${id} LIMIT ?`,
        );
        const update = db.prepare(`UPDATE ${table} SET ${value} = ? WHERE ${id} = ?`);
        // Ids are compared with `>`; start below any integer or text key.
        let after: unknown = -Number.MAX_VALUE;
        for (;;) {
          const rows = page.all(after, pageSize);
          if (rows.length === 0) break;
          for (const row of rows) {
            const plaintext = decryptFieldValue((keyId) => keyring.keyFor(db, keyId), field, row.value);
            update.run(encryptFieldValue(to, field, plaintext), row.id);
            done++;
            options.onValue?.(done);
          }
          after = rows[rows.length - 1]!.id;
        }
      }
      return { from, to, done };
    },
  );
  return { fromKeyId: rotated.from?.keyId ?? null, toKeyId: rotated.to.keyId, reencrypted: rotated.done };
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
