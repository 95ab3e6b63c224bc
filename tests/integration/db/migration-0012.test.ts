import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-migration-0012-');

describe('migration 0012 case list indexes', () => {
  it('upgrades a version-11 database with the two indexes the cases list reads, which the planner then uses', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    openAppDatabase(path, { migrations: migrations.slice(0, 11) }).db.close();
    const { db, applied } = openAppDatabase(path, { migrations: migrations.slice(0, 12) });
    expect(applied).toEqual([12]);
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'cases' ORDER BY name").all().map((r) => (r as { name: string }).name);
    expect(names).toEqual(expect.arrayContaining(['cases_by_opened', 'cases_by_terminal']));
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan('SELECT id FROM cases ORDER BY created_at DESC, id DESC LIMIT 100')).toContain('cases_by_opened');
    expect(plan("SELECT id FROM cases WHERE terminal_id = 'x'")).toContain('cases_by_terminal');
    db.close();
  });
});
