import type { KeyStatus } from '../../../shared/auth/key-protection';
import type { DataKey, DataKeyring } from './data-keyring';
import { decryptFieldValue, encryptFieldValue } from './field-cipher';

/** Encrypts and decrypts field values (`v1:<keyId>:<iv>:<tag>:<ciphertext>`) with the keyring's keys. */
export interface FieldEncryption {
  /** The keyring underneath, for rotation. */
  readonly keyring: DataKeyring;
  /** Encrypts for `field` (`table.column`) under the active key, creating the first key if there is none. */
  encrypt(field: string, plaintext: string): string;
  /** Decrypts a stored value; throws FieldDecryptError or KeyUnavailableError and never writes. */
  decrypt(field: string, stored: string): string;
  /** Creates the first key if there is none (at start-up, so the status is known early) and reports the status. */
  ensureKey(): KeyStatus;
  /** The protection in force and the keys. */
  status(): KeyStatus;
}

/** The data keys as field encryption uses them (sqlite-field-keys.ts binds them to the database). */
export interface FieldKeys {
  /** The active key; the first one is created, audited, when there is none. Throws KeyUnavailableError when it cannot be unwrapped. */
  activeOrCreate(): DataKey;
  /** Any key, active or retired, by id; throws KeyUnavailableError. */
  keyFor(keyId: string): Buffer;
  status(): KeyStatus;
}

export interface FieldEncryptionDeps {
  keys: FieldKeys;
  keyring: DataKeyring;
}

export function createFieldEncryption(deps: FieldEncryptionDeps): FieldEncryption {
  const { keys, keyring } = deps;
  return {
    keyring,
    encrypt: (field, plaintext) => encryptFieldValue(keys.activeOrCreate(), field, plaintext),
    decrypt: (field, stored) => decryptFieldValue(keys.keyFor, field, stored),
    ensureKey() {
      keys.activeOrCreate();
      return keys.status();
    },
    status: () => keys.status(),
  };
}
