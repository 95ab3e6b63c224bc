import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/main/db/migrate';
import { migrations } from '../../../electron/main/db/migrations';
import { AuditLog } from '../../../electron/main/db/audit-chain';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { useTempDir } from '../support/temp-dir';
import { openTestDatabase } from './support';
import { join } from 'node:path';

const tempDir = useTempDir('rebinddesk-security-');

describe('migration 0002 security', () => {
  it('upgrades a version-1 database and adds the security tables', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const first = new Database(path);
    migrate(first, migrations.slice(0, 1));
    first.prepare("INSERT INTO settings VALUES ('language', '\"en-US\"', 't')").run();
    first.close();
    // Only up to 0002 here: later migrations have tests of their own.
    const { db, applied, schemaVersion } = openAppDatabase(path, { migrations: migrations.slice(0, 2) });
    expect(applied).toEqual([2]);
    expect(schemaVersion).toBe(2);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all().map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'data_keys', 'operators', 'recovery_codes', 'security_policy', 'settings']));
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: '"en-US"' });
    db.close();
  });

  it('refuses to change or delete audit entries (append-only triggers)', () => {
    const { db } = openTestDatabase(tempDir());
    db.transaction(() => AuditLog.append(db, { actor: 'system', action: 'test.entry', entity: { type: 'test', id: 1 }, payload: { n: 1 } }))();
    expect(() => db.prepare("UPDATE audit_log SET payload = '{\"n\":2}' WHERE seq = 1").run()).toThrow(/append-only: entries cannot be changed/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only: entries cannot be deleted/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT payload FROM audit_log WHERE seq = 1').get()).toEqual({ payload: '{"n":1}' });
    db.close();
  });

  it('checks roles, usernames and audit payloads in the schema', () => {
    const { db } = openTestDatabase(tempDir());
    const insert = db.prepare(
      "INSERT INTO operators (username, display_name, role, password_hash, password_changed_at, created_at, updated_at) VALUES (?, 'X', ?, 'h', 't', 't', 't')",
    );
    expect(() => insert.run('someone', 'guest')).toThrow(/CHECK/);
    expect(() => insert.run('Someone', 'desk')).toThrow(/CHECK/);
    insert.run('someone', 'desk');
    expect(() => insert.run('someone', 'admin')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO audit_log (time, actor, action, entity_type, entity_id, payload, prev_hash, hash) VALUES ('t','a','b','c','d','not json','p','h')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('allows one active data key only', () => {
    const { db } = openTestDatabase(tempDir());
    const insert = db.prepare("INSERT INTO data_keys (key_id, wrapped_key, protection, status, created_at) VALUES (?, x'00', 'os-keychain', ?, 't')");
    insert.run('k000000000001', 'active');
    insert.run('k000000000002', 'retired');
    expect(() => insert.run('k000000000003', 'active')).toThrow(/UNIQUE/);
    expect(() => insert.run('bad:id', 'retired')).toThrow(/CHECK/);
    db.close();
  });
});
