// Merchant search (desk:merchants-search) over 100k merchants and 100k terminals (issue 10 goal:
// p95 ≤ 20 ms), through the real repository and service on a migrated SQLite file: a part of the
// name (few hits, many hits, none, two characters), a full and a partial USCC, and a TID, MID and serial. The rows
// are inserted raw (the encrypted columns hold stand-in `v1:` text; search never decrypts).
// Run: npx tsx tests/bench/merchant-search.bench.ts   (SEARCH_BENCH_MERCHANTS to change the 100,000;
// SEARCH_BENCH_SEED=/path/file.sqlite keeps the filled file there and, when it exists, starts from a
// copy of it instead of filling for minutes)
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrations } from '../../electron/main/db/migrations';
import { openAppDatabase } from '../../electron/main/db/open-database';
import { auditedOn } from '../../electron/main/db/audited';
import type { FieldEncryption } from '../../electron/main/crypto/field-encryption';
import { createMerchantService } from '../../electron/main/desk/merchants/merchant-service';
import { createSqliteMerchantRepository } from '../../electron/main/desk/merchants/sqlite-merchant-repository';
import { createSqliteReferenceRepository } from '../../electron/main/desk/reference/sqlite-reference-repository';
import { printBench, timed } from './report';
import { fillDesk, longNamed, shops, terminalKeys as terminal, twoCharacterName, uscc } from './desk-fill';

const loadAtStart = loadavg().map((l) => l.toFixed(1)).join(' ');
const count = Number(process.env['SEARCH_BENCH_MERCHANTS'] ?? 100_000);
const rounds = 200;
const dir = mkdtempSync(join(tmpdir(), 'rebinddesk-search-bench-'));
const file = join(dir, 'bench.sqlite');
const seedFile = process.env['SEARCH_BENCH_SEED'];
const reuse = seedFile !== undefined && existsSync(seedFile);
if (reuse) copyFileSync(seedFile, file);
let { db } = openAppDatabase(file, { migrations });
const fill = timed(() => {
  if (reuse) return;
  fillDesk(db, count);
  if (seedFile === undefined) return;
  db.close();
  copyFileSync(file, seedFile);
  ({ db } = openAppDatabase(file, { migrations }));
});

const service = createMerchantService({
  repo: createSqliteMerchantRepository(() => db),
  reference: createSqliteReferenceRepository(() => db),
  audited: auditedOn(() => db),
  encryption: {} as FieldEncryption,
  now: () => new Date(),
});

const pick = (i: number) => longNamed(i, count);
const cases: [string, (i: number) => string][] = [
  ['name part, 1 hit (a number and 号)', (i) => `${String(pick(i)).padStart(6, '0')}号`],
  ['name part, thousands of hits (first page of 50)', (i) => shops[i % shops.length]!],
  ['name part, no hit', () => '不存在的名字'],
  ['two-character name (a handful of hits)', (i) => twoCharacterName(i)],
  ['two characters, thousands of hits (茶庄)', () => '茶庄'],
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
  const cpu: number[] = [];
  let hits = 0;
  for (let i = 0; i < rounds; i += 1) {
    const { ms, cpuMs, value } = timed(() => service.search(text(i), 50, 0));
    times.push(ms);
    cpu.push(cpuMs);
    hits += value.merchants.length;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  rows.push([label, (hits / rounds).toFixed(1), times[Math.floor(rounds / 2)]!.toFixed(2), times[Math.floor(rounds * 0.95)]!.toFixed(2), times.at(-1)!.toFixed(2), cpu[Math.floor(rounds / 2)]!.toFixed(2), cpu[Math.floor(rounds * 0.95)]!.toFixed(2)]);
}
db.close();
rmSync(dir, { recursive: true, force: true });

printBench({
  title: `Merchant search, ${count.toLocaleString('en')} merchants and terminals`,
  command: 'npx tsx tests/bench/merchant-search.bench.ts',
  headers: ['query', 'merchants returned', 'p50 ms', 'p95 ms', 'max ms', 'CPU p50 ms', 'CPU p95 ms'],
  rows,
  notes: [
    `Goal: p95 ≤ 20 ms for every key. ${rounds} searches per row, each a different key, through MerchantService.search (page of 50, with the terminals, masked).`,
    `${reuse ? 'Copied from a filled file' : `Filling the file took ${(fill.ms / 1000).toFixed(1)} s`}; load average at the start ${loadAtStart}, at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores shared with other work).`,
  ],
});
