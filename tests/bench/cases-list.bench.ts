// Case search (desk:cases-list with `search`) over 100k merchants, terminals and cases (a third
// closed), issue 10 goal p95 ≤ 20 ms for every key: a part of the merchant's name (one hit, a
// two-character name, thousands of hits, none), a full and a partial USCC, a TID, MID and serial,
// through the real CaseRepository.list (newest first, page of 100 and the total) on a migrated file.
// Run: npx tsx tests/bench/cases-list.bench.ts   (CASES_BENCH_COUNT to change the 100,000;
// CASES_BENCH_SEED=/path/file.sqlite keeps the filled file there and, when it exists, starts from a
// copy of it instead of filling for minutes)
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrations } from '../../electron/main/db/migrations';
import { openAppDatabase } from '../../electron/main/db/open-database';
import { createSqliteCaseRepository } from '../../electron/main/desk/cases/sqlite-case-repository';
import { districts, fillDesk, longNamed, places, shops, terminalKeys, twoCharacterName, uscc } from './desk-fill';
import { printBench, timed } from './report';

const loadAtStart = loadavg().map((l) => l.toFixed(1)).join(' ');
const count = Number(process.env['CASES_BENCH_COUNT'] ?? 100_000);
const rounds = 200;
const dir = mkdtempSync(join(tmpdir(), 'rebinddesk-cases-bench-'));
const file = join(dir, 'bench.sqlite');
const seedFile = process.env['CASES_BENCH_SEED'];
const reuse = seedFile !== undefined && existsSync(seedFile);
if (reuse) copyFileSync(seedFile, file);
let { db } = openAppDatabase(file, { migrations });
const fill = timed(() => {
  if (reuse) return;
  fillDesk(db, count, { cases: true });
  if (seedFile === undefined) return;
  db.close();
  copyFileSync(file, seedFile);
  ({ db } = openAppDatabase(file, { migrations }));
});
const repo = createSqliteCaseRepository(() => db);

const pick = (i: number) => longNamed(i, count);
const keys: [string, (i: number) => string][] = [
  ['name part, 1 hit (a number and 号)', (i) => `${String(pick(i)).padStart(6, '0')}号`],
  ['name beginning, thousands of hits (place and district)', (i) => `${places[i % places.length]}${districts[i % districts.length]}`],
  ['two-character name (a handful of hits)', (i) => twoCharacterName(i)],
  ['name part, thousands of hits (newest 100)', (i) => shops[i % shops.length]!],
  ['two characters, thousands of hits (茶庄)', () => '茶庄'],
  ['name part, no hit', () => '不存在的名字'],
  ['USCC, full', (i) => uscc(pick(i))],
  ['USCC, first 14 characters', (i) => uscc(pick(i)).slice(0, 14)],
  ['TID', (i) => terminalKeys(pick(i)).tid],
  ['MID', (i) => terminalKeys(pick(i)).mid],
  ['serial', (i) => terminalKeys(pick(i)).serial],
];

const rows: (string | number)[][] = [];
for (const [label, text] of keys) {
  repo.list({ search: text(0), offset: 0, limit: 100 });
  const times: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  let total = 0;
  for (let i = 0; i < rounds; i += 1) {
    const { ms, cpuMs, value } = timed(() => repo.list({ search: text(i), offset: 0, limit: 100 }));
    times.push(ms);
    cpu.push(cpuMs);
    hits += value.rows.length;
    total += value.total;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const p95 = times[Math.floor(rounds * 0.95)]!;
  rows.push([label, (hits / rounds).toFixed(1), (total / rounds).toFixed(1), times[Math.floor(rounds / 2)]!.toFixed(2), p95.toFixed(2), times.at(-1)!.toFixed(2), (p95 / 20).toFixed(2), cpu[Math.floor(rounds / 2)]!.toFixed(2), cpu[Math.floor(rounds * 0.95)]!.toFixed(2)]);
}
db.close();
rmSync(dir, { recursive: true, force: true });

printBench({
  title: `Case search, ${count.toLocaleString('en')} merchants, terminals and cases`,
  command: 'npx tsx tests/bench/cases-list.bench.ts',
  headers: ['search', 'rows returned', 'total', 'p50 ms', 'p95 ms', 'max ms', 'p95 / 20 ms goal', 'CPU p50 ms', 'CPU p95 ms'],
  rows,
  notes: [
    `Goal: p95 ≤ 20 ms for every key. ${rounds} searches per row, each a different key where the row says so, through CaseRepository.list (newest first, page of 100, with the total the virtual list needs).`,
    `A third of the cases are closed; one merchant in 50 has a two-character name. ${reuse ? 'Copied from a filled file' : `Filling the file took ${(fill.ms / 1000).toFixed(1)} s`}; load average at the start ${loadAtStart}, at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores shared with other work).`,
  ],
});
