import type Database from 'better-sqlite3';
import type { Migration } from './migration';

/** Marks a SQLite file as a RebindDesk database ('RBND'). */
export const applicationId = 0x52424e44;

/** Runs every migration above the file's `user_version` in one transaction; returns the versions applied. */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number[] {
  assertOrdered(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return [];
  const target = pending[pending.length - 1]!.version;
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    // Both pragmas write the file header inside this transaction, so a crash leaves the old version.
    db.pragma(`application_id = ${applicationId}`);
    db.pragma(`user_version = ${target}`);
  })();
  return pending.map((m) => m.version);
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Migration ${m.name} has version ${m.version}; expected ${index + 1}.`);
  });
}
