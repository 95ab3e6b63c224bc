import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { newRecordMeta } from '../../../electron/main/db/record-meta';
import { gramsOfText } from '../../../electron/main/desk/merchants/merchant-name-search';
import { uscc } from '../desk/merchant-fixtures';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-migration-0013-');
const at = new Date('2026-12-01T08:00:00.000Z');

function addMerchant(db: Database.Database, n: number, name: string): string {
  const meta = newRecordMeta('li.desk', at);
  db.prepare(`INSERT INTO merchants (id, created_at, created_by, updated_at, updated_by, version, name, uscc, legal_rep, legal_rep_id, legal_rep_id_last4, contact, phone, address, area, settlement_bank, settlement_branch, cnaps, account_no, account_no_last4, account_status, short_name)
    VALUES (?, ?, ?, ?, ?, 1, ?, ?, '张三', 'v1:x', '002X', '李四', '138', '上海', '310115', '银行', '支行', '102290000000', 'v1:y', '1234', 'normal', '示例')`).run(meta.id, meta.createdAt, meta.createdBy, meta.updatedAt, meta.updatedBy, name, uscc(n));
  return meta.id;
}

const gramsOf = (db: Database.Database, id: string) => (db.prepare('SELECT gram FROM merchant_name_grams WHERE merchant_id = ? ORDER BY gram').pluck().all(id) as string[]);
// What a name's grams must be: every two-character window and the last character alone, by code point.
const expected = (name: string) => [...new Set([...gramsOfText(name), Array.from(name).at(-1)!])].sort();

describe('migration 0013 merchant name grams', () => {
  it('fills the gram index from the merchants a version-12 database holds, counting characters as JS code points do', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const old = openAppDatabase(path, { migrations: migrations.slice(0, 12) }).db;
    const names = ['茶庄', '兰州拉面', '福州鼓楼000123号便利店有限公司', 'A', '𠮷野家牛丼'];
    const ids = names.map((name, i) => addMerchant(old, i + 1, name));
    old.close();
    const { db, applied } = openAppDatabase(path, { migrations: migrations.slice(0, 13) });
    expect(applied).toEqual([13]);
    names.forEach((name, i) => expect(gramsOf(db, ids[i]!)).toEqual(expected(name)));
    db.close();
  });

  it('keeps the index true through inserts, renames and deletes by any writer, and finds grams by the primary key', () => {
    const { db } = openAppDatabase(join(tempDir(), 'rebinddesk.sqlite'), { migrations: migrations.slice(0, 13) });
    const id = addMerchant(db, 1, '鑫记茶庄');
    const other = addMerchant(db, 2, '茶庄');
    expect(gramsOf(db, id)).toEqual(expected('鑫记茶庄'));
    db.prepare('UPDATE merchants SET name = ? WHERE id = ?').run('鼎泰丰小笼包', id);
    expect(gramsOf(db, id)).toEqual(expected('鼎泰丰小笼包'));
    db.prepare('UPDATE merchants SET phone = ? WHERE id = ?').run('139', id);
    expect(gramsOf(db, id)).toEqual(expected('鼎泰丰小笼包'));
    // The other merchant's grams stay when this one's go.
    db.prepare('DELETE FROM merchants WHERE id = ?').run(id);
    expect(gramsOf(db, id)).toEqual([]);
    expect(gramsOf(db, other)).toEqual(expected('茶庄'));
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT merchant_id FROM merchant_name_grams WHERE gram = '茶庄'").all() as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan).toMatch(/SEARCH merchant_name_grams USING PRIMARY KEY \(gram=\?\)/);
    db.close();
  });
});
