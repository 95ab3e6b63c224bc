// Audit chain verification on 1M entries (goal: under 2 s). Builds the log in one transaction with
// the app's own hash function, then times verifyAuditChain, the read-only verify command, and a
// walk that finds an edit in the very last entry. Run: npx tsx tests/bench/audit-verify.bench.ts
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { genesisHash } from '../../shared/audit/audit-entry';
import { canonicalJson } from '../../shared/audit/canonical-json';
import { auditEntryHash } from '../../electron/main/db/audit-hash';
import { verifyAuditChain } from '../../electron/main/audit/audit-verify';
import { auditDatabaseFileName, runAuditVerify } from '../../electron/cli/audit-verify-cli';
import { migrations } from '../../electron/main/db/migrations';
import { openAppDatabase } from '../../electron/main/db/open-database';
import { median, printBench, timed } from './report';

const entries = Number(process.env['AUDIT_BENCH_ENTRIES'] ?? 1_000_000);
const runs = 3;
const dir = mkdtempSync(join(tmpdir(), 'rebinddesk-audit-bench-'));
const path = join(dir, auditDatabaseFileName);

function build(): number {
  const started = performance.now();
  const { db } = openAppDatabase(path, { migrations });
  const insert = db.prepare('INSERT INTO audit_log (seq, time, actor, action, entity_type, entity_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const actions = ['case.update', 'appointment.book', 'terminal.push-parameters', 'sensitive.revealed'];
  const start = Date.parse('2024-01-01T00:00:00.000Z');
  db.transaction(() => {
    let prevHash = genesisHash;
    for (let seq = 1; seq <= entries; seq++) {
      const record = {
        seq,
        time: new Date(start + seq * 1500).toISOString(),
        actor: seq % 3 === 0 ? 'zhang.min' : 'li.wei',
        action: actions[seq % actions.length]!,
        entityType: 'case',
        entityId: String(10_000 + (seq % 5000)),
        payload: canonicalJson({ caseId: 10_000 + (seq % 5000), from: 'bank-a', to: 'bank-b', state: 'scheduled', note: `step ${seq}` }),
        prevHash,
        hashFormat: 2,
      };
      const hash = auditEntryHash(record);
      insert.run(record.seq, record.time, record.actor, record.action, record.entityType, record.entityId, record.payload, record.prevHash, hash);
      prevHash = hash;
    }
  })();
  db.close();
  return performance.now() - started;
}


const buildMs = build();
const sizeMiB = statSync(path).size / 2 ** 20;

const db = new Database(path, { readonly: true });
const inApp = Array.from({ length: runs }, () => timed(() => verifyAuditChain(db)));
db.close();
for (const run of inApp) if (!run.value.ok || run.value.checked !== entries) throw new Error(`verify failed: ${JSON.stringify(run.value)}`);

const cli = Array.from({ length: runs }, () => timed(() => runAuditVerify(dir)));
for (const run of cli) if (!run.value.ok) throw new Error(`verify command failed: ${JSON.stringify(run.value)}`);

// An edit in the last entry: the whole chain is walked before the problem shows.
const raw = new Database(path);
raw.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone.else' WHERE seq = ${entries};`);
raw.close();
const tampered = Array.from({ length: runs }, () => timed(() => runAuditVerify(dir)));
for (const run of tampered) if (run.value.firstProblem?.seq !== entries) throw new Error(`missed the edit: ${JSON.stringify(run.value)}`);

rmSync(dir, { recursive: true, force: true });

const row = (label: string, samples: { ms: number; cpuMs: number }[]) => {
  const ms = median(samples.map((s) => s.ms));
  const cpuMs = median(samples.map((s) => s.cpuMs));
  return [label, (ms / 1000).toFixed(2), (cpuMs / 1000).toFixed(2), Math.round(entries / (ms / 1000)).toLocaleString('en-US'), ms < 2000 ? 'yes' : 'no'];
};

printBench({
  title: `Audit chain verification (${entries.toLocaleString('en-US')} entries)`,
  command: 'npx tsx tests/bench/audit-verify.bench.ts',
  headers: ['run', 'median wall s', 'median CPU s', 'entries/s (wall)', 'under 2 s'],
  rows: [
    row('verifyAuditChain on an open connection', inApp),
    row('`rebind audit verify` (opens read-only, then verifies)', cli),
    row('verify finding an edit in the last entry', tampered),
  ],
  notes: [
    `${runs} runs each, median; Node ${process.version}; database ${sizeMiB.toFixed(0)} MiB, built in ${(buildMs / 1000).toFixed(1)} s in one transaction; load average ${loadavg()[0]!.toFixed(2)} at the end.`,
    'SQLite joins each page of 10,000 entries into one string (the hash input of each entry plus its stored hash); JS splits it and hashes with crypto.hash.',
  ],
});
