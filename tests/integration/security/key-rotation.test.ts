import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/main/audit/audit-verify';
import { encryptedColumns, type EncryptedColumn } from '../../../electron/main/crypto/encrypted-columns';
import { keyIdOf } from '../../../electron/main/crypto/field-cipher';
import { rotateDataKey } from '../../../electron/main/crypto/key-rotation';
import { useTempDir } from '../support/temp-dir';
import { auditActions, caught, openTestDatabase, securityServices, testClock } from './support';

const tempDir = useTempDir('rebinddesk-rotate-');
const admin = { operatorId: 1, username: 'an.admin', role: 'admin' as const };
const merchantColumns: EncryptedColumn[] = [
  { table: 'sample_merchants', column: 'bank_account', idColumn: 'id', entity: 'merchant', field: 'bankAccount', revealRoles: ['desk', 'admin'] },
  { table: 'sample_merchants', column: 'id_number', idColumn: 'id', entity: 'merchant', field: 'idNumber', revealRoles: ['admin'] },
];
const columns = [...encryptedColumns, ...merchantColumns];

/** 40 sample merchants with two encrypted columns (some NULL), under the first key. */
function seed(db: Database.Database) {
  const services = securityServices(db, testClock());
  db.exec('CREATE TABLE sample_merchants (id INTEGER PRIMARY KEY, name TEXT NOT NULL, bank_account TEXT, id_number TEXT) STRICT');
  const insert = db.prepare('INSERT INTO sample_merchants (id, name, bank_account, id_number) VALUES (?, ?, ?, ?)');
  const plain = new Map<string, string>();
  db.transaction(() => {
    for (let id = 1; id <= 40; id++) {
      const account = `62220212${String(id).padStart(8, '0')}`;
      const idNumber = id % 4 === 0 ? null : `11010119900307${String(id).padStart(4, '0')}`;
      insert.run(id, `Merchant ${id}`, services.encryption.encrypt('sample_merchants.bank_account', account), idNumber && services.encryption.encrypt('sample_merchants.id_number', idNumber));
      plain.set(`${id}.bank_account`, account);
      if (idNumber) plain.set(`${id}.id_number`, idNumber);
    }
  })();
  return { services, plain };
}

function stored(db: Database.Database) {
  return db.prepare<[], { id: number; bank_account: string; id_number: string | null }>('SELECT id, bank_account, id_number FROM sample_merchants ORDER BY id').all();
}

function decryptAll(db: Database.Database, services: ReturnType<typeof securityServices>, plain: Map<string, string>) {
  for (const row of stored(db)) {
    expect(services.encryption.decrypt('sample_merchants.bank_account', row.bank_account)).toBe(plain.get(`${row.id}.bank_account`));
    if (row.id_number) expect(services.encryption.decrypt('sample_merchants.id_number', row.id_number)).toBe(plain.get(`${row.id}.id_number`));
  }
}

describe('data key rotation', () => {
  it('re-encrypts every value under a new key, keeps the old one retired and records it', () => {
    const { db } = openTestDatabase(tempDir());
    const { services, plain } = seed(db);
    const oldKey = services.encryption.status().activeKeyId!;
    const result = rotateDataKey(db, services.keyring, admin, { columns });
    expect(result).toMatchObject({ fromKeyId: oldKey, reencrypted: 70 });
    expect(result.toKeyId).not.toBe(oldKey);
    for (const row of stored(db)) {
      expect(keyIdOf(row.bank_account)).toBe(result.toKeyId);
      if (row.id_number) expect(keyIdOf(row.id_number)).toBe(result.toKeyId);
    }
    decryptAll(db, services, plain);
    expect(services.encryption.status().keys.map((k) => [k.keyId, k.status])).toEqual(
      expect.arrayContaining([[oldKey, 'retired'], [result.toKeyId, 'active']]),
    );
    expect(auditActions(db).at(-1)).toBe('keys.rotated');
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });

  it('loses nothing when interrupted halfway: every value still decrypts with the old key', async () => {
    const { db } = openTestDatabase(tempDir());
    const { services, plain } = seed(db);
    const before = stored(db);
    const keysBefore = services.encryption.status();
    const actionsBefore = auditActions(db);
    let seen = 0;
    const error = await caught(() =>
      rotateDataKey(db, services.keyring, admin, {
        columns,
        onValue: (done) => {
          seen = done;
          if (done === 35) throw new Error('power cut');
        },
      }),
    );
    expect(error.message).toBe('power cut');
    expect(seen).toBe(35);
    expect(stored(db)).toEqual(before);
    expect(services.encryption.status()).toEqual(keysBefore);
    expect(auditActions(db)).toEqual(actionsBefore);
    for (const row of stored(db)) expect(keyIdOf(row.bank_account)).toBe(keysBefore.activeKeyId);
    decryptAll(db, services, plain);
    // And a later rotation completes.
    expect(rotateDataKey(db, services.keyring, admin, { columns }).reencrypted).toBe(70);
    decryptAll(db, services, plain);
    db.close();
  });

  it('stops, changing nothing, at a value it cannot decrypt', async () => {
    const { db } = openTestDatabase(tempDir());
    const { services } = seed(db);
    db.prepare("UPDATE sample_merchants SET bank_account = 'not encrypted' WHERE id = 17").run();
    const before = stored(db);
    const error = await caught(() => rotateDataKey(db, services.keyring, admin, { columns }));
    expect(error.message).toMatch(/sample_merchants\.bank_account cannot be read.*Nothing was changed/);
    expect(stored(db)).toEqual(before);
    expect(services.encryption.status().keys).toHaveLength(1);
    db.close();
  });

  it('covers the TOTP secrets of operators and refuses non-admins', async () => {
    const { db } = openTestDatabase(tempDir());
    const { services } = seed(db);
    const at = new Date().toISOString();
    db.prepare(
      "INSERT INTO operators (id, username, display_name, role, password_hash, password_changed_at, totp_secret, created_at, updated_at) VALUES (5, 'li.wei', 'Li Wei', 'desk', 'x', ?, ?, ?, ?)",
    ).run(at, services.encryption.encrypt('operators.totp_secret', 'GEZDGNBVGY3TQOJQ'), at, at);
    const result = rotateDataKey(db, services.keyring, admin);
    expect(result.reencrypted).toBe(1);
    const secret = db.prepare<[], { totp_secret: string }>('SELECT totp_secret FROM operators WHERE id = 5').get()!.totp_secret;
    expect(keyIdOf(secret)).toBe(result.toKeyId);
    expect(services.encryption.decrypt('operators.totp_secret', secret)).toBe('GEZDGNBVGY3TQOJQ');
    const refused = await caught(() => rotateDataKey(db, services.keyring, { operatorId: 5, username: 'li.wei', role: 'desk' }));
    expect(refused.message).toMatch(/Only an admin/);
    db.close();
  });
});
