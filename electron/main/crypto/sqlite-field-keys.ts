import type Database from 'better-sqlite3';
import { securityAuditActions, systemActor } from '../../../shared/audit/audit-actions';
import type { KeyProtection } from '../../../shared/auth/key-protection';
import { audited } from '../db/audited';
import type { DataKey, DataKeyring } from './data-keyring';
import { createFieldEncryption, type FieldEncryption, type FieldKeys } from './field-encryption';

export interface SqliteFieldKeysDeps {
  /** The database whose keys these are, looked up at each call so a restore is followed. */
  connection: () => Database.Database;
  keyring: DataKeyring;
  now?: () => Date;
}

/** The keyring's keys in the current database, for field encryption (which holds no connection). */
export function createSqliteFieldKeys(deps: SqliteFieldKeysDeps): FieldKeys {
  const { connection, keyring } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    activeOrCreate() {
      const db = connection();
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
        (): { key: DataKey; created: KeyProtection | null } => {
          const existing = keyring.activeKey(db);
          if (existing) return { key: existing, created: null };
          const fresh = keyring.createKey(db, at);
          return { key: fresh, created: fresh.protection };
        },
      ).key;
    },
    keyFor: (keyId) => keyring.keyFor(connection(), keyId),
    status: () => keyring.status(connection()),
  };
}

/** Field encryption over the keys of the current database: the app's, a test's, the CLI's. */
export function createSqliteFieldEncryption(deps: SqliteFieldKeysDeps): FieldEncryption {
  return createFieldEncryption({ keys: createSqliteFieldKeys(deps), keyring: deps.keyring });
}
