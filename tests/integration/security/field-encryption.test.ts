import { statSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maskLast4 } from '../../../shared/auth/mask';
import { FieldDecryptError, KeyUnavailableError } from '../../../electron/main/crypto/crypto-errors';
import { createDataKeyring } from '../../../electron/main/crypto/data-keyring';
import { createSqliteFieldEncryption } from '../../../electron/main/crypto/sqlite-field-keys';
import { createFileKeyProtector, keyProtectorsFor, localKeyFilePath } from '../../../electron/main/crypto/file-key-protector';
import { createTestKeyProtector } from '../../../electron/main/crypto/test-key-protector';
import type { KeyProtector } from '../../../electron/main/crypto/key-protector';
import type Database from 'better-sqlite3';
import { useTempDir } from '../support/temp-dir';
import { auditActions, caught, openTestDatabase } from './support';

const tempDir = useTempDir('rebinddesk-crypto-');
const field = 'sample_merchants.bank_account';
const account = '6222 0212 3456 7890';

function encryptionOver(db: Database.Database, protectors: KeyProtector[]) {
  return createSqliteFieldEncryption({ connection: () => db, keyring: createDataKeyring(protectors) });
}

function storeAccount(db: Database.Database, blob: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS sample_merchants (id INTEGER PRIMARY KEY, bank_account TEXT)');
  db.prepare('INSERT INTO sample_merchants (id, bank_account) VALUES (1, ?)').run(blob);
}

const storedAccount = (db: Database.Database) => db.prepare<[], { bank_account: string }>('SELECT bank_account FROM sample_merchants WHERE id = 1').get()!.bank_account;

describe('field encryption (AES-256-GCM)', () => {
  it('round-trips, with a fresh IV every time and the key id in the stored text', () => {
    const { db } = openTestDatabase(tempDir());
    const fields = encryptionOver(db, [createTestKeyProtector()]);
    const one = fields.encrypt(field, account);
    const two = fields.encrypt(field, account);
    expect(one).not.toBe(two);
    const status = fields.status();
    expect(one).toMatch(new RegExp(`^v1:${status.activeKeyId}:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]+$`));
    expect(one).not.toContain('6222');
    expect(fields.decrypt(field, one)).toBe(account);
    expect(fields.decrypt(field, two)).toBe(account);
    expect(fields.encrypt(field, '')).toMatch(/^v1:/);
    expect(fields.decrypt(field, fields.encrypt(field, '身份证 11010119900307777X'))).toBe('身份证 11010119900307777X');
    db.close();
  });

  it('creates the first key once, wrapped, and records it in the audit log', () => {
    const { db } = openTestDatabase(tempDir());
    const fields = encryptionOver(db, [createTestKeyProtector()]);
    expect(fields.status()).toMatchObject({ protection: null, activeKeyId: null, keys: [] });
    fields.encrypt(field, account);
    fields.encrypt(field, account);
    const status = fields.status();
    expect(status).toMatchObject({ protection: 'os-keychain', preferredProtection: 'os-keychain', keys: [{ status: 'active', protection: 'os-keychain' }] });
    const wrapped = db.prepare<[], { wrapped_key: Buffer }>('SELECT wrapped_key FROM data_keys').get()!.wrapped_key;
    expect(wrapped.length).toBeGreaterThan(32);
    expect(auditActions(db)).toEqual(['keys.created']);
    db.close();
  });

  it('refuses to decrypt with the wrong key, says why, and leaves the ciphertext alone', async () => {
    const dir = tempDir();
    const { db } = openTestDatabase(dir);
    storeAccount(db, encryptionOver(db, [createTestKeyProtector('this machine')]).encrypt(field, account));
    const before = storedAccount(db);
    const keysBefore = db.prepare('SELECT * FROM data_keys').all();

    const elsewhere = encryptionOver(db, [createTestKeyProtector('another machine')]);
    const error = await caught(() => elsewhere.decrypt(field, storedAccount(db)));
    expect(error).toBeInstanceOf(KeyUnavailableError);
    expect(error.message).toMatch(/cannot be unlocked by .*another machine or for another user.*Nothing was changed/);
    // Asking for a new value must not quietly replace the key either.
    expect((await caught(() => elsewhere.encrypt(field, 'x'))).message).toMatch(/cannot be unlocked/);
    expect(storedAccount(db)).toBe(before);
    expect(db.prepare('SELECT * FROM data_keys').all()).toEqual(keysBefore);
    expect(encryptionOver(db, [createTestKeyProtector('this machine')]).decrypt(field, before)).toBe(account);
    db.close();
  });

  it('names a key missing from the database', async () => {
    const { db } = openTestDatabase(tempDir());
    const fields = encryptionOver(db, [createTestKeyProtector()]);
    const blob = fields.encrypt(field, account).replace(/^v1:k[0-9a-f]{12}:/, 'v1:k0000deadbeef:');
    const error = await caught(() => fields.decrypt(field, blob));
    expect(error).toBeInstanceOf(KeyUnavailableError);
    expect(error.message).toMatch(/k0000deadbeef is not in this database/);
    db.close();
  });

  it('refuses a changed ciphertext, a value moved to another column, and plain text', async () => {
    const { db } = openTestDatabase(tempDir());
    const fields = encryptionOver(db, [createTestKeyProtector()]);
    const blob = fields.encrypt(field, account);
    const parts = blob.split(':');
    const data = Buffer.from(parts[4]!, 'base64');
    data[0]! ^= 1;
    const flipped = [...parts.slice(0, 4), data.toString('base64')].join(':');
    for (const [name, value, column] of [['flipped', flipped, field], ['moved', blob, 'sample_merchants.id_number'], ['plain', account, field]] as const) {
      const error = await caught(() => fields.decrypt(column, value));
      expect(error, name).toBeInstanceOf(FieldDecryptError);
      expect(error.message).toMatch(/Nothing was changed/);
    }
    db.close();
  });

  it('masks all but the last four characters for display', () => {
    expect(maskLast4(account)).toBe('••••••••••••7890');
  });
});

describe('key protectors', () => {
  it('falls back to a plain key file, says so, and keeps it private', () => {
    const dir = tempDir();
    const { db } = openTestDatabase(dir);
    const fields = encryptionOver(db, keyProtectorsFor(dir, null));
    expect(fields.status().preferredProtection).toBe('plaintext-file');
    expect(existsSync(localKeyFilePath(dir))).toBe(false);
    const blob = fields.encrypt(field, account);
    const status = fields.status();
    expect(status.protection).toBe('plaintext-file');
    expect(status.description).toMatch(/plain file .*no OS keychain/);
    const file = localKeyFilePath(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ protection: 'plaintext-file', note: expect.stringMatching(/anyone who can read this file/) });
    // A new protector (as after a restart) reads the same file and so the value.
    expect(encryptionOver(db, [createFileKeyProtector(dir)]).decrypt(field, blob)).toBe(account);
    db.close();
  });

  it('reports a missing key file clearly and does not make a new one', async () => {
    const dir = tempDir();
    const { db } = openTestDatabase(dir);
    const blob = encryptionOver(db, [createFileKeyProtector(dir)]).encrypt(field, account);
    rmSync(localKeyFilePath(dir));
    const error = await caught(() => encryptionOver(db, [createFileKeyProtector(dir)]).decrypt(field, blob));
    expect(error).toBeInstanceOf(KeyUnavailableError);
    expect(error.message).toMatch(/local-key\.json is missing/);
    expect(existsSync(localKeyFilePath(dir))).toBe(false);
    db.close();
  });

  it('still reads keys of the file protector once a keychain is preferred', () => {
    const dir = tempDir();
    const { db } = openTestDatabase(dir);
    const blob = encryptionOver(db, keyProtectorsFor(dir, null)).encrypt(field, account);
    const withKeychain = encryptionOver(db, keyProtectorsFor(dir, createTestKeyProtector()));
    expect(withKeychain.decrypt(field, blob)).toBe(account);
    expect(withKeychain.status()).toMatchObject({ protection: 'plaintext-file', preferredProtection: 'os-keychain' });
    db.close();
  });

  it('refuses a key protected by a keychain this machine does not offer', async () => {
    const dir = tempDir();
    const { db } = openTestDatabase(dir);
    const blob = encryptionOver(db, [createTestKeyProtector()]).encrypt(field, account);
    const error = await caught(() => encryptionOver(db, keyProtectorsFor(dir, null)).decrypt(field, blob));
    expect(error.message).toMatch(/protected by os-keychain, which this machine does not offer now/);
    db.close();
  });
});
