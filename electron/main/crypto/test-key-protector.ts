import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { KeyProtection } from '../../../shared/auth/key-protection';
import { openBuffer, sealToBuffer } from './aes-gcm';
import { createDataKeyring } from './data-keyring';
import type { FieldEncryption } from './field-encryption';
import { createSqliteFieldEncryption } from './sqlite-field-keys';
import { keyProtectorsFor } from './file-key-protector';
import type { KeyProtector } from './key-protector';

/**
 * A protector for tests and the browser harness: wraps with AES-GCM under a key derived from
 * `secret`, in memory. Two protectors with different secrets stand for "another machine".
 */
export function createTestKeyProtector(secret = 'rebinddesk test key', protection: KeyProtection = 'os-keychain'): KeyProtector {
  const key = createHash('sha256').update(secret).digest();
  return {
    protection,
    description: `test protector (${protection})`,
    protect: (dataKey) => sealToBuffer(key, dataKey, 'rebinddesk-test-wrap'),
    unprotect: (wrapped) => openBuffer(key, wrapped, 'rebinddesk-test-wrap'),
  };
}

/**
 * Field encryption under the test protector, for tests and benchmarks that need a keyring (the
 * rebind journal's). With `dataDir`, the protectors are the app's (keyProtectorsFor), the test
 * protector standing in for the OS keychain: it then also opens keys the CLI made under the local
 * key file of that directory.
 */
export function createTestFieldEncryption(connection: () => Database.Database, dataDir?: string): FieldEncryption {
  const protectors = dataDir === undefined ? [createTestKeyProtector()] : keyProtectorsFor(dataDir, createTestKeyProtector());
  return createSqliteFieldEncryption({ connection, keyring: createDataKeyring(protectors) });
}
