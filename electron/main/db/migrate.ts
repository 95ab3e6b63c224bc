import type Database from 'better-sqlite3';
import type { Migration } from './migration';

/** Marks a SQLite file as a RebindDesk database ('RBND'). */
export const applicationId = 0x52424e44;

/**
 * Runs every migration above the file's `user_version` in one transaction; returns the versions
 * applied. Foreign keys must be off while it runs, because a migration may rebuild a table that
 * others reference: it switches them off itself when called outside a transaction (SQLite ignores
 * the pragma inside one, so openAppDatabase switches them off before its own). Every foreign key is
 * checked before the commit, and the setting is restored after.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number[] {
  assertOrdered(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return [];
  const target = pending[pending.length - 1]!.version;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  if (foreignKeys) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of pending) migration.up(db);
      const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      if (broken.length > 0) throw new Error(`Migration to ${target} broke a foreign key: ${broken[0]!.table} row ${broken[0]!.rowid} → ${broken[0]!.parent}.`);
      // Both pragmas write the file header inside this transaction, so a crash leaves the old version.
      db.pragma(`application_id = ${applicationId}`);
      db.pragma(`user_version = ${target}`);
    })();
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return pending.map((m) => m.version);
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Migration ${m.name} has version ${m.version}; expected ${index + 1}.`);
  });
}
