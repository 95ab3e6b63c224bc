// Key indexes and key check values (E0E0, E0E1) in the rebind journal: encrypted at rest with the
// field keyring (migration 0007), rows of older databases sealed at open, rotation covering them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDataKeyring } from '../../../electron/main/crypto/data-keyring';
import { createSqliteFieldEncryption } from '../../../electron/main/crypto/sqlite-field-keys';
import { rotateDataKey } from '../../../electron/main/crypto/key-rotation';
import { createTestKeyProtector } from '../../../electron/main/crypto/test-key-protector';
import { migrate } from '../../../electron/main/db/migrate';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { RebindStore } from '../../../electron/main/rebind/rebind-store';
import { sealClearParams } from '../../../electron/main/rebind/seal-clear-params';
import { createParamsSealer } from '../../../electron/main/rebind/sealed-params';
import { rebindAuditActions } from '../../../shared/rebind/rebind-audit';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX, SAMPLE_OLD_PARAMETERS } from '../../fixtures/rtp-vectors';
import { useTempDir } from '../support/temp-dir';
import { clearSecretHits } from './support/secret-scan';

const tempDir = useTempDir('rebinddesk-sealed-params-');
const admin = { operatorId: 1, username: 'admin', role: 'admin' as const };
const identity = { protocolVersion: '1', vendor: 'PAX', model: 'A920', serialNumber: 'SN1', firmware: '1', tid: '12345678', mid: '898310048140001', acquirerId: '48021000', activeSlot: 'A' as const, activeDigest: SAMPLE_OLD_DIGEST_HEX, previousSlot: false, locked: false, maxBody: 1024 };
const batch = { count: 0, totalFen: 0, reversalPending: false, offlinePending: 0, batchNumber: '000001' };
const kcvs = [SAMPLE_OLD_PARAMETERS['E0E1']!, SAMPLE_NEW_PARAMETERS['E0E1']!];

function journal(db: Database.Database) {
  const encryption = createSqliteFieldEncryption({ connection: () => db, keyring: createDataKeyring([createTestKeyProtector()]) });
  const sealer = createParamsSealer(encryption);
  return { encryption, sealer, store: new RebindStore(() => db, () => new Date(), sealer) };
}

describe('the rebind journal keeps E0E0 and E0E1 encrypted', () => {
  it('stores a target set and a backup with the secret tags in their encrypted column only, and reads them back whole', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const { db } = openAppDatabase(path, { migrations });
    const { store } = journal(db);
    const op = store.createOperation({ portPath: '/dev/ttyUSB0', workOrder: {}, targetParams: { ...SAMPLE_NEW_PARAMETERS }, targetDigest: SAMPLE_NEW_DIGEST_HEX }, 'tester');
    store.identify(op.id, { serialNumber: 'SN1', identity, digestBefore: SAMPLE_OLD_DIGEST_HEX, overrideReason: null, mismatches: [] }, 'tester');
    store.storeBackup(op.id, { serialNumber: 'SN1', identity, params: { ...SAMPLE_OLD_PARAMETERS }, digest: SAMPLE_OLD_DIGEST_HEX, batch, journal: [] }, 'tester');

    const row = db.prepare<[], { target_params_json: string; target_secrets: string }>('SELECT target_params_json, target_secrets FROM rebind_operations').get()!;
    expect(Object.keys(JSON.parse(row.target_params_json))).not.toContain('E0E1');
    expect(Object.keys(JSON.parse(row.target_params_json))).not.toContain('E0E0');
    expect(row.target_secrets).toMatch(/^v1:k[0-9a-f]{12}:/);
    const backup = db.prepare<[], { params_json: string; params_secrets: string }>('SELECT params_json, params_secrets FROM rebind_backups').get()!;
    expect(Object.keys(JSON.parse(backup.params_json))).not.toContain('E0E1');
    expect(backup.params_secrets).toMatch(/^v1:/);

    expect(store.get(op.id)?.targetParams).toEqual(SAMPLE_NEW_PARAMETERS);
    expect(store.backup(op.id)?.params).toEqual(SAMPLE_OLD_PARAMETERS);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(clearSecretHits(readFileSync(path), kcvs)).toEqual([]);
  });

  it('migration 0007: seals rows journaled before it at open (audited, bytes gone from the file), and the backup trigger allows nothing else', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    migrate(old, migrations.slice(0, 3));
    // What the version-3 journal wrote: the whole set as clear JSON.
    const at = new Date().toISOString();
    old.prepare(
      `INSERT INTO rebind_operations (id, status, phase, port_path, actor, work_order_json, target_params_json, target_digest, created_at, updated_at, serial_number)
       VALUES (1, 'open', 'commit', '/dev/ttyUSB0', 'cli', '{}', ?, ?, ?, ?, 'SN1')`,
    ).run(JSON.stringify(SAMPLE_NEW_PARAMETERS), SAMPLE_NEW_DIGEST_HEX, at, at);
    old.prepare('INSERT INTO rebind_backups (operation_id, serial_number, identity_json, params_json, digest, batch_json, journal_json, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)').run(
      'SN1',
      JSON.stringify(identity),
      JSON.stringify(SAMPLE_OLD_PARAMETERS),
      SAMPLE_OLD_DIGEST_HEX,
      JSON.stringify(batch),
      '[]',
      at,
    );
    old.close();
    expect(clearSecretHits(readFileSync(path), kcvs).length).toBeGreaterThan(0);

    const { db, applied } = openAppDatabase(path, { migrations });
    expect(applied).toContain(6);
    const { store, sealer, encryption } = journal(db);
    // Unsealed rows still read whole (the app seals right after opening, but a reader never depends on it).
    expect(store.get(1)?.targetParams).toEqual(SAMPLE_NEW_PARAMETERS);
    expect(sealClearParams(db, sealer)).toEqual({ operations: 1, backups: 1 });
    expect(sealClearParams(db, sealer)).toEqual({ operations: 0, backups: 0 });
    expect(store.get(1)?.targetParams).toEqual(SAMPLE_NEW_PARAMETERS);
    expect(store.backup(1)?.params).toEqual(SAMPLE_OLD_PARAMETERS);
    const sealedAudit = db.prepare<[string], { payload: string }>('SELECT payload FROM audit_log WHERE action = ?').all(rebindAuditActions.paramsSealed);
    expect(sealedAudit.map((e) => JSON.parse(e.payload))).toEqual([{ operations: 1, backups: 1 }]);

    // Append-only still: no other change to a backup, and a sealed set cannot lose its secrets.
    expect(() => db.prepare('UPDATE rebind_backups SET digest = ?').run('0'.repeat(64))).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE rebind_backups SET params_secrets = NULL').run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE rebind_backups SET params_json = '{}'`).run()).toThrow(/append-only/);

    // Rotation re-encrypts both new columns; the sets still read whole.
    const before = db.prepare<[], { s: string }>('SELECT params_secrets AS s FROM rebind_backups').get()!.s;
    const rotated = rotateDataKey(db, encryption.keyring, admin);
    expect(rotated.reencrypted).toBe(2);
    const after = db.prepare<[], { s: string }>('SELECT params_secrets AS s FROM rebind_backups').get()!.s;
    expect(after.split(':')[1]).toBe(rotated.toKeyId);
    expect(after).not.toBe(before);
    expect(store.backup(1)?.params).toEqual(SAMPLE_OLD_PARAMETERS);
    expect(store.get(1)?.targetParams).toEqual(SAMPLE_NEW_PARAMETERS);

    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(clearSecretHits(readFileSync(path), kcvs)).toEqual([]);
  });
});
