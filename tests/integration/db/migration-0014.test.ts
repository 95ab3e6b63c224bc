import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { newRecordMeta } from '../../../electron/main/db/record-meta';
import { uscc } from '../desk/merchant-fixtures';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-migration-0014-');
const at = new Date('2026-12-01T08:00:00.000Z');

const metaValues = () => {
  const meta = newRecordMeta('li.desk', at);
  return [meta.id, meta.createdAt, meta.createdBy, meta.updatedAt, meta.updatedBy] as const;
};

/** A bank, a model and a merchant the terminals belong to (the upgrade checks foreign keys). */
function addParents(db: Database.Database): void {
  db.prepare(`INSERT INTO banks (id, created_at, created_by, updated_at, updated_by, version, code, name, time_zone, template_id, windows, exceptions, required_materials, notices, fee_rates, areas)
    VALUES (?, ?, ?, ?, ?, 1, 'acquirer-b', '示例银行乙', 'Asia/Shanghai', 'acquirer-b', '{}', '[]', '[]', '[]', '{}', '[]')`).run(...metaValues());
  db.prepare(`INSERT INTO terminal_models (id, created_at, created_by, updated_at, updated_by, version, vendor, model) VALUES (?, ?, ?, ?, ?, 1, 'PAX', 'A920')`).run(...metaValues());
  db.prepare(`INSERT INTO merchants (id, created_at, created_by, updated_at, updated_by, version, name, uscc, legal_rep, legal_rep_id, legal_rep_id_last4, contact, phone, address, area, settlement_bank, settlement_branch, cnaps, account_no, account_no_last4, account_status, short_name)
    VALUES (?, ?, ?, ?, ?, 1, '示例商户', ?, '张三', 'v1:x', '002X', '李四', '138', '上海', '310115', '银行', '支行', '102290000000', 'v1:y', '1234', 'normal', '示例')`).run(...metaValues(), uscc(1));
}

function addTerminal(db: Database.Database, serial: string, tid: string): string {
  const values = metaValues();
  db.prepare(`INSERT INTO terminals (id, created_at, created_by, updated_at, updated_by, version, model_id, serial, tid, mid, current_bank, merchant_id)
    VALUES (?, ?, ?, ?, ?, 1, (SELECT id FROM terminal_models), ?, ?, '898310048140001', 'acquirer-b', (SELECT id FROM merchants))`).run(...values, serial, tid);
  return values[0];
}
const open = (path: string, upTo: number) => openAppDatabase(path, { migrations: migrations.slice(0, upTo) });
const tidsOf = (db: Database.Database) => db.prepare('SELECT serial, tid FROM terminals ORDER BY serial').all();

describe('migration 0014 one terminal per TID', () => {
  it('upgrades a file that already holds two terminals with one TID, keeping both, and refuses a third', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const old = open(path, 13).db;
    addParents(old);
    addTerminal(old, 'SN1', '12345678');
    addTerminal(old, 'SN2', '12345678');
    old.close();
    const { db, applied } = open(path, 14);
    expect(applied).toEqual([14]);
    expect(tidsOf(db)).toEqual([{ serial: 'SN1', tid: '12345678' }, { serial: 'SN2', tid: '12345678' }]);
    expect(() => addTerminal(db, 'SN3', '12345678')).toThrow(/terminal-tid-taken/);
    // One of the pair corrected: its TID changes; other columns of the other still change freely.
    db.prepare("UPDATE terminals SET tid = '87654321' WHERE serial = 'SN2'").run();
    db.prepare("UPDATE terminals SET firmware = '7.2' WHERE serial = 'SN1'").run();
    expect(tidsOf(db)).toEqual([{ serial: 'SN1', tid: '12345678' }, { serial: 'SN2', tid: '87654321' }]);
    db.close();
  });

  it('refuses a new terminal or a changed TID that takes another terminal\'s TID, and lets a terminal keep or change its own', () => {
    const { db } = open(join(tempDir(), 'rebinddesk.sqlite'), 14);
    addParents(db);
    addTerminal(db, 'SN1', '11111111');
    const second = addTerminal(db, 'SN2', '22222222');
    expect(() => addTerminal(db, 'SN3', '11111111')).toThrow(/terminal-tid-taken/);
    expect(() => db.prepare("UPDATE terminals SET tid = '11111111' WHERE id = ?").run(second)).toThrow(/terminal-tid-taken/);
    db.prepare("UPDATE terminals SET tid = '22222222', version = 2 WHERE id = ?").run(second);
    db.prepare("UPDATE terminals SET tid = '33333333' WHERE id = ?").run(second);
    expect(tidsOf(db)).toEqual([{ serial: 'SN1', tid: '11111111' }, { serial: 'SN2', tid: '33333333' }]);
    db.close();
  });
});
