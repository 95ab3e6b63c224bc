// CSV import of 100k merchants with validation (issue 10, goal ≤ 10 s), beside the raw SQLite insert
// rate of the same rows as the limit an import cannot beat. Times each stage of planImport (decode,
// csv-parse, the whole plan with the desk validators and the duplicate and lookup checks), then
// inserts the planned rows into the real merchants table (migration 0010) in one transaction with
// prepared statements and no encryption or audit: the floor under any import, not an import.
// Run: npx tsx tests/bench/csv-import.bench.ts   (CSV_BENCH_ROWS to change the 100,000)
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { decodeCsvBytes } from '../../electron/main/desk/csv/csv-decode';
import { exportCsv } from '../../electron/main/desk/csv/csv-export';
import { planImport } from '../../electron/main/desk/csv/csv-import-plan';
import { readCsvText } from '../../electron/main/desk/csv/csv-read';
import { migrations } from '../../electron/main/db/migrations';
import { openAppDatabase } from '../../electron/main/db/open-database';
import { fixedLookups, merchantRecord } from '../fixtures/desk-csv/desk-csv-fixtures';
import { median, printBench, timed } from './report';

const rows = Number(process.env['CSV_BENCH_ROWS'] ?? 100_000);
const runs = 3;
const goalMs = 10_000;


const records = Array.from({ length: rows }, (_, i) => merchantRecord(i + 1));
const exported = exportCsv(records, 'merchants', { includeSensitive: true });
if (!exported.ok) throw new Error('the bench file could not be written');
const bytes = exported.bytes;
const load = loadavg()[0]!;

const decodeMs: number[] = [];
const readMs: number[] = [];
const planMs: number[] = [];
const cpu = { decode: [] as number[], read: [] as number[], plan: [] as number[], insert: [] as number[] };
for (let run = 0; run < runs; run++) {
  const decoded = timed(() => decodeCsvBytes(bytes));
  decodeMs.push(decoded.ms);
  cpu.decode.push(decoded.cpuMs);
  if (!decoded.value.ok) throw new Error('the bench file did not decode');
  const text = decoded.value.text;
  const read = timed(() => readCsvText(text));
  readMs.push(read.ms);
  cpu.read.push(read.cpuMs);
  const plan = timed(() => planImport(bytes, 'merchants', fixedLookups(), { today: '2026-12-01' }));
  if (plan.value.problems.length > 0 || plan.value.records.length !== rows) throw new Error(`the bench file has problems: ${JSON.stringify(plan.value.problems.slice(0, 3))}`);
  planMs.push(plan.ms);
  cpu.plan.push(plan.cpuMs);
}

// The limit: the same rows straight into the merchants table, one transaction, prepared once.
const insertMs: number[] = [];
for (let run = 0; run < runs; run++) {
  const dir = mkdtempSync(join(tmpdir(), 'rebinddesk-csv-bench-'));
  const { db } = openAppDatabase(join(dir, 'rebinddesk.sqlite'), { migrations });
  const insert = db.prepare(`INSERT INTO merchants (id, created_at, created_by, updated_at, updated_by, version, name, uscc, legal_rep, legal_rep_id, legal_rep_id_last4,
    contact, phone, address, area, settlement_bank, settlement_branch, cnaps, account_no, account_no_last4, swift, account_status, account_checked_on, short_name)
    VALUES (?, ?, 'bench', ?, 'bench', 1, ?, ?, ?, ?, ?, ?, ?, ?, '350100', ?, ?, ?, ?, ?, NULL, ?, NULL, ?)`);
  const at = new Date().toISOString();
  const inserted = timed(() =>
      db.transaction(() => {
        for (const m of records) insert.run(uuidv7(), at, at, m.name, m.uscc, m.legalRep, `v1:${m.legalRepId}`, m.legalRepId.slice(-4), m.contact, m.phone, m.address, m.bank, m.branch, m.cnaps, `v1:${m.accountNo}`, m.accountNo.slice(-4), m.accountStatus ?? 'normal', m.name.slice(0, 13));
      })(),
  );
  insertMs.push(inserted.ms);
  cpu.insert.push(inserted.cpuMs);
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

const perSecond = (ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en-US');
const planMedian = median(planMs);
const insertMedian = median(insertMs);
const row = (name: string, values: number[], cpuValues: number[], goal = '') => [name, median(values).toFixed(0), median(cpuValues).toFixed(0), perSecond(median(values)), perSecond(median(cpuValues)), goal];
const planCpu = median(cpu.plan);
const insertCpu = median(cpu.insert);
printBench({
  title: `CSV import of ${rows.toLocaleString('en-US')} merchants`,
  command: 'npx tsx tests/bench/csv-import.bench.ts',
  headers: ['stage', 'median wall ms', 'median CPU ms', 'rows/s (wall)', 'rows/s (CPU)', `against the ${goalMs / 1000} s goal (wall; CPU)`],
  rows: [
    row('decode (BOM, strict UTF-8)', decodeMs, cpu.decode),
    row('read (csv-parse sync, line numbers)', readMs, cpu.read),
    row('planImport: decode + read + header + desk validators + duplicate and lookup checks', planMs, cpu.plan, `${(planMedian / goalMs).toFixed(2)}×; ${(planCpu / goalMs).toFixed(2)}×`),
    row('raw SQLite insert of the same rows (one transaction, no encryption, no audit): the limit', insertMs, cpu.insert),
    ['plan + raw insert', (planMedian + insertMedian).toFixed(0), (planCpu + insertCpu).toFixed(0), perSecond(planMedian + insertMedian), perSecond(planCpu + insertCpu), `${((planMedian + insertMedian) / goalMs).toFixed(2)}×; ${((planCpu + insertCpu) / goalMs).toFixed(2)}×`],
  ],
  notes: [
    `File: ${(bytes.length / 2 ** 20).toFixed(1)} MiB of UTF-8 with BOM, 12 columns, Chinese names and addresses, written by exportCsv with sensitive values; ${runs} runs each, medians.`,
    'Lookups are in-memory sets (the repositories will answer from SQLite with prepared statements); every row passes, so no problem list is built.',
    'The raw insert writes the planned rows into migration 0010\'s merchants table with placeholder ciphertexts; the real import adds field encryption (AES-256-GCM, two fields a row), record meta and one audited operation.',
    `Node ${process.version}; 1-minute load average ${load.toFixed(1)} at the start (other agents share the 2 cores).`,
  ],
});
