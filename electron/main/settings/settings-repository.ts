import type Database from 'better-sqlite3';

/** Stored settings as raw JSON text per key. */
export interface SettingsRepository {
  /** The stored JSON value of each given key that has one. */
  readKeys(keys: readonly string[]): Map<string, string>;
  /** Writes the given keys in one transaction. */
  writeMany(entries: ReadonlyArray<readonly [string, string]>, updatedAt: string): void;
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
    writeMany(entries, updatedAt) {
      const db = connection();
      const { upsert } = statementsFor(db);
      db.transaction(() => {
        for (const [key, value] of entries) upsert.run(key, value, updatedAt);
      })();
    },
  };
}
