// The cases list's search against a plain scan: every page and total CaseRepository.list gives for
// a name part (few candidates, many, a rare part of common grams, one and two characters) or a
// code, with and without filters and at deep offsets, is what reading every case and testing its
// merchant's name with String.includes gives, newest first. 12,000 merchants on a real migrated
// SQLite file, enough to take every path of case-name-search.ts (its thresholds are 3,000
// matching merchants and a walk of 4,000 cases).
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../../shared/desk/model';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { SEARCH_COUNT_CAP } from '../../../electron/main/desk/cases/case-name-search';
import type { CaseListQuery } from '../../../electron/main/desk/cases/case-repository';
import { createSqliteCaseRepository } from '../../../electron/main/desk/cases/sqlite-case-repository';
import { useTempDir } from '../support/temp-dir';
import { uscc } from './merchant-fixtures';

const tempDir = useTempDir('rebinddesk-case-search-');
const count = 12_000;
const at = '2026-12-01T08:00:00.000Z';
const places = ['福州', '厦门', '泉州'];
const districts = ['鼓楼', '台江', '仓山', '晋安'];
// 便利店 in half the names (many candidates), 茶庄 in a quarter, 花店 in an eighth.
const shops = ['便利店', '茶庄', '便利店', '花店', '便利店', '茶庄', '便利店', '书店'];
// 甲乙 ends the even names and 乙丙 the odd ones, 甲乙丙 a few: a part whose two grams are each in
// thousands of names but which is itself rare.
const tag = (n: number) => (n % 101 === 0 ? '甲乙丙' : n % 2 === 0 ? '甲乙' : '乙丙');
const nameOf = (n: number) => (n % 50 === 0 ? `鑫记${['茶庄', '花店'][n % 2]}` : `${places[n % 3]}${districts[(n >> 2) % 4]}${String(n).padStart(6, '0')}号${shops[(n >> 4) % 8]}有限公司${tag(n)}`);
const states: CaseState[] = ['draft', 'closed', 'approved'];

interface ScanRow {
  id: string;
  createdAt: string;
  state: CaseState;
  name: string;
  serial: string;
}

let db: Database.Database;
let scanRows: ScanRow[];

beforeAll(() => {
  ({ db } = openAppDatabase(join(tempDir(), 'rebinddesk.sqlite'), { migrations }));
  const meta = (id: string) => [id, at, 'test', at, 'test', 1];
  db.prepare(`INSERT INTO banks (id, created_at, created_by, updated_at, updated_by, version, code, name, time_zone, template_id, windows, exceptions, required_materials, notices, fee_rates, areas) VALUES (?, ?, ?, ?, ?, ?, 'acquirer-b', 'B', 'Asia/Shanghai', 'acquirer-b', '{}', '[]', '[]', '[]', '{}', '[]')`).run(...meta(uuidv7()));
  const modelId = uuidv7();
  db.prepare(`INSERT INTO terminal_models (id, created_at, created_by, updated_at, updated_by, version, vendor, model) VALUES (?, ?, ?, ?, ?, ?, 'PAX', 'A920')`).run(...meta(modelId));
  const merchant = db.prepare(`INSERT INTO merchants (id, created_at, created_by, updated_at, updated_by, version, name, uscc, legal_rep, legal_rep_id, legal_rep_id_last4, contact, phone, address, area, settlement_bank, settlement_branch, cnaps, account_no, account_no_last4, account_status, short_name)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '张三', 'v1:x', '002X', '李四', '138', '福州', '350102', '银行', '支行', '104391000011', 'v1:y', '0123', 'normal', '示例')`);
  const terminal = db.prepare(`INSERT INTO terminals (id, created_at, created_by, updated_at, updated_by, version, model_id, serial, tid, mid, current_bank, merchant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'acquirer-b', ?)`);
  const rebindCase = db.prepare(`INSERT INTO cases (id, created_at, created_by, updated_at, updated_by, version, state, terminal_id, merchant_id, target_bank) VALUES (?, ?, 'test', ?, 'test', 1, ?, ?, ?, 'acquirer-b')`);
  scanRows = [];
  let k = 0;
  db.transaction(() => {
    for (let n = 1; n <= count; n += 1) {
      const merchantId = uuidv7();
      merchant.run(...meta(merchantId), nameOf(n), uscc(n));
      // Every seventh merchant has a second terminal with a case of its own.
      for (let t = 0; t < (n % 7 === 0 ? 2 : 1); t += 1) {
        k += 1;
        const terminalId = uuidv7();
        const serial = `SN${String(k).padStart(8, '0')}`;
        terminal.run(...meta(terminalId), modelId, serial, String(10_000_000 + k), `8983501${String(k).padStart(8, '0')}`, merchantId);
        // Pairs of cases opened at the same instant: the id orders them.
        const createdAt = new Date(Date.parse('2026-01-01T00:00:00.000Z') + Math.floor(k / 2) * 60_000).toISOString();
        const id = uuidv7();
        const state = states[k % 3]!;
        rebindCase.run(id, createdAt, createdAt, state, terminalId, merchantId);
        scanRows.push({ id, createdAt, state, name: nameOf(n), serial });
      }
    }
  })();
  db.exec('ANALYZE');
  scanRows.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
});
afterAll(() => db.close());

const list = (query: Omit<CaseListQuery, 'offset' | 'limit'> & { offset?: number; limit?: number }) => createSqliteCaseRepository(() => db).list({ offset: 0, limit: 100, ...query });

/** What a plain scan says: the page's ids and the exact number of matches. */
function scanned(keep: (row: ScanRow) => boolean, offset = 0, limit = 100): { ids: string[]; matches: number } {
  const all = scanRows.filter(keep);
  return { ids: all.slice(offset, offset + limit).map((r) => r.id), matches: all.length };
}

function expectLikeScan(query: Parameters<typeof list>[0], keep: (row: ScanRow) => boolean) {
  const offset = query.offset ?? 0;
  const got = list(query);
  const want = scanned(keep, offset, query.limit ?? 100);
  expect(got.rows.map((r) => r.id)).toEqual(want.ids);
  // The total is exact, or a lower bound at the cap beyond the offset that says so.
  if (got.totalCapped) {
    expect(want.matches).toBeGreaterThan(offset + SEARCH_COUNT_CAP);
    expect(got.total).toBe(offset + SEARCH_COUNT_CAP);
  } else {
    expect(got.total).toBe(want.matches);
  }
  return got;
}

const named = (part: string) => (row: ScanRow) => row.name.includes(part);

describe('case search against a plain scan', () => {
  it('pages a part in thousands of names newest first, the total capped at 1,000 beyond the offset', () => {
    for (const part of ['便利店', '有限公司', '便利']) {
      const first = expectLikeScan({ search: part }, named(part));
      expect(first.totalCapped).toBe(true);
      expect(first.total).toBe(SEARCH_COUNT_CAP);
      const deeper = expectLikeScan({ search: part, offset: 700 }, named(part));
      expect(deeper.total).toBe(700 + SEARCH_COUNT_CAP);
    }
  });

  it('gives a rare part, a place and district, a two-character name and one character exactly', () => {
    for (const part of ['福州鼓楼', '鑫记花店', '花店', '000778号', '号书店', '庄', '书', '厦门台江001']) expectLikeScan({ search: part }, named(part));
    expect(list({ search: '000778号' }).rows.map((r) => r.merchantName)).toEqual([nameOf(778)]);
  });

  it('finds a part whose every gram is common but which is itself rare (the newest-first walk gives up and reads every match)', () => {
    // Every name holds 00 (numbers 000001–012000), but only the first hundred 0000, the oldest cases.
    for (const part of ['0000', '00000', '甲乙丙', '司甲乙丙']) expectLikeScan({ search: part }, named(part));
    expect(list({ search: '甲乙丙' }).total).toBe(scanned(named('甲乙丙')).matches);
    expect(list({ search: '0000' }).total).toBeLessThan(120);
  });

  it('finds nothing for a part no name holds', () => {
    expect(expectLikeScan({ search: '不存在的名字' }, named('不存在的名字'))).toEqual({ rows: [], total: 0, totalCapped: false });
  });

  it('combines a name part with the state and opened filters, and pages to the end', () => {
    expectLikeScan({ search: '便利店', states: ['approved'] }, (r) => r.name.includes('便利店') && r.state === 'approved');
    expectLikeScan({ search: '茶庄', states: ['closed'], offset: 300 }, (r) => r.name.includes('茶庄') && r.state === 'closed');
    const from = '2026-01-02T00:00:00.000Z';
    const before = '2026-01-03T00:00:00.000Z';
    expectLikeScan({ search: '便利店', openedFrom: from, openedBefore: before }, (r) => r.name.includes('便利店') && r.createdAt >= from && r.createdAt < before);
    const matches = scanned(named('茶庄')).matches;
    expectLikeScan({ search: '茶庄', offset: matches - 30 }, named('茶庄'));
    expectLikeScan({ search: '茶庄', offset: matches + 10 }, named('茶庄'));
  });

  it('matches codes at their beginning with the total capped the same way', () => {
    expectLikeScan({ search: 'SN0000012' }, (r) => r.serial.startsWith('SN0000012'));
    const all = expectLikeScan({ search: 'SN' }, (r) => r.serial.startsWith('SN'));
    expect(all.totalCapped).toBe(true);
  });
});
