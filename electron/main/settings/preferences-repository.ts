import type Database from 'better-sqlite3';
import { prepared } from '../db/statement-cache';

/** Each operator's own preferences, as raw JSON text per key. */
export interface PreferencesRepository {
  /** The stored JSON value of each key the operator has chosen. */
  readFor(operatorId: number): Map<string, string>;
  /** Stores the given keys for the operator; call inside the audited operation that records the change. */
  writeFor(operatorId: number, entries: ReadonlyArray<readonly [string, string]>, at: Date): void;
}

const readSql = 'SELECT key, value FROM operator_preferences WHERE operator_id = ?';
const upsertSql =
  'INSERT INTO operator_preferences (operator_id, key, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (operator_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at';

export function createPreferencesRepository(connection: () => Database.Database): PreferencesRepository {
  return {
    readFor(operatorId) {
      const rows = prepared<[number], { key: string; value: string }>(connection(), readSql).all(operatorId);
      return new Map(rows.map((row) => [row.key, row.value]));
    },
    writeFor(operatorId, entries, at) {
      const upsert = prepared<[number, string, string, string]>(connection(), upsertSql);
      for (const [key, value] of entries) upsert.run(operatorId, key, value, at.toISOString());
    },
  };
}
