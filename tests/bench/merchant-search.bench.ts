// Merchant search (desk:merchants-search) over 100k merchants and 100k terminals (issue 10 goal:
// p95 ≤ 20 ms), through the real repository and service on a migrated SQLite file: a part of the
// name (few hits, many hits, none), a full and a partial USCC, and a TID, MID and serial. The rows
// are inserted raw (the encrypted columns hold stand-in `v1:` text; search never decrypts).
// Run: npx tsx tests/bench/merchant-search.bench.ts   (SEARCH_BENCH_MERCHANTS to change the 100,000)
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { migrations } from '../../electron/main/db/migrations';
import { openAppDatabase } from '../../electron/main/db/open-database';
import { auditedOn } from '../../electron/main/db/audited';
import type { FieldEncryption } from '../../electron/main/crypto/field-encryption';
import { createMerchantService } from '../../electron/main/desk/merchants/merchant-service';
import { createSqliteMerchantRepository } from '../../electron/main/desk/merchants/sqlite-merchant-repository';
import { createSqliteReferenceRepository } from '../../electron/main/desk/reference/sqlite-reference-repository';
import { printBench, timed } from './report';
import { residentId, uscc } from '../integration/desk/merchant-fixtures';

const count = Number(process.env['SEARCH_BENCH_MERCHANTS'] ?? 100_000);
const rounds = 200;
const dir = mkdtempSync(join(tmpdir(), 'rebinddesk-search-bench-'));
const { db } = openAppDatabase(join(dir, 'bench.sqlite'), { migrations });
const at = new Date('2026-12-01T08:00:00.000Z').toISOString();
const meta = (id: string) => [id, at, 'bench', at, 'bench', 1];

// Names drawn from a few thousand words so a two-character part hits a realistic handful.
const places = ['福州', '厦门', '泉州', '漳州', '莆田', '三明', '南平', '龙岩', '宁德', '上海', '杭州', '广州'];
const shops = ['便利店', '超市', '餐馆', '咖啡馆', '药房', '书店', '花店', '面包房', '茶庄', '五金店'];
const name = (n: number) => `${places[n % places.length]}${['鼓楼', '台江', '仓山', '晋安', '马尾'][(n >> 4) % 5]}${String(n).padStart(6, '0')}号${shops[(n >> 2) % shops.length]}有限公司`;
const terminal = (n: number) => ({ serial: `SN${String(n).padStart(10, '0')}`, tid: String(10_000_000 + n).slice(-8), mid: `898350100${String(n).padStart(6, '0')}` });

const fill = timed(() => {
  const bankId = uuidv7();
  const modelId = uuidv7();
  db.prepare(`INSERT INTO banks (id, created_at, created_by, updated_at, updated_by, version, code, name, time_zone, template_id, windows, exceptions, required_materials, notices, fee_rates, areas) VALUES (?, ?, ?, ?, ?, ?, 'acquirer-b', 'B', 'Asia/Shanghai', 'acquirer-b', '{}', '[]', '[]', '[]', '{}', '[]')`).run(...meta(bankId));
  db.prepare(`INSERT INTO terminal_models (id, created_at, created_by, updated_at, updated_by, version, vendor, model) VALUES (?, ?, ?, ?, ?, ?, 'PAX', 'A920')`).run(...meta(modelId));
  const merchant = db.prepare(`INSERT INTO merchants (id, created_at, created_by, updated_at, updated_by, version, name, uscc, legal_rep, legal_rep_id, legal_rep_id_last4, contact, phone, address, area, settlement_bank, settlement_branch, cnaps, account_no, account_no_last4, account_status, short_name)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '张三', 'v1:stand-in', ?, '李四', '0591-87654321', '福州', '350102', '中国银行', '鼓楼支行', '104391000011', 'v1:stand-in', '0123', 'normal', '示例')`);
  const term = db.prepare(`INSERT INTO terminals (id, created_at, created_by, updated_at, updated_by, version, model_id, serial, tid, mid, current_bank, merchant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'acquirer-b', ?)`);
  db.transaction(() => {
    for (let n = 1; n <= count; n += 1) {
      const id = uuidv7();
      merchant.run(...meta(id), name(n), uscc(n), residentId(n).slice(-4));
      const t = terminal(n);
      term.run(...meta(uuidv7()), modelId, t.serial, t.tid, t.mid, id);
    }
  })();
  db.exec('ANALYZE');
});

const service = createMerchantService({
  repo: createSqliteMerchantRepository(() => db),
  reference: createSqliteReferenceRepository(() => db),
  audited: auditedOn(() => db),
  encryption: {} as FieldEncryption,
  now: () => new Date(),
});

const pick = (i: number) => 1 + ((i * 7919) % count);
const cases: [string, (i: number) => string][] = [
  ['name part, 1 hit (a number and 号)', (i) => `${String(pick(i)).padStart(6, '0')}号`],
  ['name part, thousands of hits (first page of 50)', (i) => shops[i % shops.length]!],
  ['name part, no hit', () => '不存在的名字'],
  ['USCC, full', (i) => uscc(pick(i))],
  ['USCC, first 14 characters', (i) => uscc(pick(i)).slice(0, 14)],
  ['TID', (i) => terminal(pick(i)).tid],
  ['MID', (i) => terminal(pick(i)).mid],
  ['serial', (i) => terminal(pick(i)).serial],
];

const rows: (string | number)[][] = [];
for (const [label, text] of cases) {
  service.search(text(0), 50, 0);
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < rounds; i += 1) {
    const { ms, value } = timed(() => service.search(text(i), 50, 0));
    times.push(ms);
    hits += value.merchants.length;
  }
  times.sort((a, b) => a - b);
  rows.push([label, (hits / rounds).toFixed(1), times[Math.floor(rounds / 2)]!.toFixed(2), times[Math.floor(rounds * 0.95)]!.toFixed(2), times.at(-1)!.toFixed(2)]);
}
db.close();
rmSync(dir, { recursive: true, force: true });

printBench({
  title: `Merchant search, ${count.toLocaleString('en')} merchants and terminals`,
  command: 'npx tsx tests/bench/merchant-search.bench.ts',
  headers: ['query', 'merchants returned', 'p50 ms', 'p95 ms', 'max ms'],
  rows,
  notes: [
    `Goal: p95 ≤ 20 ms for every key. ${rounds} searches per row, each a different key, through MerchantService.search (page of 50, with the terminals, masked).`,
    `Filling the file took ${(fill.ms / 1000).toFixed(1)} s; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores shared with other work).`,
  ],
});
