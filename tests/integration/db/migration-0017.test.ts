import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-migration-0017-');
const uuid = (n: number) => `019a0000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const hex = (c: string) => c.repeat(64);

// The table's own rules are tested with foreign keys off, so a row needs no case, run or
// attachment behind it; the references themselves are SQLite's and exercised by the report tests.
function report(db: Database.Database, n: number, fields: { run?: number; number?: string; supersedes?: number | null; reason?: string | null } = {}) {
  const id = uuid(n);
  db.prepare(
    `INSERT INTO service_reports (id, created_at, created_by, updated_at, updated_by, version, report_number, case_id, appointment_id, run_id,
       terminal_serial, merchant_name, content, fingerprint, pdf_sha256, pdf_size, pdf_attachment_id, language, issued_at, issued_by, issued_by_name, supersedes, reissue_reason)
     VALUES (?, 't', 'eng.1', 't', 'eng.1', 1, ?, ?, ?, ?, '1170012345', '浦东便利', '{}', ?, ?, 1000, ?, 'zh-CN', 't', 'eng.1', 'Eng', ?, ?)`,
  ).run(id, fields.number ?? `SR-20261202-${String(n).padStart(4, '0')}`, uuid(900), uuid(901), uuid(fields.run ?? 800), hex(String(n % 10)), hex('abcdef'[n % 6]!), uuid(700 + n), fields.supersedes ? uuid(fields.supersedes) : null, fields.reason ?? null);
  return id;
}

describe('migration 0017 service reports', () => {
  it('adds frozen report rows: never changed or deleted, one first report per run, a correction supersedes one report of the same run once', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    openAppDatabase(path, { migrations: migrations.slice(0, 16) }).db.close();
    const { db, applied } = openAppDatabase(path, { migrations: migrations.slice(0, 17) });
    expect(applied).toEqual([17]);
    db.pragma('foreign_keys = OFF');
    const first = report(db, 1);
    expect(() => report(db, 2)).toThrow(/UNIQUE constraint failed: service_reports.run_id/);
    expect(() => report(db, 3, { supersedes: 1, reason: null })).toThrow(/CHECK constraint failed/);
    report(db, 4, { supersedes: 1, reason: '商户名称更正为营业执照上的全称' });
    expect(() => report(db, 5, { supersedes: 1, reason: 'a second correction of the same report' })).toThrow(/UNIQUE constraint failed: service_reports.supersedes/);
    expect(() => report(db, 6, { run: 801, supersedes: 4, reason: 'a report of another run' })).toThrow(/same run/);
    expect(() => report(db, 7, { run: 802, number: 'REPORT-1' })).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE service_reports SET merchant_name = 'x' WHERE id = ?").run(first)).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM service_reports WHERE id = ?').run(first)).toThrow(/never deleted/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM service_reports').get()).toEqual({ n: 2 });
  });

  it('finds a report\'s audit entry through the partial index that holds only service-report.issued entries', () => {
    const { db } = openAppDatabase(join(tempDir(), 'rebinddesk.sqlite'), { migrations });
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT seq FROM audit_log WHERE action = 'service-report.issued' AND entity_id = ?").all('x') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX audit_log_service_reports/);
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'audit_log_service_reports'").get() as { sql: string };
    expect(sql.sql).toMatch(/WHERE action = 'service-report.issued'/);
    db.close();
  });
});
