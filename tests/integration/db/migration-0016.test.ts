import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { newRecordMeta } from '../../../electron/main/db/record-meta';
import { nameOfMerchant } from '../../../electron/main/desk/merchants/merchant-name-search';
import { uscc } from '../desk/merchant-fixtures';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-migration-0016-');
const at = new Date('2026-12-01T08:00:00.000Z');

const metaValues = () => {
  const meta = newRecordMeta('li.desk', at);
  return [meta.id, meta.createdAt, meta.createdBy, meta.updatedAt, meta.updatedBy] as const;
};

/** A merchant with one terminal and one case (opened at `openedAt`); the case's id. */
function addCase(db: Database.Database, n: number, name: string, openedAt: string): { merchantId: string; caseId: string } {
  const merchant = metaValues();
  db.prepare(`INSERT INTO merchants (id, created_at, created_by, updated_at, updated_by, version, name, uscc, legal_rep, legal_rep_id, legal_rep_id_last4, contact, phone, address, area, settlement_bank, settlement_branch, cnaps, account_no, account_no_last4, account_status, short_name)
    VALUES (?, ?, ?, ?, ?, 1, ?, ?, '张三', 'v1:x', '002X', '李四', '138', '上海', '310115', '银行', '支行', '102290000000', 'v1:y', '1234', 'normal', '示例')`).run(...merchant, name, uscc(n));
  const terminal = metaValues();
  db.prepare(`INSERT INTO terminals (id, created_at, created_by, updated_at, updated_by, version, model_id, serial, tid, mid, current_bank, merchant_id)
    VALUES (?, ?, ?, ?, ?, 1, (SELECT id FROM terminal_models), ?, ?, '898310048140001', 'acquirer-b', ?)`).run(...terminal, `SN${n}`, String(10_000_000 + n), merchant[0]);
  const rebindCase = metaValues();
  db.prepare(`INSERT INTO cases (id, created_at, created_by, updated_at, updated_by, version, state, terminal_id, merchant_id, target_bank) VALUES (?, ?, ?, ?, ?, 1, 'draft', ?, ?, 'acquirer-b')`)
    .run(rebindCase[0], openedAt, rebindCase[2], openedAt, rebindCase[4], terminal[0], merchant[0]);
  return { merchantId: merchant[0], caseId: rebindCase[0] };
}

function addParents(db: Database.Database): void {
  db.prepare(`INSERT INTO banks (id, created_at, created_by, updated_at, updated_by, version, code, name, time_zone, template_id, windows, exceptions, required_materials, notices, fee_rates, areas)
    VALUES (?, ?, ?, ?, ?, 1, 'acquirer-b', '示例银行乙', 'Asia/Shanghai', 'acquirer-b', '{}', '[]', '[]', '[]', '{}', '[]')`).run(...metaValues());
  db.prepare(`INSERT INTO terminal_models (id, created_at, created_by, updated_at, updated_by, version, vendor, model) VALUES (?, ?, ?, ?, ?, 1, 'PAX', 'A920')`).run(...metaValues());
}

const plan = (db: Database.Database, sql: string, ...params: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; ');
const caseIndexes = (db: Database.Database) => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('cases', 'merchants') AND sql IS NOT NULL ORDER BY name").pluck().all();

describe('migration 0016 name search covering indexes', () => {
  it('upgrades a version-15 file holding merchants and cases: the name beside the id, the cases by merchant with their sort columns, cases_by_merchant replaced', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const old = openAppDatabase(path, { migrations: migrations.slice(0, 15) }).db;
    addParents(old);
    const first = addCase(old, 1, '福州鼓楼000001号茶庄有限公司', '2026-11-01T08:00:00.000Z');
    const second = addCase(old, 2, '厦门台江000002号书店有限公司', '2026-11-02T08:00:00.000Z');
    expect(caseIndexes(old)).toContain('cases_by_merchant');
    old.close();

    const { db, applied } = openAppDatabase(path, { migrations: migrations.slice(0, 16) });
    expect(applied).toEqual([16]);
    const indexes = caseIndexes(db);
    expect(indexes).toEqual(expect.arrayContaining(['merchants_name_by_id', 'cases_by_merchant_opened']));
    expect(indexes).not.toContain('cases_by_merchant');
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');

    // The name check and a merchant's cases in the list's order, each from its covering index alone.
    const nameCheck = `SELECT ${nameOfMerchant('?')} AS name`;
    expect(plan(db, nameCheck, first.merchantId)).toContain('USING COVERING INDEX merchants_name_by_id');
    expect(db.prepare(nameCheck).pluck().get(second.merchantId)).toBe('厦门台江000002号书店有限公司');
    const casesOf = 'SELECT rowid, id FROM cases WHERE merchant_id = ? ORDER BY created_at DESC, id DESC';
    expect(plan(db, casesOf, first.merchantId)).toContain('USING COVERING INDEX cases_by_merchant_opened');
    expect(db.prepare('SELECT id FROM cases WHERE merchant_id = ?').pluck().all(first.merchantId)).toEqual([first.caseId]);

    // Kept by SQLite from then on: a new merchant and its case are found through both.
    const third = addCase(db, 3, '泉州晋安000003号花店有限公司', '2026-11-03T08:00:00.000Z');
    expect(db.prepare(nameCheck).pluck().get(third.merchantId)).toBe('泉州晋安000003号花店有限公司');
    expect(db.prepare(`SELECT id FROM cases INDEXED BY cases_by_merchant_opened WHERE merchant_id = ?`).pluck().all(third.merchantId)).toEqual([third.caseId]);
    db.close();
  });
});
