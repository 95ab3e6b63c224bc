import type Database from 'better-sqlite3';
import { securityAuditActions, systemActor } from '../../../shared/audit/audit-actions';
import type { KeyStatus } from '../../../shared/auth/key-protection';
import { audited } from '../db/audited';
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

export interface FieldEncryptionDeps {
  connection: () => Database.Database;
  keyring: DataKeyring;
  now?: () => Date;
}

export function createFieldEncryption(deps: FieldEncryptionDeps): FieldEncryption {
  const { connection, keyring } = deps;
  const now = deps.now ?? (() => new Date());

  const activeOrNew = (db: Database.Database): DataKey => {
    const active = keyring.activeKey(db);
    if (active) return active;
    // Only when there is no key at all: a key that exists but cannot be unwrapped throws above,
    // and must never be replaced by a new one (old values would stay unreadable).
    // IMMEDIATE, and look again inside: another process (two `rebind run` on a fresh data
    // directory) may have created the first key since; a deferred read-then-write would fail
    // with SQLITE_BUSY_SNAPSHOT, and two first keys would be one too many.
    const at = now();
    return audited(
      db,
      // Nothing to record when the other process made it: its entry is in the log already.
      ({ key, created }) => (created ? { actor: systemActor, action: securityAuditActions.dataKeyCreated, entity: { type: 'data-key', id: key.keyId }, payload: { protection: created }, at } : null),
      () => {
        const existing = keyring.activeKey(db);
        if (existing) return { key: existing, created: null };
        const fresh = keyring.createKey(db, at);
        return { key: fresh, created: fresh.protection };
      },
    ).key;
  };

  return {
    keyring,
    encrypt(field, plaintext) {
      return encryptFieldValue(activeOrNew(connection()), field, plaintext);
    },
    decrypt(field, stored) {
      return decryptFieldValue(connection(), keyring, field, stored);
    },
    ensureKey() {
      const db = connection();
      activeOrNew(db);
      return keyring.status(db);
    },
    status() {
      return keyring.status(connection());
    },
  };
}
