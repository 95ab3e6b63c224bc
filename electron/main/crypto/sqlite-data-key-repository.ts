import type Database from 'better-sqlite3';
import type { KeyProtection } from '../../../shared/auth/key-protection';
import { prepared } from '../db/statement-cache';
import type { DataKeyRepository, StoredDataKey } from './data-key-repository';

interface KeyRow {
  key_id: string;
  wrapped_key: Buffer;
  protection: KeyProtection;
  status: 'active' | 'retired';
  created_at: string;
  retired_at: string | null;
}

const toDataKey = (row: KeyRow): StoredDataKey => ({
  keyId: row.key_id,
  wrappedKey: row.wrapped_key,
  protection: row.protection,
  status: row.status,
  createdAt: row.created_at,
  retiredAt: row.retired_at,
});

/**
 * The data keys of `db`. Over a given connection rather than the current one: the keyring is asked
 * about a specific database (the live one, a backup being restored, the CLI's).
 */
export function sqliteDataKeys(db: Database.Database): DataKeyRepository {
  const one = (sql: string, ...params: unknown[]) => {
    const row = prepared<unknown[], KeyRow>(db, sql).get(...params);
    return row === undefined ? undefined : toDataKey(row);
  };
  return {
    active: () => one("SELECT * FROM data_keys WHERE status = 'active'"),
    byId: (keyId) => one('SELECT * FROM data_keys WHERE key_id = ?', keyId),
    all: () => prepared<[], KeyRow>(db, 'SELECT * FROM data_keys ORDER BY created_at, key_id').all().map(toDataKey),
    wrapsOf: (keyId) =>
      prepared<[string], { protection: KeyProtection; wrapped_key: Buffer }>(db, 'SELECT protection, wrapped_key FROM data_key_wraps WHERE key_id = ? ORDER BY protection')
        .all(keyId)
        .map((row) => ({ protection: row.protection, wrappedKey: row.wrapped_key })),
    replaceActive: (key, at) => {
      prepared(db, "UPDATE data_keys SET status = 'retired', retired_at = ? WHERE status = 'active'").run(at);
      prepared(db, "INSERT INTO data_keys (key_id, wrapped_key, protection, status, created_at) VALUES (?, ?, ?, 'active', ?)").run(key.keyId, key.wrappedKey, key.protection, at);
    },
    putWrap: (keyId, wrap, at) =>
      void prepared(db, 'INSERT OR REPLACE INTO data_key_wraps (key_id, protection, wrapped_key, created_at) VALUES (?, ?, ?, ?)').run(keyId, wrap.protection, wrap.wrappedKey, at),
  };
}
