// An attacker with the database file: drops the append-only triggers with a raw connection, then
// edits, deletes, swaps or forges entries. verify must find each and name the entry.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../shared/audit/audit-entry';
import { auditEntryHash } from '../../../electron/main/db/audit-hash';
import { AuditLog } from '../../../electron/main/db/audit-chain';
import { readAuditEntry } from '../../../electron/main/audit/audit-rows';
import { verifyAuditChain } from '../../../electron/main/audit/audit-verify';
import { runAuditVerify } from '../../../electron/cli/audit-verify-cli';
import { fileHash, useTempDir } from '../support/temp-dir';
import { openTestDatabase } from './support';

const tempDir = useTempDir('rebinddesk-tamper-');
const entries = 30;

/** A data directory whose log holds `entries` entries, one second apart, closed cleanly. */
function seededDataDir(): { dir: string; path: string } {
  const dir = tempDir();
  const { db, path } = openTestDatabase(dir);
  db.transaction(() => {
    for (let i = 1; i <= entries; i++) {
      AuditLog.append(db, { actor: 'li.wei', action: 'case.update', entity: { type: 'case', id: 100 + i }, payload: { step: i, note: `entry ${i}` } }, new Date(Date.UTC(2025, 2, 3, 1, 0, i)));
    }
  })();
  db.close();
  return { dir, path };
}

/** The attacker's raw connection, with the append-only triggers gone. */
function attack(path: string, work: (raw: Database.Database) => void): void {
  const raw = new Database(path);
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  work(raw);
  raw.close();
}

function verifyFile(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return verifyAuditChain(db);
  } finally {
    db.close();
  }
}

function insertRecord(raw: Database.Database, record: AuditRecord): void {
  raw
    .prepare('INSERT INTO audit_log (seq, time, actor, action, entity_type, entity_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(record.seq, record.time, record.actor, record.action, record.entityType, record.entityId, record.payload, record.prevHash, record.hash);
}

/** Renumbers entries from `from` on by `by` (highest first going up, lowest first going down). */
function renumber(raw: Database.Database, from: number, by: number): void {
  const seqs = raw.prepare<[number], { seq: number }>('SELECT seq FROM audit_log WHERE seq >= ? ORDER BY seq').all(from).map((r) => r.seq);
  const update = raw.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?');
  for (const seq of by > 0 ? seqs.reverse() : seqs) update.run(seq + by, seq);
}

describe('audit chain tamper detection', () => {
  it('passes the untouched log', () => {
    const { path } = seededDataDir();
    expect(verifyFile(path)).toMatchObject({ ok: true, checked: entries });
  });

  it('finds an edited payload and names the entry (through the read-only verify command)', () => {
    const { dir, path } = seededDataDir();
    attack(path, (raw) => raw.prepare('UPDATE audit_log SET payload = ? WHERE seq = 12').run('{"note":"entry 12","step":99}'));
    const before = fileHash(path);
    const report = runAuditVerify(dir);
    expect(report).toMatchObject({ ok: false, checked: 11, firstProblem: { seq: 12, kind: 'edited' } });
    expect(report.firstProblem?.message).toMatch(/Entry 12 .*case\.update case\/112.*changed after it was written/);
    expect(fileHash(path)).toBe(before);
  });

  it('finds an edited actor, time or entity as well', () => {
    for (const [column, value] of [['actor', 'zhang.min'], ['time', '2025-03-03T01:00:07.500Z'], ['entity_id', '999']] as const) {
      const { path } = seededDataDir();
      attack(path, (raw) => raw.prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = 7`).run(value));
      expect(verifyFile(path).firstProblem).toMatchObject({ seq: 7, kind: 'edited' });
    }
  });

  it('finds a deleted entry (a gap in seq)', () => {
    const { path } = seededDataDir();
    attack(path, (raw) => raw.prepare('DELETE FROM audit_log WHERE seq = 20').run());
    const result = verifyFile(path);
    expect(result).toMatchObject({ ok: false, checked: 19, firstProblem: { seq: 20, kind: 'missing' } });
    expect(result.firstProblem?.message).toMatch(/Entry 20 is missing/);
  });

  it('finds a deleted entry when the later ones were renumbered to close the gap', () => {
    const { path } = seededDataDir();
    attack(path, (raw) => {
      raw.prepare('DELETE FROM audit_log WHERE seq = 20').run();
      renumber(raw, 21, -1);
    });
    const result = verifyFile(path);
    expect(result).toMatchObject({ checked: 19, firstProblem: { seq: 20, kind: 'missing' } });
    expect(result.firstProblem?.message).toMatch(/Entry 20 was deleted and the later entries renumbered/);
  });

  it('finds entries deleted from the end', () => {
    const { path } = seededDataDir();
    attack(path, (raw) => raw.prepare('DELETE FROM audit_log WHERE seq > 27').run());
    const result = verifyFile(path);
    expect(result).toMatchObject({ ok: false, checked: 27, firstProblem: { seq: 28, kind: 'missing' } });
    expect(result.firstProblem?.message).toMatch(/Entries 28–30 are missing/);
  });

  it('keeps entries deleted from the end visible after the app appends again', () => {
    const { dir, path } = seededDataDir();
    attack(path, (raw) => raw.prepare('DELETE FROM audit_log WHERE seq > 27').run());
    const { db } = openTestDatabase(dir);
    db.transaction(() => {
      for (let i = 0; i < 5; i++) AuditLog.append(db, { actor: 'li.wei', action: 'case.update', entity: { type: 'case', id: 1 }, payload: {} });
    })();
    db.close();
    const result = verifyFile(path);
    expect(result).toMatchObject({ ok: false, checked: 27, firstProblem: { seq: 28, kind: 'missing' } });
    expect(result.firstProblem?.message).toMatch(/Entries 28–30 are missing \(deleted\): entry 31 follows entry 27/);
  });

  it('finds two swapped entries', () => {
    const { path } = seededDataDir();
    attack(path, (raw) => {
      raw.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 15').run();
      raw.prepare('UPDATE audit_log SET seq = 15 WHERE seq = 16').run();
      raw.prepare('UPDATE audit_log SET seq = 16 WHERE seq = -1').run();
    });
    const result = verifyFile(path);
    expect(result).toMatchObject({ ok: false, checked: 14, firstProblem: { seq: 15, kind: 'reordered' } });
    expect(result.firstProblem?.message).toMatch(/Entries 15 and 16 were swapped/);
  });

  it('finds a forged entry inserted with a recomputed hash of its own (the later entries renumbered)', () => {
    const { path } = seededDataDir();
    attack(path, (raw) => {
      const before = readAuditEntry(raw, 9)!;
      renumber(raw, 10, +1);
      const forged = { seq: 10, time: '2025-03-03T01:00:09.500Z', actor: 'li.wei', action: 'case.approve', entityType: 'case', entityId: '110', payload: '{"approved":true}', prevHash: before.hash, hashFormat: 2 };
      insertRecord(raw, { ...forged, hash: auditEntryHash(forged) });
    });
    const result = verifyFile(path);
    expect(result).toMatchObject({ ok: false, checked: 9, firstProblem: { seq: 10, kind: 'inserted' } });
    expect(result.firstProblem?.message).toMatch(/Entry 10 was inserted/);
  });

  it('finds an entry replaced by a forgery with a recomputed hash: the next entry no longer links to it', () => {
    const { path } = seededDataDir();
    attack(path, (raw) => {
      const original = readAuditEntry(raw, 10)!;
      const forged = { ...original, payload: '{"note":"nothing happened","step":10}' };
      raw.prepare('UPDATE audit_log SET payload = ?, hash = ? WHERE seq = 10').run(forged.payload, auditEntryHash(forged));
    });
    const result = verifyFile(path);
    expect(result).toMatchObject({ ok: false, checked: 9, firstProblem: { seq: 10, kind: 'edited' } });
    expect(result.firstProblem?.message).toMatch(/Entry 10 was rewritten and its hash recomputed/);
  });

  it('finds a forged entry appended at the end with an earlier time', () => {
    const { path } = seededDataDir();
    attack(path, (raw) => {
      const last = readAuditEntry(raw, entries)!;
      const forged = { seq: entries + 1, time: '2025-03-03T01:00:05.000Z', actor: 'li.wei', action: 'case.approve', entityType: 'case', entityId: '105', payload: '{}', prevHash: last.hash, hashFormat: 2 };
      insertRecord(raw, { ...forged, hash: auditEntryHash(forged) });
    });
    const result = verifyFile(path);
    expect(result).toMatchObject({ ok: false, checked: entries, firstProblem: { seq: entries + 1, kind: 'inserted' } });
    expect(result.firstProblem?.message).toMatch(/dated before entry 30/);
  });

  it('is not misled by fields that smuggle in the separators the fast path splits on', () => {
    const { path } = seededDataDir();
    attack(path, (raw) => raw.prepare('UPDATE audit_log SET entity_id = ? WHERE seq = 5').run('105\u001d6\u001e7'));
    expect(verifyFile(path).firstProblem).toMatchObject({ seq: 5, kind: 'edited' });

    const second = seededDataDir();
    attack(second.path, (raw) => {
      const row = readAuditEntry(raw, 5)!;
      const forged = { ...row, actor: `li.wei\u001e${'0'.repeat(64)}\u001d6\u001f` };
      raw.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 5').run(forged.actor, auditEntryHash(forged));
    });
    expect(verifyFile(second.path)).toMatchObject({ checked: 4, firstProblem: { seq: 5, kind: 'edited' } });
  });

  it('needs the head of an earlier export to see a chain rewritten from some entry on', () => {
    const { dir, path } = seededDataDir();
    const head = verifyFile(path).head!;
    attack(path, (raw) => {
      // A careful forger recomputes every hash after the entry they change.
      let prevHash = readAuditEntry(raw, 9)!.hash;
      for (let seq = 10; seq <= entries; seq++) {
        const row = readAuditEntry(raw, seq)!;
        const forged = { ...row, prevHash, payload: seq === 10 ? '{"note":"rewritten"}' : row.payload };
        const hash = auditEntryHash(forged);
        raw.prepare('UPDATE audit_log SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(forged.payload, prevHash, hash, seq);
        prevHash = hash;
      }
    });
    expect(runAuditVerify(dir)).toMatchObject({ ok: true, checked: entries });
    const anchored = runAuditVerify(dir, { anchor: head });
    expect(anchored).toMatchObject({ ok: false, firstProblem: { seq: entries, kind: 'anchor-mismatch' } });
    expect(anchored.firstProblem?.message).toMatch(/rewritten/);
  });
});
