// The command-line passphrase (keys/cli-key.json): set by an admin in the app, it opens every data
// key for a keyring without the OS keychain (the CLI's), survives rotation, and a new passphrase
// retires the old one. The test protector stands in for safeStorage, which needs Electron.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliKeyFilePath, defaultPassphraseKdf, readCliKeyFile, WrongPassphraseError } from '../../../electron/main/crypto/cli-key-file';
import { refreshCliWraps, setCliPassphrase } from '../../../electron/main/crypto/cli-passphrase';
import { createDataKeyring } from '../../../electron/main/crypto/data-keyring';
import { createSqliteFieldEncryption } from '../../../electron/main/crypto/sqlite-field-keys';
import { createFileKeyProtector, keyProtectorsFor } from '../../../electron/main/crypto/file-key-protector';
import { rotateDataKey } from '../../../electron/main/crypto/key-rotation';
import { createCliPassphraseProtector } from '../../../electron/main/crypto/passphrase-protector';
import { createTestKeyProtector } from '../../../electron/main/crypto/test-key-protector';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-cli-passphrase-');
const admin = { operatorId: 1, username: 'admin', role: 'admin' as const };
const kdf = { ln: 12, r: 8, p: 1 };
const field = 'rebind_backups.params_secrets';

function setUp() {
  const dir = tempDir();
  const { db } = openAppDatabase(join(dir, 'rebinddesk.sqlite'), { migrations });
  const protectors = keyProtectorsFor(dir, createTestKeyProtector());
  const keyring = createDataKeyring(protectors);
  const app = createSqliteFieldEncryption({ connection: () => db, keyring });
  const set = (passphrase: string, actor = admin) => setCliPassphrase({ db, keyring, dataDir: dir, protectors, now: new Date(), kdf }, actor, passphrase);
  /** A keyring as the CLI builds it: the local key file and the passphrase, no keychain. */
  const cli = (passphrase: string) => {
    const file = readCliKeyFile(dir);
    if (file === null) throw new Error('no CLI key file');
    return createSqliteFieldEncryption({ connection: () => db, keyring: createDataKeyring([createFileKeyProtector(dir), createCliPassphraseProtector(file, passphrase)]) });
  };
  return { dir, db, keyring, app, set, cli };
}

describe('the command-line passphrase', () => {
  it('opens the app’s keys for the CLI, before and after a rotation; the file is private and holds no key in clear', () => {
    const { dir, db, keyring, app, set, cli } = setUp();
    const before = app.encrypt(field, '{"E0E1":"A1B2C3"}');
    expect(set('a depot passphrase, long enough')).toEqual({ wrapped: 1, unreadable: [] });
    expect(cli('a depot passphrase, long enough').decrypt(field, before)).toBe('{"E0E1":"A1B2C3"}');
    expect(statSync(cliKeyFilePath(dir)).mode & 0o777).toBe(0o600);
    expect(readFileSync(cliKeyFilePath(dir), 'utf8')).not.toContain('a depot passphrase');

    // Rotation wraps the new key for the CLI too, so values the app writes afterwards stay readable there.
    const rotated = rotateDataKey(db, keyring, admin);
    const after = app.encrypt(field, '{"E0E1":"3F9A0C"}');
    expect(after.split(':')[1]).toBe(rotated.toKeyId);
    expect(app.status().keys.find((k) => k.keyId === rotated.toKeyId)?.alsoWrappedBy).toEqual(['passphrase']);
    expect(cli('a depot passphrase, long enough').decrypt(field, after)).toBe('{"E0E1":"3F9A0C"}');
    // And the CLI writes under the active key the app reads.
    expect(app.decrypt(field, cli('a depot passphrase, long enough').encrypt(field, 'from the bench'))).toBe('from the bench');
  });

  it('a new passphrase retires the old one; the old one is refused with what happened', () => {
    const { app, set, cli } = setUp();
    const value = app.encrypt(field, 'x');
    set('the first passphrase of the depot');
    set('the second passphrase of the depot');
    expect(() => cli('the first passphrase of the depot')).toThrow(WrongPassphraseError);
    expect(() => cli('the first passphrase of the depot')).toThrow(/does not open .*cli-key\.json: it is wrong, or an admin set a new one/);
    expect(cli('the second passphrase of the depot').decrypt(field, value)).toBe('x');
  });

  it('is refused when short or not set by an admin, and nothing is written then', () => {
    const { dir, set } = setUp();
    expect(() => set('too short')).toThrow(/at least 16 characters; this one has 9/);
    expect(() => set('long enough for the policy', { operatorId: 2, username: 'eng', role: 'engineer' as never })).toThrow(/Only an admin/);
    expect(readCliKeyFile(dir)).toBeNull();
  });

  it('keys without a command-line wrap (a restored older backup) get one at the next start; nothing while none is set', () => {
    const { dir, db, keyring, app, set, cli } = setUp();
    const protectors = keyProtectorsFor(dir, createTestKeyProtector());
    expect(refreshCliWraps(db, keyring, protectors, new Date())).toEqual([]);
    const value = app.encrypt(field, 'x');
    set('the passphrase of the depot bench');
    // As if a backup from before the passphrase was restored: its keys have no wraps.
    db.prepare('DELETE FROM data_key_wraps').run();
    expect(() => cli('the passphrase of the depot bench').decrypt(field, value)).toThrow(/Encrypted data cannot be read/);
    const keyId = app.status().activeKeyId!;
    expect(refreshCliWraps(db, keyring, protectors, new Date())).toEqual([keyId]);
    expect(refreshCliWraps(db, keyring, protectors, new Date())).toEqual([]);
    expect(cli('the passphrase of the depot bench').decrypt(field, value)).toBe('x');
    expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'keys.cli-wraps-added'").get()).toEqual({ n: 1 });
  });

  it('costs scrypt N = 2^17, r = 8, p = 1 by default (OWASP’s floor)', () => {
    expect(defaultPassphraseKdf).toEqual({ ln: 17, r: 8, p: 1 });
  });
});
