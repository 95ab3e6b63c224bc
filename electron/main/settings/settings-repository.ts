import type Database from 'better-sqlite3';
import type { AuditEntryInput } from '../../../shared/audit/audit-entry';
import { AuditLog } from '../audit/audit-log';

/** Stored settings as raw JSON text per key. */
export interface SettingsRepository {
  /** The stored JSON value of each given key that has one. */
  readKeys(keys: readonly string[]): Map<string, string>;
  /** Writes the given keys and appends `audit` to the audit log, in one transaction: both are stored or neither. */
  writeMany(entries: ReadonlyArray<readonly [string, string]>, at: Date, audit: AuditEntryInput): void;
}

interface Statements {
  readOne: Database.Statement<[string], { value: string }>;
  upsert: Database.Statement<[string, string, string]>;
}

// Statements belong to a connection; a restore opens a new one, so they are cached per connection.
const cache = new WeakMap<Database.Database, Statements>();

function statementsFor(db: Database.Database): Statements {
  let statements = cache.get(db);
  if (!statements) {
    statements = {
      readOne: db.prepare('SELECT value FROM settings WHERE key = ?'),
      upsert: db.prepare(
        'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      ),
    };
    cache.set(db, statements);
  }
  return statements;
}

/** The SQLite settings repository over the current connection. */
export function createSettingsRepository(connection: () => Database.Database): SettingsRepository {
  return {
    readKeys(keys) {
      const { readOne } = statementsFor(connection());
      const found = new Map<string, string>();
      for (const key of keys) {
        const row = readOne.get(key);
        if (row) found.set(key, row.value);
      }
      return found;
    },
    writeMany(entries, at, audit) {
      const db = connection();
      const { upsert } = statementsFor(db);
      db.transaction(() => {
        for (const [key, value] of entries) upsert.run(key, value, at.toISOString());
        AuditLog.append(db, audit, at);
      }).immediate();
    },
  };
}
