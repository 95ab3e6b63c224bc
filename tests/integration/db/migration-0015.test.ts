import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { newRecordMeta } from '../../../electron/main/db/record-meta';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-migration-0015-');
const at = new Date('2026-12-01T01:00:00.000Z');

function insert(db: Database.Database, table: string, columns: Record<string, string | number | null>): string {
  const meta = newRecordMeta('li.desk', at);
  const row = { id: meta.id, created_at: meta.createdAt, created_by: meta.createdBy, updated_at: meta.updatedAt, updated_by: meta.updatedBy, version: 1, ...columns };
  const names = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
  return meta.id;
}

/** A version-14 file with a case and two appointments (one confirmed, one cancelled). */
function version14(path: string) {
  const { db } = openAppDatabase(path, { migrations: migrations.slice(0, 14) });
  const operatorId = Number(
    db.prepare("INSERT INTO operators (username, display_name, role, password_hash, password_changed_at, created_at, updated_at) VALUES ('wang.eng', 'Wang', 'engineer', 'h', 't', 't', 't')").run().lastInsertRowid,
  );
  const empty = '[]';
  const week = JSON.stringify({ 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] });
  insert(db, 'banks', { code: 'acquirer-b', name: 'B', time_zone: 'Asia/Shanghai', template_id: 'acquirer-b', windows: week, exceptions: empty, required_materials: empty, notices: empty, fee_rates: '{}', areas: empty });
  const modelId = insert(db, 'terminal_models', { vendor: 'PAX', model: 'S920', usb_vendor_id: '1234', usb_product_id: '0101' });
  const engineerId = insert(db, 'engineers', { operator_id: operatorId, time_zone: 'Asia/Shanghai', skills: '["PAX"]', areas: empty, hours: week, absences: empty });
  const merchantId = insert(db, 'merchants', {
    name: '兰州拉面', uscc: '91350100M000100Y43', legal_rep: '张三', legal_rep_id: 'v1:k:iv:tag:ct', legal_rep_id_last4: '002X', contact: '李四', phone: '13800138000',
    address: '上海', area: '310115', settlement_bank: '工商银行', settlement_branch: '浦东支行', cnaps: '102290000011', account_no: 'v1:k:iv:tag:ct2', account_no_last4: '1234',
    swift: null, account_status: 'normal', account_checked_on: '2026-03-01', short_name: '兰州拉面',
  });
  const terminalId = insert(db, 'terminals', { model_id: modelId, serial: '1170012345', tid: '12345678', mid: '123456789012345', firmware: '7.1', current_bank: 'acquirer-b', merchant_id: merchantId });
  const caseId = insert(db, 'cases', { state: 'scheduled', terminal_id: terminalId, merchant_id: merchantId, target_bank: 'acquirer-b' });
  const book = (startsAt: string, endsAt: string, status = 'confirmed') =>
    insert(db, 'appointments', { case_id: caseId, engineer_id: engineerId, starts_at: startsAt, ends_at: endsAt, zone: 'Asia/Shanghai', status, cancel_reason: status === 'cancelled' ? 'merchant asked' : null });
  const confirmed = book('2026-12-01T02:00:00.000Z', '2026-12-01T03:00:00.000Z');
  const cancelled = book('2026-12-01T02:30:00.000Z', '2026-12-01T03:30:00.000Z', 'cancelled');
  return { db, caseId, engineerId, confirmed, cancelled };
}

const template = (db: Database.Database, version: number) =>
  insert(db, 'checklist_templates', { bank_code: 'acquirer-b', template_version: version, source: 'shipped', title: '{"zh-CN":"检查单","en-US":"Checklist"}', steps: '[]' });
const answer = (db: Database.Database, runId: string, stepId: string, id: string, replaces: string | null) =>
  db.prepare("INSERT INTO checklist_answers (id, run_id, step_id, source, value, answered_at, answered_by, replaces) VALUES (?, ?, ?, 'engineer', '{}', '2026-12-01T02:10:00.000Z', 'wang.eng', ?)").run(id, runId, stepId, replaces);
const uuid = (n: number) => `019a0000-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('migration 0015 checklist', () => {
  it('keeps every appointment, its indexes and overlap triggers, and adds the status done', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const old = version14(path);
    const before = old.db.prepare('SELECT * FROM appointments ORDER BY starts_at').all();
    old.db.close();
    const { db, applied } = openAppDatabase(path, { migrations: migrations.slice(0, 15) });
    expect(applied).toEqual([15]);
    expect(db.prepare('SELECT * FROM appointments ORDER BY starts_at').all()).toEqual(before);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('index', 'trigger') AND tbl_name = 'appointments' AND sql IS NOT NULL ORDER BY name").all();
    expect(indexes).toEqual([
      { name: 'appointments_by_case' },
      { name: 'appointments_by_engineer' },
      { name: 'appointments_by_time' },
      { name: 'appointments_no_overlap_insert' },
      { name: 'appointments_no_overlap_update' },
    ]);
    db.prepare("UPDATE appointments SET status = 'done' WHERE id = ?").run(old.confirmed);
    expect(() => db.prepare("UPDATE appointments SET status = 'finished' WHERE id = ?").run(old.confirmed)).toThrow(/CHECK/);
    // A done visit still held the engineer's time: an overlapping booking is refused.
    expect(() =>
      insert(db, 'appointments', { case_id: old.caseId, engineer_id: old.engineerId, starts_at: '2026-12-01T02:15:00.000Z', ends_at: '2026-12-01T02:45:00.000Z', zone: 'Asia/Shanghai', status: 'confirmed', cancel_reason: null }),
    ).toThrow(/engineer-double-booked/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('holds versions and answers append-only, one open run per appointment, one line of answers per step', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    version14(path).db.close();
    const { db } = openAppDatabase(path, { migrations });
    const { id: appointmentId, case_id: caseId } = db.prepare("SELECT id, case_id FROM appointments WHERE status = 'confirmed'").get() as { id: string; case_id: string };
    const v1 = template(db, 1);
    expect(() => template(db, 1)).toThrow(/UNIQUE/);
    expect(() => db.prepare('DELETE FROM checklist_templates').run()).toThrow(/append-only/);
    const run = () => insert(db, 'checklist_runs', { appointment_id: appointmentId, case_id: caseId, template_id: v1, status: 'open' });
    const runId = run();
    expect(() => run()).toThrow(/UNIQUE/);
    // A finished run names its outcome, when and by whom; a failure its cause.
    expect(() => db.prepare("UPDATE checklist_runs SET status = 'finished' WHERE id = ?").run(runId)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE checklist_runs SET outcome = 'failed' WHERE id = ?").run(runId)).toThrow(/CHECK/);

    answer(db, runId, 'powered', uuid(1), null);
    expect(() => answer(db, runId, 'powered', uuid(2), null)).toThrow(/UNIQUE/);
    answer(db, runId, 'powered', uuid(3), uuid(1));
    expect(() => answer(db, runId, 'powered', uuid(4), uuid(1))).toThrow(/UNIQUE/);
    answer(db, runId, 'photo', uuid(5), null);
    expect(() => answer(db, runId, 'photo', uuid(6), uuid(3))).toThrow(/another step/);
    expect(() => db.prepare("UPDATE checklist_answers SET value = '[]'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM checklist_answers').run()).toThrow(/append-only/);

    db.prepare(
      "UPDATE checklist_runs SET status = 'finished', outcome = 'completed', outcome_json = '{\"kind\":\"completed\"}', finished_at = '2026-12-01T03:00:00.000Z', finished_by = 'wang.eng' WHERE id = ?",
    ).run(runId);
    expect(() => answer(db, runId, 'remarks', uuid(7), null)).toThrow(/checklist-run-finished/);
    expect(() => db.prepare("UPDATE checklist_runs SET status = 'open' WHERE id = ?").run(runId)).toThrow(/checklist-run-finished/);
    // A second run of the appointment may open once the first finished (the service refuses: the appointment is done).
    expect(() => run()).not.toThrow();
    db.close();
  });
});
