import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseFileError } from '../../electron/main/db/database-file-error';
import { applicationId, migrate } from '../../electron/main/db/migrate';
import type { Migration } from '../../electron/main/db/migration';
import { latestSchemaVersion, migrations } from '../../electron/main/db/migrations';
import { openAppDatabase, PAGE_CACHE_KIB } from '../../electron/main/db/open-database';
import { fileHash, useTempDir } from './support/temp-dir';

const tempDir = useTempDir();

function expectRefused(path: string, problem: DatabaseFileError['problem']) {
  const before = fileHash(path);
  let caught: unknown;
  try {
    openAppDatabase(path, { migrations });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DatabaseFileError);
  expect((caught as DatabaseFileError).problem).toBe(problem);
  expect((caught as Error).message).toMatch(/Nothing was changed|could not be read/);
  expect(fileHash(path)).toBe(before);
}

describe('opening the app database', () => {
  it('creates, migrates and configures a new file', () => {
    const path = join(tempDir(), 'app.sqlite');
    const { db, schemaVersion, applied } = openAppDatabase(path, { migrations });
    expect(schemaVersion).toBe(latestSchemaVersion);
    expect(applied).toEqual(migrations.map((m) => m.version));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
    expect(db.pragma('application_id', { simple: true })).toBe(applicationId);
    db.close();
    const again = openAppDatabase(path, { migrations });
    expect(again.applied).toEqual([]);
    again.db.close();
  });

  it('refuses a file that is not SQLite and leaves it as it was', () => {
    const path = join(tempDir(), 'notes.sqlite');
    writeFileSync(path, 'merchant list, not a database\n'.repeat(100));
    expectRefused(path, 'not-sqlite');
  });

  it("refuses another application's SQLite database", () => {
    const path = join(tempDir(), 'other.sqlite');
    const other = new Database(path);
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY); INSERT INTO photos VALUES (1)');
    other.close();
    expectRefused(path, 'foreign');
  });

  it('refuses a database written by a newer app', () => {
    const path = join(tempDir(), 'newer.sqlite');
    const { db } = openAppDatabase(path, { migrations });
    db.pragma(`user_version = ${latestSchemaVersion + 5}`);
    db.close();
    expectRefused(path, 'too-new');
  });

  it('refuses, unchanged, a file with our application id and version over an empty schema or one missing a column', () => {
    const empty = join(tempDir(), 'empty-schema.sqlite');
    const lookalike = new Database(empty);
    lookalike.pragma(`application_id = ${applicationId}`);
    lookalike.pragma(`user_version = ${latestSchemaVersion}`);
    lookalike.close();
    expectRefused(empty, 'wrong-schema');

    const altered = join(tempDir(), 'altered.sqlite');
    openAppDatabase(altered, { migrations }).db.close();
    const db = new Database(altered);
    db.exec('ALTER TABLE operators DROP COLUMN last_sign_in_at');
    db.close();
    expectRefused(altered, 'wrong-schema');
  });

  it('still opens a live file whose audit triggers were dropped, so the Audit page can show the damage', () => {
    const path = join(tempDir(), 'tampered.sqlite');
    openAppDatabase(path, { migrations }).db.close();
    const raw = new Database(path);
    raw.exec('DROP TRIGGER audit_log_no_update; CREATE TABLE extra (x)');
    raw.close();
    expect(() => openAppDatabase(path, { migrations }).db.close()).not.toThrow();
  });

  it('refuses, with the migrations rolled back, an older file whose schema does not migrate to the expected one', () => {
    const path = join(tempDir(), 'old-extra.sqlite');
    const old = new Database(path);
    migrate(old, migrations.slice(0, 1));
    old.exec('ALTER TABLE settings DROP COLUMN updated_at');
    old.close();
    expectRefused(path, 'wrong-schema');
  });

  it('refuses a damaged database', () => {
    const path = join(tempDir(), 'damaged.sqlite');
    const { db } = openAppDatabase(path, { migrations });
    const insert = db.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, '\"v\"', 'now')");
    for (let i = 0; i < 2000; i++) insert.run(`key-${i}`.padEnd(200, 'x'));
    db.pragma('journal_mode = DELETE');
    db.close();
    // Overwrite the middle of the file (index pages) with garbage.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, 4096 * 4);
    closeSync(fd);
    expectRefused(path, 'damaged');
  });

  it('migrates an older schema forward on open', () => {
    const path = join(tempDir(), 'old.sqlite');
    openAppDatabase(path, { migrations }).db.close();
    const next: Migration = { version: migrations.length + 1, name: 'test-extra', up: (db) => db.exec('CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT') };
    const { db, applied, schemaVersion } = openAppDatabase(path, { migrations: [...migrations, next] });
    expect(applied).toEqual([next.version]);
    expect(schemaVersion).toBe(next.version);
    db.close();
  });
});

describe('migrate', () => {
  it('rolls the whole run back when one migration fails', () => {
    const db = new Database(join(tempDir(), 'fail.sqlite'));
    const good: Migration = { version: 1, name: 'good', up: (d) => d.exec('CREATE TABLE a (x)') };
    const bad: Migration = { version: 2, name: 'bad', up: (d) => { d.exec('CREATE TABLE b (x)'); throw new Error('boom'); } };
    expect(() => migrate(db, [good, bad])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('a','b')").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a list with a gap in the numbering', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'gap', up: () => undefined }])).toThrow(/expected 1/);
    db.close();
  });
});

describe('migration 0001 settings', () => {
  it('creates the settings table that only takes JSON values', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO settings VALUES ('language', '\"en-US\"', 't')").run();
    expect(() => db.prepare("INSERT INTO settings VALUES ('theme', 'not json', 't')").run()).toThrow(/CHECK/);
    db.close();
  });
});
