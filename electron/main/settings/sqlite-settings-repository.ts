import type Database from 'better-sqlite3';
import { prepared } from '../db/statement-cache';
import type { SettingsRepository } from './settings-repository';

const deviceReadSql = 'SELECT key, value FROM settings';
const deviceUpsertSql =
  'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at';
const operatorReadSql = 'SELECT key, value FROM operator_preferences WHERE operator_id = ?';
const operatorUpsertSql =
  'INSERT INTO operator_preferences (operator_id, key, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (operator_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at';

type Row = { key: string; value: string };

export function createSqliteSettingsRepository(connection: () => Database.Database): SettingsRepository {
  return {
    read(scope) {
      const rows =
        scope === 'device'
          ? prepared<[], Row>(connection(), deviceReadSql).all()
          : prepared<[number], Row>(connection(), operatorReadSql).all(scope.operatorId);
      return new Map(rows.map((row) => [row.key, row.value]));
    },
    write(scope, entries, at) {
      const updatedAt = at.toISOString();
      if (scope === 'device') {
        const upsert = prepared<[string, string, string]>(connection(), deviceUpsertSql);
        for (const [key, value] of entries) upsert.run(key, value, updatedAt);
      } else {
        const upsert = prepared<[number, string, string, string]>(connection(), operatorUpsertSql);
        for (const [key, value] of entries) upsert.run(scope.operatorId, key, value, updatedAt);
      }
    },
  };
}
