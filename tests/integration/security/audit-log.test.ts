import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditHashInput, genesisHash } from '../../../shared/audit/audit-entry';
import { AuditLog } from '../../../electron/main/db/audit-chain';
import { readAuditPage } from '../../../electron/main/audit/audit-rows';
import { verifyAuditChain } from '../../../electron/main/audit/audit-verify';
import { useTempDir } from '../support/temp-dir';
import { openTestDatabase } from './support';

const tempDir = useTempDir('rebinddesk-audit-');
const entry = (n: number, payload: Record<string, unknown> = { n }) => ({ actor: 'li.wei', action: 'case.update', entity: { type: 'case', id: n }, payload });

describe('AuditLog.append', () => {
  it('refuses to run outside a transaction', () => {
    const { db } = openTestDatabase(tempDir());
    expect(() => AuditLog.append(db, entry(1))).toThrow(/outside a transaction/);
    db.close();
  });

  it('chains each entry to the one before with a SHA-256 anyone can recompute', () => {
    const { db } = openTestDatabase(tempDir());
    const at = new Date('2025-03-03T01:00:00.000Z');
    db.transaction(() => {
      for (let i = 1; i <= 3; i++) AuditLog.append(db, entry(i, { z: i, a: 'first' }), at);
    })();
    const rows = readAuditPage(db, 0, 10);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prevHash).toBe(genesisHash);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    expect(rows[0]!.payload).toBe('{"a":"first","z":1}');
    for (const row of rows) {
      // Format 2: a JSON array of the format and the fields, never a separator join.
      expect(row.hashFormat).toBe(2);
      const text = JSON.stringify([2, row.seq, row.time, row.actor, row.action, row.entityType, row.entityId, row.payload, row.prevHash]);
      expect(auditHashInput(row)).toBe(text);
      expect(row.hash).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    db.close();
  });

  it('commits with the caller and rolls back with it', () => {
    const { db } = openTestDatabase(tempDir());
    expect(() =>
      db.transaction(() => {
        AuditLog.append(db, entry(1));
        throw new Error('the change failed');
      })(),
    ).toThrow('the change failed');
    expect(AuditLog.head(db)).toBeNull();
    db.transaction(() => AuditLog.append(db, entry(2)))();
    expect(AuditLog.head(db)?.seq).toBe(1);
    db.close();
  });

  it('keeps time order when the clock goes back', () => {
    const { db } = openTestDatabase(tempDir());
    db.transaction(() => {
      AuditLog.append(db, entry(1), new Date('2025-03-03T02:00:00.000Z'));
      AuditLog.append(db, entry(2), new Date('2025-03-03T01:00:00.000Z'));
    })();
    expect(readAuditPage(db, 0, 10).map((r) => r.time)).toEqual(['2025-03-03T02:00:00.000Z', '2025-03-03T02:00:00.000Z']);
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });

  it('refuses control characters in actor, action and entity, which would make the hash input ambiguous', () => {
    const { db } = openTestDatabase(tempDir());
    db.transaction(() => {
      expect(() => AuditLog.append(db, { ...entry(1), actor: 'li\u001fwei' })).toThrow(/actor/);
      expect(() => AuditLog.append(db, { ...entry(1), entity: { type: 'case', id: '' } })).toThrow(/entity id/);
    })();
    db.close();
  });
});

describe('verifyAuditChain on an intact log', () => {
  it('checks every entry, in pages of any size, with awkward payload text', () => {
    const { db } = openTestDatabase(tempDir());
    const payloads = [{ note: 'comma, "quote", back\\slash' }, { note: '换行\n和制表\t' }, { emoji: '🙂', sep: '\u001f\u001e\u001d' }, { nested: { b: [1, null, true], a: -0.5 } }];
    db.transaction(() => {
      for (let i = 0; i < 57; i++) AuditLog.append(db, entry(i, payloads[i % payloads.length]!), new Date(Date.UTC(2025, 2, 3, 1, 0, i)));
    })();
    for (const pageSize of [1, 7, 10_000]) {
      const result = verifyAuditChain(db, { pageSize });
      expect(result).toEqual({ ok: true, checked: 57, head: AuditLog.head(db), anchored: null, anchorsChecked: 0 });
    }
    db.close();
  });

  it('accepts an empty log', () => {
    const { db } = openTestDatabase(tempDir());
    expect(verifyAuditChain(db)).toEqual({ ok: true, checked: 0, head: null, anchored: null, anchorsChecked: 0 });
    db.close();
  });
});
