import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/main/db/migrate';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-migration-0009-');
const operation = '0190a6e4-1111-7000-8000-0000000000aa';

describe('migration 0009 outbox', () => {
  it('upgrades a version-8 database with an empty outbox and keeps what was there', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const old = new Database(path);
    migrate(old, migrations.slice(0, 8));
    old.prepare("INSERT INTO settings VALUES ('language', '\"en-US\"', 't')").run();
    old.close();
    const { db, applied } = openAppDatabase(path, { migrations: migrations.slice(0, 9) });
    expect(applied).toEqual([9]);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: '"en-US"' });
    db.close();
  });

  it('takes only well-formed rows: a 36-character operation id, a JSON change, a base version of at least 1 or none', () => {
    const { db } = openAppDatabase(join(tempDir(), 'rebinddesk.sqlite'), { migrations: migrations.slice(0, 9) });
    const insert = db.prepare("INSERT INTO outbox (operation_id, entity, entity_id, base_version, change, actor, at) VALUES (?, 'merchant', 'm1', ?, ?, 'li.wei', 't')");
    insert.run(operation, null, '{"name":"x"}');
    insert.run(operation, 1, '{"name":"y"}');
    expect(() => insert.run('op-1', null, '{}')).toThrow(/CHECK/);
    expect(() => insert.run(operation, 0, '{}')).toThrow(/CHECK/);
    expect(() => insert.run(operation, 2, 'name=x')).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 2 });
    db.close();
  });
});
