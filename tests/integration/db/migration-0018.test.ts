import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-migration-0018-');
const open = (path: string, upTo: number) => openAppDatabase(path, { migrations: migrations.slice(0, upTo) });
const insert = "INSERT INTO operators (username, display_name, role, password_hash, password_changed_at, created_at, updated_at) VALUES (?, ?, ?, 'h', 'x', 'x', 'x')";

describe('migration 0018 desk lead', () => {
  it('keeps every operator as no lead, and holds the flag to desk operators', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const old = open(path, 17).db;
    old.prepare(insert).run('li.desk', 'Li', 'desk');
    old.prepare(insert).run('wang.eng', 'Wang', 'engineer');
    old.close();
    const db = open(path, 18).db;
    expect(db.pragma('user_version', { simple: true })).toBe(18);
    expect(db.prepare('SELECT username, desk_lead FROM operators ORDER BY id').all()).toEqual([
      { username: 'li.desk', desk_lead: 0 },
      { username: 'wang.eng', desk_lead: 0 },
    ]);
    db.prepare("UPDATE operators SET desk_lead = 1 WHERE username = 'li.desk'").run();
    expect(() => db.prepare("UPDATE operators SET desk_lead = 1 WHERE username = 'wang.eng'").run()).toThrow(/CHECK constraint failed/);
    // A lead whose role changes must lose the flag in the same update.
    expect(() => db.prepare("UPDATE operators SET role = 'admin' WHERE username = 'li.desk'").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE operators SET desk_lead = 2 WHERE username = 'li.desk'").run()).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
