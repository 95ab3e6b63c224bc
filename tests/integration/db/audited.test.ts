import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readAuditPage } from '../../../electron/main/audit/audit-rows';
import { verifyAuditChain } from '../../../electron/main/audit/audit-verify';
import { AuditLog } from '../../../electron/main/db/audit-chain';
import { audited, auditedOn, auditedRecording, type AuditedEntry } from '../../../electron/main/db/audited';
import { useTempDir } from '../support/temp-dir';
import { openTestDatabase } from '../security/support';

const tempDir = useTempDir('rebinddesk-audited-');
const at = new Date('2025-03-03T01:00:00.000Z');
const entry = (action: string, payload: Record<string, unknown> = {}): AuditedEntry => ({ actor: 'li.wei', action, entity: { type: 'setting', id: 'locale' }, payload, at });

function fresh() {
  const { db } = openTestDatabase(tempDir());
  const setLocale = (value: string) =>
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('locale', ?, 't') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(value);
  const locale = () => (db.prepare("SELECT value FROM settings WHERE key = 'locale'").get() as { value: string } | undefined)?.value;
  const actions = () => readAuditPage(db, 0, 100).map((r) => r.action);
  return { db, setLocale, locale, actions };
}

describe('audited()', () => {
  it('commits the change and its entry together and returns what the work returned', () => {
    const { db, setLocale, locale, actions } = fresh();
    const result = audited(db, entry('setting.changed', { key: 'locale' }), () => {
      setLocale('"en-US"');
      return 42;
    });
    expect(result).toBe(42);
    expect(locale()).toBe('"en-US"');
    expect(actions()).toEqual(['setting.changed']);
    expect(readAuditPage(db, 0, 1)[0]).toMatchObject({ time: at.toISOString(), actor: 'li.wei', entityType: 'setting', entityId: 'locale', payload: '{"key":"locale"}' });
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });

  it('rolls the change and the entry back when the work throws', () => {
    const { db, setLocale, locale, actions } = fresh();
    expect(() =>
      audited(db, entry('setting.changed'), () => {
        setLocale('"en-US"');
        throw new Error('refused half-way');
      }),
    ).toThrow(/refused half-way/);
    expect(locale()).toBeUndefined();
    expect(actions()).toEqual([]);
    db.close();
  });

  it('rolls the change back when its entry is refused by the audit log', () => {
    const { db, setLocale, locale, actions } = fresh();
    expect(() => audited(db, { ...entry('setting.changed'), actor: 'bad\u0001actor' }, () => setLocale('"en-US"'))).toThrow(/Audit actor/);
    expect(locale()).toBeUndefined();
    expect(actions()).toEqual([]);
    db.close();
  });

  it('computes the entries from the work result: one, several or none', () => {
    const { db, setLocale, actions } = fresh();
    const changed = audited(
      db,
      (n: number) => [entry('first', { n }), entry('second', { n })],
      () => Number(setLocale('"zh-CN"').changes),
    );
    expect(changed).toBe(1);
    expect(readAuditPage(db, 0, 10).map((r) => [r.action, r.payload])).toEqual([['first', '{"n":1}'], ['second', '{"n":1}']]);
    expect(audited(db, (found: string | null) => (found === null ? null : entry('found')), () => null)).toBeNull();
    expect(actions()).toEqual(['first', 'second']);
    db.close();
  });

  it('records an entry with no change, and a refusal recorded before it is thrown outside the transaction', () => {
    const { db, actions } = fresh();
    audited(db, entry('screen.locked'), () => undefined);
    const refuse = () => {
      const refused = audited(db, (why: string) => entry('field.reveal-refused', { why }), () => 'role');
      throw new Error(`refused: ${refused}`);
    };
    expect(refuse).toThrow(/refused: role/);
    expect(actions()).toEqual(['screen.locked', 'field.reveal-refused']);
    db.close();
  });

  it('takes the write lock first (BEGIN IMMEDIATE)', () => {
    const { db } = fresh();
    // A second connection to the same file finds the write lock taken while the work runs.
    const same = new Database(db.name, { timeout: 0 });
    let lockedMeanwhile = false;
    audited(db, entry('x'), () => {
      try {
        same.exec('BEGIN IMMEDIATE');
        same.exec('ROLLBACK');
      } catch (error) {
        lockedMeanwhile = /locked|busy/i.test(String(error));
      }
    });
    expect(lockedMeanwhile).toBe(true);
    same.close();
    db.close();
  });

  it('joins an enclosing transaction: both roll back together', () => {
    const { db, setLocale, locale, actions } = fresh();
    expect(() =>
      db.transaction(() => {
        audited(db, entry('inner'), () => setLocale('"en-US"'));
        throw new Error('outer failed');
      })(),
    ).toThrow(/outer failed/);
    expect(locale()).toBeUndefined();
    expect(actions()).toEqual([]);
    db.close();
  });

  it('commits a durable operation with synchronous = FULL, goes back to NORMAL, and refuses to run nested', () => {
    const { db, actions } = fresh();
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(audited(db, entry('journal.step'), () => db.pragma('synchronous', { simple: true }), { durability: 'full' })).toBe(2);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(() => db.transaction(() => audited(db, entry('nested'), () => 1, { durability: 'full' }))()).toThrow(/inside another transaction/);
    expect(() => audited(db, entry('failing'), () => { throw new Error('no'); }, { durability: 'full' })).toThrow('no');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(actions()).toEqual(['journal.step']);
    db.close();
  });

  it('returns the records it appended when asked (auditedRecording), the head among them', () => {
    const { db, actions } = fresh();
    const none = auditedRecording(db, null, () => 'nothing');
    expect(none).toEqual({ result: 'nothing', records: [] });
    const { result, records } = auditedRecording(db, [entry('first'), entry('second')], () => 7);
    expect(result).toBe(7);
    expect(records.map((r) => [r.seq, r.action])).toEqual([[1, 'first'], [2, 'second']]);
    expect(AuditLog.head(db)).toEqual({ seq: records[1]?.seq, hash: records[1]?.hash });
    expect(actions()).toEqual(['first', 'second']);
    db.close();
  });

  it('appends entries from any iterable, produced as they are appended', () => {
    const { db, actions } = fresh();
    function* entries() {
      for (const n of [1, 2, 3]) yield entry(`generated.${n}`);
    }
    audited(db, entries(), () => undefined);
    expect(actions()).toEqual(['generated.1', 'generated.2', 'generated.3']);
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });

  it('auditedOn follows the current connection (a restore opens a new one)', () => {
    let current = fresh();
    const first = current;
    const write = auditedOn(() => current.db);
    write(entry('on-first'), () => undefined);
    current = fresh();
    write(entry('on-second'), () => undefined);
    const { records } = write.recording(entry('on-second-recorded'), () => undefined);
    expect(records.map((r) => r.action)).toEqual(['on-second-recorded']);
    expect(first.actions()).toEqual(['on-first']);
    expect(current.actions()).toEqual(['on-second', 'on-second-recorded']);
    first.db.close();
    current.db.close();
  });

  it('writes the outbox rows of the changes an entry lists, under one operation id per audited operation, tied to their entries', () => {
    const { db, setLocale } = fresh();
    const outbox = () => db.prepare('SELECT operation_id AS op, entity, entity_id AS id, base_version AS base, change, actor, at, audit_seq AS auditSeq FROM outbox ORDER BY seq').all() as Record<string, unknown>[];
    const merchant = { entity: 'merchant', id: '0190a6e4-1111-7000-8000-000000000001', baseVersion: null, change: { name: '兰州拉面', version: 1 } };
    const terminal = { entity: 'terminal', id: '0190a6e4-1111-7000-8000-000000000002', baseVersion: 3, change: { tid: '12345678', version: 4 } };
    audited(db, [{ ...entry('merchant.created'), changes: [merchant] }, { ...entry('terminal.updated'), changes: [terminal] }], () => setLocale('"zh-CN"'));
    audited(db, entry('setting.changed'), () => setLocale('"en-US"'));
    audited(db, { ...entry('merchant.updated'), changes: [{ ...merchant, baseVersion: 1, change: { name: '兰州牛肉面', version: 2 } }] }, () => undefined);
    const rows = outbox();
    expect(rows.map((r) => [r.entity, r.id, r.base, r.change])).toEqual([
      ['merchant', merchant.id, null, '{"name":"兰州拉面","version":1}'],
      ['terminal', terminal.id, 3, '{"tid":"12345678","version":4}'],
      ['merchant', merchant.id, 1, '{"name":"兰州牛肉面","version":2}'],
    ]);
    expect(rows[0]!.op).toBe(rows[1]!.op);
    expect(rows[2]!.op).not.toBe(rows[0]!.op);
    expect(String(rows[0]!.op)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const seqs = readAuditPage(db, 0, 10).map((r) => ({ seq: r.seq, action: r.action }));
    expect(rows.map((r) => seqs.find((s) => s.seq === r.auditSeq)?.action)).toEqual(['merchant.created', 'terminal.updated', 'merchant.updated']);
    expect(rows.every((r) => r.actor === 'li.wei' && r.at === at.toISOString())).toBe(true);
    db.close();
  });

  it('keeps no outbox row when the work throws', () => {
    const { db } = fresh();
    const change = { entity: 'merchant', id: '0190a6e4-1111-7000-8000-000000000001', baseVersion: null, change: { name: 'x' } };
    expect(() => audited(db, { ...entry('merchant.created'), changes: [change] }, () => { throw new Error('refused'); })).toThrow('refused');
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    db.close();
  });
});
