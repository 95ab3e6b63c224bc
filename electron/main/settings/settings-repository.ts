import type Database from 'better-sqlite3';
import type { AuditEntryInput } from '../../../shared/audit/audit-entry';
import { audited } from '../db/audited';
import { prepared } from '../db/statement-cache';

/** Stored settings as raw JSON text per key. */
export interface SettingsRepository {
  /** The stored JSON value of each given key that has one. */
  readKeys(keys: readonly string[]): Map<string, string>;
  /** Writes the given keys and appends `audit` to the audit log, in one transaction: both are stored or neither. */
  writeMany(entries: ReadonlyArray<readonly [string, string]>, at: Date, audit: AuditEntryInput): void;
}

const readOneSql = 'SELECT value FROM settings WHERE key = ?';
const upsertSql =
  'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at';

export function createSettingsRepository(connection: () => Database.Database): SettingsRepository {
  return {
    readKeys(keys) {
      const readOne = prepared<[string], { value: string }>(connection(), readOneSql);
      const found = new Map<string, string>();
      for (const key of keys) {
        const row = readOne.get(key);
        if (row) found.set(key, row.value);
      }
      return found;
    },
    writeMany(entries, at, audit) {
      const db = connection();
      const upsert = prepared<[string, string, string]>(db, upsertSql);
      audited(db, { ...audit, at }, () => {
        for (const [key, value] of entries) upsert.run(key, value, at.toISOString());
      });
    },
  };
}
