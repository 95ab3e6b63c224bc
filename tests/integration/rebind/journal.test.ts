// Migration 0003 and the journal's guarantees: backups and batch exports can be neither changed
// nor deleted, one open operation per terminal, every journal write committed with
// synchronous = FULL and audited in the same transaction.
import { createTestFieldEncryption } from '../../../electron/main/crypto/test-key-protector';
import { createParamsSealer } from '../../../electron/main/rebind/sealed-params';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/main/db/migrate';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { OpenOperationConflict, RebindStore } from '../../../electron/main/rebind/rebind-store';
import { linkLogKinds } from '../../../shared/rebind/rebind-outcome';
import type { LinkLogKind } from '../../../electron/main/terminal/link/link-log';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX } from '../../fixtures/rtp-vectors';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-journal-');

function freshStore(): { db: Database.Database; store: RebindStore } {
  const { db } = openAppDatabase(join(tempDir(), 'rebinddesk.sqlite'), { migrations });
  return { db, store: new RebindStore(() => db, () => new Date(), createParamsSealer(createTestFieldEncryption(() => db))) };
}

const identity = { protocolVersion: '1', vendor: 'PAX', model: 'A920', serialNumber: 'SN1', firmware: '1', tid: '12345678', mid: '898310048140001', acquirerId: '48021000', activeSlot: 'A' as const, activeDigest: SAMPLE_OLD_DIGEST_HEX, previousSlot: false, locked: false, maxBody: 1024 };

function openOperation(store: RebindStore, serialNumber: string | null): number {
  const op = store.createOperation({ portPath: '/dev/ttyUSB0', workOrder: {}, targetParams: { ...SAMPLE_NEW_PARAMETERS }, targetDigest: SAMPLE_NEW_DIGEST_HEX }, 'tester');
  if (serialNumber !== null) store.identify(op.id, { serialNumber, identity: { ...identity, serialNumber }, digestBefore: SAMPLE_OLD_DIGEST_HEX, overrideReason: null, mismatches: [] }, 'tester');
  return op.id;
}

describe('migration 0003 rebind journal', () => {
  it('upgrades a version-2 database', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const first = new Database(path);
    migrate(first, migrations.slice(0, 2));
    first.close();
    // Only up to 0003 here: later migrations have tests of their own.
    const { db, applied, schemaVersion } = openAppDatabase(path, { migrations: migrations.slice(0, 3) });
    expect(applied).toEqual([3]);
    expect(schemaVersion).toBe(3);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'rebind_%' ORDER BY name").all().map((t) => t.name);
    expect(tables).toEqual(['rebind_backups', 'rebind_batch_exports', 'rebind_link_logs', 'rebind_operations', 'rebind_steps']);
    db.close();
  });

  it('refuses to change or delete a backup or a batch export, and an operation that has a backup', () => {
    const { db, store } = freshStore();
    const id = openOperation(store, 'SN1');
    const batch = { count: 1, totalFen: 100, reversalPending: false, offlinePending: 0, batchNumber: '000001' };
    store.storeBackup(id, { serialNumber: 'SN1', identity, params: { A001: '12345678' }, digest: SAMPLE_OLD_DIGEST_HEX, batch, journal: [] }, 'tester');
    store.addBatchExport(id, batch, [], 'tester');
    expect(() => db.prepare("UPDATE rebind_backups SET digest = ? WHERE operation_id = ?").run('0'.repeat(64), id)).toThrow(/append-only: a backup cannot be changed/);
    expect(() => db.prepare('DELETE FROM rebind_backups').run()).toThrow(/append-only: a backup is never deleted/);
    expect(() => db.prepare('UPDATE rebind_batch_exports SET journal_json = ?').run('[]')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM rebind_batch_exports').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM rebind_operations WHERE id = ?').run(id)).toThrow(/FOREIGN KEY/);
    expect(store.backup(id)?.digest).toBe(SAMPLE_OLD_DIGEST_HEX);
    db.close();
  });

  it('allows one open operation per terminal serial number (closed ones and unidentified ones do not count)', () => {
    const { db, store } = freshStore();
    const first = openOperation(store, 'SN1');
    openOperation(store, null);
    openOperation(store, null);
    openOperation(store, 'SN2');
    const error = (() => {
      try {
        openOperation(store, 'SN1');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(OpenOperationConflict);
    expect(error).toMatchObject({ serialNumber: 'SN1', openOperationId: first });
    expect(() => db.prepare("INSERT INTO rebind_operations (status, phase, port_path, actor, work_order_json, target_params_json, target_digest, serial_number, created_at, updated_at) VALUES ('open', 'x', 'p', 'a', '{}', '{}', ?, 'SN1', 't', 't')").run(SAMPLE_NEW_DIGEST_HEX)).toThrow(/UNIQUE/);
    store.abandon(first, 'closed for the test', 'tester');
    expect(openOperation(store, 'SN1')).toBeGreaterThan(first);
    db.close();
  });

  it('commits every journal write with synchronous = FULL, then goes back to NORMAL, and refuses to run nested', () => {
    const { db } = openAppDatabase(join(tempDir(), 'rebinddesk.sqlite'), { migrations });
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    // The store reads its clock inside each write's transaction (the audit entry's time): the level there is the one the write commits at.
    const levels: number[] = [];
    const now = () => {
      if (db.inTransaction) levels.push(db.pragma('synchronous', { simple: true }) as number);
      return new Date();
    };
    const store = new RebindStore(() => db, now, createParamsSealer(createTestFieldEncryption(() => db)));
    const id = openOperation(store, 'SN1');
    expect(levels.length).toBeGreaterThan(0);
    expect(new Set(levels)).toEqual(new Set([2]));
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(() => db.transaction(() => store.stepStarted(id, 1, 2, 'backup', 'tester'))()).toThrow(/inside another transaction/);
    db.close();
  });

  it('writes a step and its audit entry together or not at all', () => {
    const { db, store } = freshStore();
    const id = openOperation(store, 'SN1');
    const before = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    // An actor the audit log refuses makes the whole transaction roll back.
    expect(() => store.stepStarted(id, 1, 1, 'backup', 'bad\u0001actor')).toThrow(/Audit actor/);
    expect(store.steps(id)).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before);
    const stepId = store.stepStarted(id, 1, 1, 'backup', 'tester');
    store.stepFinished(id, stepId, 'backup', 'ok', 12.5, { digest: SAMPLE_OLD_DIGEST_HEX }, null, 'tester');
    expect(store.steps(id)).toEqual([expect.objectContaining({ step: 'backup', status: 'ok', durationMs: 12.5, detail: { digest: SAMPLE_OLD_DIGEST_HEX } })]);
    const actions = db.prepare("SELECT action FROM audit_log WHERE entity_type = 'rebind-operation' ORDER BY seq").all().map((r) => (r as { action: string }).action);
    expect(actions).toEqual(['rebind.started', 'rebind.identified', 'rebind.step-started', 'rebind.step-finished']);
    db.close();
  });

  it('marks the steps a stopped app left running as interrupted when a new session starts', () => {
    const { db, store } = freshStore();
    const id = openOperation(store, 'SN1');
    store.stepStarted(id, 1, 1, 'commit', 'tester');
    expect(store.startSession(id, 'tester', 'resume')).toBe(2);
    expect(store.steps(id)).toEqual([expect.objectContaining({ step: 'commit', status: 'interrupted', error: 'The app stopped while this step ran.' })]);
    db.close();
  });

  it('knows every kind of link log line the link logger writes', () => {
    // A compile-time check both ways: the shared list and the link logger's type stay equal.
    const fromShared: readonly LinkLogKind[] = linkLogKinds;
    const all: Record<LinkLogKind, true> = { frame: true, control: true, 'bad-frame': true, discarding: true, stalled: true, noise: true, timer: true, retry: true, ignored: true, progress: true, state: true };
    expect([...fromShared].sort()).toEqual(Object.keys(all).sort());
  });
});
