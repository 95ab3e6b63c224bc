import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/main/db/migrate';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-migration-0008-');

function insertOperator(db: Database.Database, username: string): number {
  return Number(
    db
      .prepare("INSERT INTO operators (username, display_name, role, password_hash, password_changed_at, created_at, updated_at) VALUES (?, 'X', 'desk', 'h', 't', 't', 't')")
      .run(username).lastInsertRowid,
  );
}

describe('migration 0008 operator preferences', () => {
  it('upgrades a version-7 database: operators and the device settings stay, and nobody has a preference yet (all follow the device default)', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const old = new Database(path);
    migrate(old, migrations.slice(0, 7));
    old.prepare("INSERT INTO settings VALUES ('language', '\"en-US\"', 't')").run();
    insertOperator(old, 'li.desk');
    old.close();

    const { db, applied } = openAppDatabase(path, { migrations: migrations.slice(0, 8) });
    expect(applied).toEqual([8]);
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').get('language')).toEqual({ value: '"en-US"' });
    expect(db.prepare('SELECT username FROM operators').all()).toEqual([{ username: 'li.desk' }]);
    expect(db.prepare('SELECT count(*) AS n FROM operator_preferences').get()).toEqual({ n: 0 });
    db.close();
  });

  it('holds one JSON value per operator and key, only for known keys and existing operators, and drops them with the operator', () => {
    const { db } = openAppDatabase(join(tempDir(), 'rebinddesk.sqlite'), { migrations: migrations.slice(0, 8) });
    const id = insertOperator(db, 'li.desk');
    const insert = db.prepare("INSERT INTO operator_preferences (operator_id, key, value, updated_at) VALUES (?, ?, ?, 't')");
    insert.run(id, 'language', '"en-US"');
    expect(() => insert.run(id, 'language', '"zh-CN"')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run(id, 'terminalPort', '"/dev/ttyUSB0"')).toThrow(/CHECK/);
    expect(() => insert.run(id, 'theme', 'dark')).toThrow(/CHECK/);
    expect(() => insert.run(id + 1, 'theme', '"dark"')).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM operators WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM operator_preferences').get()).toEqual({ n: 0 });
    db.close();
  });
});
