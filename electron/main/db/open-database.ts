import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DatabaseFileError } from './database-file-error';
import { applicationId, migrate } from './migrate';
import type { Migration } from './migration';
import { formatSchemaDifferences, schemaDifferences, type SchemaStrictness } from './schema-check';

export interface OpenDatabaseOptions {
  migrations: readonly Migration[];
  /** Path of an ABI-specific better-sqlite3 binary (the Electron build); omitted under Node. */
  nativeBinding?: string | undefined;
  /** How closely the migrated schema must match the migrations' (see `SchemaStrictness`); `usable` by default. */
  schema?: SchemaStrictness;
}

/** An open, checked and migrated database. */
export interface OpenedDatabase {
  db: Database.Database;
  schemaVersion: number;
  applied: number[];
}

const sqliteHeader = 'SQLite format 3\u0000';

/** The connection's page cache, in KiB (SQLite's negative cache_size). */
export const PAGE_CACHE_KIB = 32 * 1024;

/** True when the file starts with the SQLite header (an empty or missing file counts as new). */
export function looksLikeSqlite(path: string): 'sqlite' | 'empty' | 'other' {
  if (!existsSync(path) || statSync(path).size === 0) return 'empty';
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString('latin1') === sqliteHeader ? 'sqlite' : 'other';
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens the database file, refusing (without writing a byte) a file that is not SQLite, belongs to
 * another application, was written by a newer app, or fails `quick_check`; then migrates it.
 */
export function openAppDatabase(path: string, options: OpenDatabaseOptions): OpenedDatabase {
  const kind = looksLikeSqlite(path);
  if (kind === 'other') throw new DatabaseFileError('not-sqlite', path);
  const latest = options.migrations.length;

  let db: Database.Database;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new DatabaseFileError('unreadable', path, (error as Error).message);
  }
  try {
    db.pragma('busy_timeout = 5000');
    checkOwnership(db, path, latest);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseFileError('damaged', path, String(check));
    // Foreign keys are off while migrating (SQLite ignores the pragma inside the transaction below):
    // a migration may rebuild a table others reference (0005); migrate() checks every key before
    // the commit, and they are on from then on.
    db.pragma('foreign_keys = OFF');
    // Migrating and checking the result are one transaction, run before the switch to WAL (which
    // rewrites the header): a file whose schema is not the one the migrations make (an empty or
    // foreign schema under our application id) is refused with not a byte changed, instead of
    // failing every call with "no such table".
    // IMMEDIATE, like every write transaction of the app: two processes opening one fresh data
    // directory at once (the app and a `rebind` command) migrate one after the other, and a
    // read-then-write never fails with SQLITE_BUSY while another process writes.
    const applied = db.transaction(() => {
      const versions = migrate(db, options.migrations);
      const differences = schemaDifferences(db, options.migrations, options.nativeBinding, options.schema ?? 'usable');
      if (differences) throw new DatabaseFileError('wrong-schema', path, formatSchemaDifferences(differences));
      return versions;
    }).immediate();
    db.pragma('foreign_keys = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // SQLite's default page cache is 2 MB; the desk's file at issue 10's size is 250–500 MB, and a
    // name search with a thousand matches touches some 4,000 index pages of it (docs/benchmarks.md,
    // "Case search"). 32 MiB keeps the search's indexes in memory between searches.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    return { db, schemaVersion: db.pragma('user_version', { simple: true }) as number, applied };
  } catch (error) {
    db.close();
    if (error instanceof DatabaseFileError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new DatabaseFileError('damaged', path, (error as Error).message);
    throw error;
  }
}

/** Refuses another application's database or one newer than this build, before anything is written. */
function checkOwnership(db: Database.Database, path: string, latest: number): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId !== 0 && appId !== applicationId) throw new DatabaseFileError('foreign', path, `application_id ${appId}`);
  if (appId === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
    if (tables.n > 0 || version !== 0) throw new DatabaseFileError('foreign', path, 'no RebindDesk application id');
  }
  if (version > latest) throw new DatabaseFileError('too-new', path, `schema ${version}, this app knows up to ${latest}`);
}
