import { describe, expect, it } from 'vitest';
import { prepared, statementsOn } from '../../../electron/main/db/statement-cache';
import { useTempDir } from '../support/temp-dir';
import { openTestDatabase } from '../security/support';

const tempDir = useTempDir('rebinddesk-statements-');

describe('the statement cache', () => {
  it('prepares a statement once per connection', () => {
    const { db } = openTestDatabase(tempDir());
    const sql = 'SELECT value FROM settings WHERE key = ?';
    expect(prepared(db, sql)).toBe(prepared(db, sql));
    expect(prepared(db, sql)).not.toBe(prepared(db, 'SELECT key FROM settings'));
    db.close();
  });

  it('prepares anew on a new connection, so a restore never runs a closed connection’s statements', () => {
    let current = openTestDatabase(tempDir()).db;
    const statements = statementsOn(() => current);
    statements.run("INSERT INTO settings (key, value, updated_at) VALUES ('locale', '\"en-US\"', 't')");
    const firstStatement = prepared(current, 'SELECT count(*) AS n FROM settings');
    current.close();
    current = openTestDatabase(tempDir()).db;
    expect(prepared(current, 'SELECT count(*) AS n FROM settings')).not.toBe(firstStatement);
    expect(statements.get<{ value: string }>("SELECT value FROM settings WHERE key = 'locale'")).toBeUndefined();
    statements.run("INSERT INTO settings (key, value, updated_at) VALUES ('locale', '\"zh-CN\"', 't')");
    expect(statements.all<{ value: string }>('SELECT value FROM settings')).toEqual([{ value: '"zh-CN"' }]);
    current.close();
  });
});
