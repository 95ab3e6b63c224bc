import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditHashInput, genesisHash } from '../../../shared/audit/audit-entry';
import { auditCsvHeader, exportAuditCsv } from '../../../electron/main/audit/audit-export';
import { sha256Hex } from '../../../electron/main/db/audit-hash';
import { AuditLog } from '../../../electron/main/db/audit-chain';
import { useTempDir } from '../support/temp-dir';
import { auditActions, caught, openTestDatabase, parseCsv } from './support';

const tempDir = useTempDir('rebinddesk-export-');
const admin = { operatorId: 1, username: 'an.admin', role: 'admin' as const };

function seed(db: Database.Database): void {
  db.transaction(() => {
    AuditLog.append(db, { actor: 'li.wei', action: 'case.update', entity: { type: 'case', id: 7 }, payload: { note: 'comma, "quotes"\nand a line break' } });
    AuditLog.append(db, { actor: 'zhang.min', action: 'terminal.push', entity: { type: 'terminal', id: 'T-0042' }, payload: { bank: '银行', ok: true } });
  })();
}

describe('audit CSV export', () => {
  it('writes every entry exactly, so an auditor can recompute the chain from the file', () => {
    const dir = tempDir();
    const { db } = openTestDatabase(dir);
    seed(db);
    const target = join(dir, 'audit.csv');
    const summary = exportAuditCsv(db, admin, target);
    expect(summary).toMatchObject({ entries: 2, verify: { ok: true, checked: 2 } });

    const text = readFileSync(target, 'utf8');
    const lines = parseCsv(text);
    expect(lines[0]).toEqual([...auditCsvHeader]);
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(2);
    expect(JSON.parse(rows[0]![6]!)).toEqual({ note: 'comma, "quotes"\nand a line break' });
    let prev = genesisHash;
    for (const [seq, time, actor, action, entityType, entityId, payload, prevHash, hash, hashFormat] of rows as string[][]) {
      expect(prevHash).toBe(prev);
      expect(hashFormat).toBe('2');
      const input = auditHashInput({ seq: Number(seq), time: time!, actor: actor!, action: action!, entityType: entityType!, entityId: entityId!, payload: payload!, prevHash: prevHash!, hashFormat: 2 });
      // Recomputable by anyone from the file: a JSON array of the format and the fields.
      expect(input).toBe(JSON.stringify([2, Number(seq), time, actor, action, entityType, entityId, payload, prevHash]));
      expect(sha256Hex(input!)).toBe(hash);
      prev = hash!;
    }
    expect(text).toMatch(new RegExp(`# chain head: seq 2, hash ${prev}; entries 2; verified: ok; exported \\S+ by an\\.admin\\r\\n$`));
    // The export is itself audited, after the entries it wrote.
    expect(auditActions(db)).toEqual(['case.update', 'terminal.push', 'audit.exported']);
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
    db.close();
  });

  it('says in the file when the chain is broken', () => {
    const dir = tempDir();
    const { db, path } = openTestDatabase(dir);
    seed(db);
    db.close();
    const raw = new Database(path);
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone.else' WHERE seq = 1;");
    raw.close();
    const { db: again } = openTestDatabase(dir);
    const target = join(dir, 'audit.csv');
    exportAuditCsv(again, admin, target);
    expect(readFileSync(target, 'utf8')).toMatch(/verified: BROKEN at entry 1 \(edited\)/);
    again.close();
  });

  it('refuses a non-admin and leaves no file', async () => {
    const dir = tempDir();
    const { db } = openTestDatabase(dir);
    seed(db);
    const target = join(dir, 'audit.csv');
    const error = await caught(() => exportAuditCsv(db, { operatorId: 2, username: 'li.wei', role: 'desk' }, target));
    expect(error.message).toMatch(/Only an admin/);
    expect(existsSync(target)).toBe(false);
    db.close();
  });

  it('leaves no file and no audit entry when writing fails', async () => {
    const dir = tempDir();
    const { db } = openTestDatabase(dir);
    seed(db);
    await caught(() => exportAuditCsv(db, admin, join(dir, 'no-such-dir', 'audit.csv')));
    expect(auditActions(db)).toEqual(['case.update', 'terminal.push']);
    db.close();
  });
});
