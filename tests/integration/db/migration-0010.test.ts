import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/main/db/migrate';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { newRecordMeta } from '../../../electron/main/db/record-meta';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-migration-0010-');
const at = new Date('2026-03-02T01:00:00.000Z');

/** Inserts a row with fresh record meta and the given columns; returns its id. */
function insert(db: Database.Database, table: string, columns: Record<string, string | number | null>): string {
  const meta = newRecordMeta('li.desk', at);
  const row = { id: meta.id, created_at: meta.createdAt, created_by: meta.createdBy, updated_at: meta.updatedAt, updated_by: meta.updatedBy, version: 1, ...columns };
  const names = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
  return meta.id;
}

function deskDatabase() {
  const { db } = openAppDatabase(join(tempDir(), 'rebinddesk.sqlite'), { migrations: migrations.slice(0, 10) });
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
  const openCase = () => insert(db, 'cases', { state: 'draft', terminal_id: terminalId, merchant_id: merchantId, target_bank: 'acquirer-b' });
  const book = (caseId: string, startsAt: string, endsAt: string, status = 'confirmed') =>
    insert(db, 'appointments', { case_id: caseId, engineer_id: engineerId, starts_at: startsAt, ends_at: endsAt, zone: 'Asia/Shanghai', status, cancel_reason: status === 'cancelled' ? 'merchant asked' : null });
  return { db, openCase, book, terminalId };
}

describe('migration 0010 desk', () => {
  it('upgrades a version-9 database: operators stay and the desk tables start empty', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const old = new Database(path);
    migrate(old, migrations.slice(0, 9));
    old.prepare("INSERT INTO operators (username, display_name, role, password_hash, password_changed_at, created_at, updated_at) VALUES ('li.desk', 'Li', 'desk', 'h', 't', 't', 't')").run();
    old.close();
    const { db, applied } = openAppDatabase(path, { migrations: migrations.slice(0, 10) });
    expect(applied).toEqual([10]);
    for (const table of ['banks', 'terminal_models', 'compatibility', 'engineers', 'merchants', 'terminals', 'cases', 'case_transitions', 'case_materials', 'attachments', 'appointments']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    expect(db.prepare('SELECT username FROM operators').all()).toEqual([{ username: 'li.desk' }]);
    db.close();
  });

  it('allows one open case per terminal; a closed or cancelled one is history and does not count', () => {
    const { db, openCase } = deskDatabase();
    const first = openCase();
    expect(() => openCase()).toThrow(/UNIQUE constraint failed: cases.terminal_id/);
    db.prepare("UPDATE cases SET state = 'cancelled', closing_reason = 'duplicate' WHERE id = ?").run(first);
    const second = openCase();
    expect(() => openCase()).toThrow(/UNIQUE/);
    db.prepare("UPDATE cases SET state = 'closed' WHERE id = ?").run(second);
    openCase();
    expect(db.prepare("SELECT state, count(*) AS n FROM cases GROUP BY state ORDER BY state").all()).toEqual([
      { state: 'cancelled', n: 1 },
      { state: 'closed', n: 1 },
      { state: 'draft', n: 1 },
    ]);
    db.close();
  });

  it('refuses an overlapping appointment for the same engineer, on insert and on a move, but not a touching or cancelled one', () => {
    const { db, openCase, book } = deskDatabase();
    const caseId = openCase();
    const nine = book(caseId, '2026-03-02T01:00:00.000Z', '2026-03-02T02:00:00.000Z');
    expect(() => book(caseId, '2026-03-02T01:30:00.000Z', '2026-03-02T02:30:00.000Z')).toThrow('engineer-double-booked');
    expect(() => book(caseId, '2026-03-02T00:30:00.000Z', '2026-03-02T03:00:00.000Z', 'tentative')).toThrow('engineer-double-booked');
    book(caseId, '2026-03-02T02:00:00.000Z', '2026-03-02T03:00:00.000Z');
    book(caseId, '2026-03-02T01:15:00.000Z', '2026-03-02T01:45:00.000Z', 'cancelled');
    const later = book(caseId, '2026-03-02T05:00:00.000Z', '2026-03-02T06:00:00.000Z');
    expect(() => db.prepare("UPDATE appointments SET starts_at = '2026-03-02T01:30:00.000Z', ends_at = '2026-03-02T02:30:00.000Z' WHERE id = ?").run(later)).toThrow('engineer-double-booked');
    db.prepare("UPDATE appointments SET starts_at = '2026-03-02T00:00:00.000Z', ends_at = '2026-03-02T01:00:00.000Z' WHERE id = ?").run(later);
    // Moving an appointment onto its own old time is no overlap with itself.
    db.prepare("UPDATE appointments SET ends_at = '2026-03-02T01:30:00.000Z' WHERE id = ?").run(nine);
    expect(() => db.prepare("UPDATE appointments SET ends_at = '2026-03-02T02:30:00.000Z' WHERE id = ?").run(nine)).toThrow('engineer-double-booked');
    expect(db.prepare("SELECT count(*) AS n FROM appointments WHERE status <> 'cancelled'").get()).toEqual({ n: 3 });
    db.close();
  });

  it('finds an overlap with a long appointment that started up to 12 hours before, and refuses longer ones and bad instants', () => {
    const { db, openCase, book } = deskDatabase();
    const caseId = openCase();
    book(caseId, '2026-03-02T00:00:00.000Z', '2026-03-02T11:59:00.000Z');
    expect(() => book(caseId, '2026-03-02T11:00:00.000Z', '2026-03-02T12:30:00.000Z')).toThrow('engineer-double-booked');
    expect(() => book(caseId, '2026-03-03T00:00:00.000Z', '2026-03-03T12:00:01.000Z')).toThrow(/CHECK/);
    expect(() => book(caseId, '2026-03-03T02:00:00.000Z', '2026-03-03T01:00:00.000Z')).toThrow(/CHECK/);
    expect(() => book(caseId, '2026-03-03 02:00:00', '2026-03-03T03:00:00.000Z')).toThrow(/CHECK/);
    expect(() => book(caseId, '2026-03-04T01:00:00.000Z', '2026-03-04T02:00:00.000Z', 'cancelled-ish')).toThrow(/CHECK/);
    db.close();
  });

  it('keeps only encrypted values in the sensitive merchant columns and known states and statuses', () => {
    const { db, openCase } = deskDatabase();
    expect(() => db.prepare("UPDATE merchants SET account_no = '6222020200112233445'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE merchants SET legal_rep_id = '11010519491231002X'").run()).toThrow(/CHECK/);
    const caseId = openCase();
    expect(() => db.prepare("UPDATE cases SET state = 'done' WHERE id = ?").run(caseId)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE terminals SET current_bank = 'no-such-bank'").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
