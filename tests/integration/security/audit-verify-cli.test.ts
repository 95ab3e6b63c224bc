import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../electron/main/db/audit-chain';
import { auditDatabaseFileName, formatAuditVerifyReport, runAuditVerify } from '../../../electron/cli/audit-verify-cli';
import { migrate } from '../../../electron/main/db/migrate';
import { migrations } from '../../../electron/main/db/migrations';
import { fileHash, useTempDir } from '../support/temp-dir';
import { openTestDatabase } from './support';

const tempDir = useTempDir('rebinddesk-cli-');

describe('rebind audit verify', () => {
  it('uses the same file name as the app', () => {
    // Read, not imported: main-context pulls in the whole main process.
    const source = readFileSync(join(import.meta.dirname, '../../../electron/main/main-context.ts'), 'utf8');
    expect(source).toContain(`export const databaseFileName = '${auditDatabaseFileName}';`);
  });

  it('reports an intact log with its head and changes nothing', () => {
    const dir = tempDir();
    const { db, path } = openTestDatabase(dir);
    db.transaction(() => {
      for (let i = 0; i < 5; i++) AuditLog.append(db, { actor: 'system', action: 'test.entry', entity: { type: 'test', id: i }, payload: { i } });
    })();
    const head = AuditLog.head(db);
    db.close();
    const before = fileHash(path);
    const report = runAuditVerify(dir);
    expect(report).toEqual({ ok: true, checked: 5, head, anchored: null, anchorsChecked: 0 });
    expect(formatAuditVerifyReport(report)).toMatch(new RegExp(`^audit verify: ok, 5 entries checked, head 5 ${head!.hash}\nno anchor found outside the database`));
    expect(fileHash(path)).toBe(before);
  });

  it('does not migrate an older database', () => {
    const dir = tempDir();
    const path = join(dir, auditDatabaseFileName);
    const old = new Database(path);
    migrate(old, migrations.slice(0, 1));
    old.close();
    const before = fileHash(path);
    const report = runAuditVerify(dir);
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/no audit log yet/);
    expect(fileHash(path)).toBe(before);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    check.close();
  });

  it('says clearly when there is nothing to check', () => {
    expect(runAuditVerify(tempDir()).error).toMatch(/No database at .*--data-dir/);
    const dir = tempDir();
    const other = new Database(join(dir, auditDatabaseFileName));
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    other.close();
    const report = runAuditVerify(dir);
    expect(report).toMatchObject({ ok: false, checked: 0 });
    expect(formatAuditVerifyReport(report)).toMatch(/cannot check: .*not a RebindDesk database/);
  });

  it('works while the app has the database open and keeps writing', () => {
    const dir = tempDir();
    const { db } = openTestDatabase(dir);
    db.transaction(() => AuditLog.append(db, { actor: 'system', action: 'test.entry', entity: { type: 'test', id: 1 }, payload: {} }))();
    expect(runAuditVerify(dir)).toMatchObject({ ok: true, checked: 1 });
    db.transaction(() => AuditLog.append(db, { actor: 'system', action: 'test.entry', entity: { type: 'test', id: 2 }, payload: {} }))();
    expect(runAuditVerify(dir)).toMatchObject({ ok: true, checked: 2 });
    db.close();
  });
});
