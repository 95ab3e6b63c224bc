// The hash input must be an unambiguous encoding of the columns. A separator join is not: SQL's
// concat_ws skips NULLs, so an entry whose prev_hash is set to NULL while its payload takes the old
// prev_hash behind a separator joins to the same text and kept its hash. Format 2 hashes a JSON
// array of the columns; legacy format-1 entries (written before migration 0006) keep their hashes
// and are checked strictly, and a chain never goes back from format 2 to format 1.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditHashInput, genesisHash } from '../../../shared/audit/audit-entry';
import { auditEntryHash, sha256Hex } from '../../../electron/main/db/audit-hash';
import { AuditLog } from '../../../electron/main/db/audit-chain';
import { readAuditPage } from '../../../electron/main/audit/audit-rows';
import { verifyAuditChain } from '../../../electron/main/audit/audit-verify';
import { migrate } from '../../../electron/main/db/migrate';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { useTempDir } from '../support/temp-dir';
import { openTestDatabase } from './support';

const tempDir = useTempDir('rebinddesk-hash-format-');

function seeded(count = 12): string {
  const dir = tempDir();
  const { db, path } = openTestDatabase(dir);
  db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      AuditLog.append(db, { actor: 'li.wei', action: 'case.update', entity: { type: 'case', id: 100 + i }, payload: { step: i } }, new Date(Date.UTC(2025, 2, 3, 1, 0, i)));
    }
  })();
  db.close();
  return path;
}

/** The attacker rebuilds audit_log without its NOT NULL constraints and triggers, keeping every row. */
function loosen(raw: Database.Database): void {
  const columns = raw.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all('audit_log').map((c) => c.name).join(', ');
  raw.exec(`
    DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
    CREATE TABLE loose AS SELECT * FROM audit_log;
    DROP TABLE audit_log;
    CREATE TABLE audit_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, ${columns.split(', ').filter((c) => c !== 'seq').join(', ')});
    INSERT INTO audit_log SELECT * FROM loose; DROP TABLE loose;`);
}

const verifyFile = (path: string, anchor?: { seq: number; hash: string }) => {
  const db = new Database(path, { readonly: true });
  try {
    return verifyAuditChain(db, anchor ? { anchor } : {});
  } finally {
    db.close();
  }
};

// Each shift keeps the separator join's text the same while moving a value into its neighbour.
const shifts = [
  ['payload takes prev_hash, prev_hash NULL', "payload = payload || char(31) || prev_hash, prev_hash = NULL"],
  ['action takes entity_type, entity_type NULL', "action = action || char(31) || entity_type, entity_type = NULL"],
] as const;

describe('the hash input format', () => {
  it.each(shifts)('does not verify columns shifted around a NULL (%s), even with the anchor', (_name, shift) => {
    const path = seeded();
    const anchor = verifyFile(path).head!;
    const raw = new Database(path);
    loosen(raw);
    raw.exec(`UPDATE audit_log SET ${shift} WHERE seq = 7`);
    raw.close();
    for (const result of [verifyFile(path), verifyFile(path, anchor)]) {
      expect(result).toMatchObject({ ok: false, checked: 6, firstProblem: { seq: 7, kind: 'edited' } });
    }
  });

  it('builds in SQL the same text the app hashes, for every field value the log accepts', () => {
    const path = seeded(0);
    const db = new Database(path);
    db.transaction(() => {
      const odd = ['zhang.min', '张敏', 'emoji 😀 and \u2028', 'quote " and back\\slash', '{"nested":"\\u001f"}'];
      odd.forEach((text, i) => AuditLog.append(db, { actor: 'li.wei', action: 'case.update', entity: { type: text, id: text }, payload: { text, i } }));
    })();
    const sqlText = db
      .prepare<[], { seq: number; text: string }>('SELECT seq, json_array(hash_format, seq, time, actor, action, entity_type, entity_id, payload, prev_hash) AS text FROM audit_log ORDER BY seq')
      .all();
    const rows = readAuditPage(db, 0, 100);
    expect(sqlText.map((r) => r.text)).toEqual(rows.map((row) => auditHashInput(row)));
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, checked: 5 });
    db.close();
  });
});

describe('migration 0006: hash format per entry', () => {
  /** A version-5 database whose log holds `count` entries in the legacy format, as the app wrote them then. */
  function legacyDatabase(count: number): string {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const db = new Database(path);
    migrate(db, migrations.slice(0, 5));
    const insert = db.prepare('INSERT INTO audit_log (seq, time, actor, action, entity_type, entity_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    let prevHash = genesisHash;
    for (let seq = 1; seq <= count; seq++) {
      const record = { seq, time: `2024-05-0${seq}T00:00:00.000Z`, actor: 'li.wei', action: 'case.update', entityType: 'case', entityId: String(seq), payload: `{"step":${seq}}`, prevHash, hashFormat: 1 };
      const input = `${seq}\u001f${record.time}\u001fli.wei\u001fcase.update\u001fcase\u001f${seq}\u001f${record.payload}\u001f${prevHash}`;
      expect(auditHashInput(record)).toBe(input);
      const hash = sha256Hex(input);
      insert.run(seq, record.time, record.actor, record.action, record.entityType, record.entityId, record.payload, prevHash, hash);
      prevHash = hash;
    }
    db.close();
    return path;
  }

  it('keeps the old entries and their hashes in format 1, writes new ones in format 2, and the chain verifies across', () => {
    const path = legacyDatabase(3);
    const before = new Database(path, { readonly: true });
    const oldHashes = before.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY seq').all();
    before.close();
    const { db, applied } = openAppDatabase(path, { migrations });
    expect(applied[0]).toBe(6); // later migrations may follow
    db.transaction(() => {
      AuditLog.append(db, { actor: 'li.wei', action: 'case.update', entity: { type: 'case', id: 4 }, payload: {} });
      AuditLog.append(db, { actor: 'li.wei', action: 'case.update', entity: { type: 'case', id: 5 }, payload: {} });
    })();
    const rows = readAuditPage(db, 0, 10);
    expect(rows.map((r) => r.hashFormat)).toEqual([1, 1, 1, 2, 2]);
    expect(rows.slice(0, 3).map((r) => ({ hash: r.hash }))).toEqual(oldHashes);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, checked: 5 });
    // Still append-only, and no third format.
    expect(() => db.prepare('UPDATE audit_log SET hash_format = 2 WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO audit_log (time, actor, action, entity_type, entity_id, payload, prev_hash, hash, hash_format) VALUES ('t','a','b','c','d','{}','p','h', 3)").run()).toThrow(/CHECK/);
    db.close();
  });

  it('refuses a format-2 entry rewritten in the weaker legacy format (no downgrade)', () => {
    const path = legacyDatabase(2);
    const { db } = openAppDatabase(path, { migrations });
    db.transaction(() => {
      for (let i = 0; i < 3; i++) AuditLog.append(db, { actor: 'li.wei', action: 'case.update', entity: { type: 'case', id: i }, payload: {} });
    })();
    db.close();
    const raw = new Database(path);
    raw.exec('DROP TRIGGER audit_log_no_update');
    const row = readAuditPage(raw, 3, 1)[0]!;
    raw.prepare('UPDATE audit_log SET hash_format = 1, hash = ? WHERE seq = 4').run(auditEntryHash({ ...row, hashFormat: 1 }));
    // The next entry must still link to it, so the forger recomputes that one too.
    const next = readAuditPage(raw, 4, 1)[0]!;
    const newPrev = readAuditPage(raw, 3, 1)[0]!.hash;
    raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = 5').run(newPrev, auditEntryHash({ ...next, prevHash: newPrev }));
    raw.close();
    const result = verifyFile(path);
    expect(result).toMatchObject({ ok: false, checked: 3, firstProblem: { seq: 4, kind: 'edited' } });
    expect(result.firstProblem?.message).toMatch(/old hash format/);
  });

  it('does not verify a legacy entry whose columns were shifted around a NULL', () => {
    const path = legacyDatabase(5);
    openAppDatabase(path, { migrations }).db.close();
    const raw = new Database(path);
    loosen(raw);
    raw.exec(`UPDATE audit_log SET ${shifts[0][1]} WHERE seq = 3`);
    raw.close();
    expect(verifyFile(path)).toMatchObject({ ok: false, checked: 2, firstProblem: { seq: 3, kind: 'edited' } });
  });
});
