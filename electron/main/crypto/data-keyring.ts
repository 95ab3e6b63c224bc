import { reason } from '../../../shared/errors/reason';
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { KeyProtection, KeyStatus } from '../../../shared/auth/key-protection';
import { KeyUnavailableError } from './crypto-errors';
import type { StoredDataKey } from './data-key-repository';
import type { KeyProtector } from './key-protector';
import { sqliteDataKeys } from './sqlite-data-key-repository';

/** A data key ready for use. */
export interface DataKey {
  keyId: string;
  key: Buffer;
}

/** The data keys stored (wrapped) in `data_keys`, unwrapped on first use and kept in memory. */
export interface DataKeyring {
  /** The active key, or null before the first one exists; throws KeyUnavailableError when it cannot be unwrapped. */
  activeKey(db: Database.Database): DataKey | null;
  /** Any key, active or retired, by id; throws KeyUnavailableError. */
  keyFor(db: Database.Database, keyId: string): Buffer;
  /** Creates a key, makes it the active one and retires the previous; call inside the caller's transaction. */
  createKey(db: Database.Database, now: Date): DataKey & { protection: KeyProtection };
  /** What the admin screen shows. */
  status(db: Database.Database): KeyStatus;
  /**
   * Gives every key this keyring can unwrap a fresh wrap by `protector` (replacing its earlier one);
   * call inside the caller's transaction. Returns the key ids wrapped and those it could not unwrap.
   */
  addWraps(db: Database.Database, protector: KeyProtector, now: Date): { wrapped: string[]; unreadable: string[] };
}

/** Creates the keyring over the given protectors; the first one wraps new keys. */
export function createDataKeyring(protectors: readonly KeyProtector[]): DataKeyring {
  const preferred = protectors[0];
  if (!preferred) throw new Error('At least one key protector is needed.');
  const unwrapped = new Map<string, { wrapped: Buffer; key: Buffer }>();
  const ready = (p: KeyProtector) => p.ready?.() ?? true;

  // The main wrap first, then the further wraps (data_key_wraps): the CLI, without the OS
  // keychain, opens a key through its passphrase wrap.
  const unwrap = (db: Database.Database, row: Pick<StoredDataKey, 'keyId' | 'wrappedKey' | 'protection'>): Buffer => {
    const cached = unwrapped.get(row.keyId);
    if (cached && cached.wrapped.equals(row.wrappedKey)) return cached.key;
    const wraps = [{ protection: row.protection, wrappedKey: row.wrappedKey }, ...sqliteDataKeys(db).wrapsOf(row.keyId)];
    const failures: { by: string; detail: string }[] = [];
    for (const wrap of wraps) {
      const protector = protectors.find((p) => p.protection === wrap.protection && ready(p));
      if (!protector) continue;
      let key: Buffer;
      try {
        key = protector.unprotect(wrap.wrappedKey);
      } catch (error) {
        failures.push({ by: protector.description, detail: (error as Error).message });
        continue;
      }
      if (key.length !== 32) throw new KeyUnavailableError(row.keyId, reason('key-not-32-bytes'));
      unwrapped.set(row.keyId, { wrapped: Buffer.from(row.wrappedKey), key });
      return key;
    }
    if (failures.length > 0) {
      throw new KeyUnavailableError(
        row.keyId,
        reason('key-not-unlocked', { protectors: failures.map((f) => f.by).join('; '), detail: failures.map((f) => f.detail).join('; ') }),
      );
    }
    throw new KeyUnavailableError(
      row.keyId,
      reason('key-protection-not-offered', { wanted: wraps.map((w) => w.protection).join(', '), offered: protectors.filter(ready).map((p) => p.description).join('; ') }),
    );
  };
  const alsoWrappedBy = (db: Database.Database, keyId: string): KeyProtection[] => sqliteDataKeys(db).wrapsOf(keyId).map((w) => w.protection);

  return {
    activeKey(db) {
      const row = sqliteDataKeys(db).active();
      return row ? { keyId: row.keyId, key: unwrap(db, row) } : null;
    },
    keyFor(db, keyId) {
      const row = sqliteDataKeys(db).byId(keyId);
      if (!row) throw new KeyUnavailableError(keyId, reason('key-not-in-database'));
      return unwrap(db, row);
    },
    createKey(db, now) {
      const key = randomBytes(32);
      const keyId = `k${randomBytes(6).toString('hex')}`;
      const wrapped = preferred.protect(key);
      // A keychain that wraps but cannot unwrap would make every value written under this key
      // unreadable later: prove the round trip before the key is used for anything.
      if (!preferred.unprotect(wrapped).equals(key)) throw new Error(`${preferred.description} did not give back the key it wrapped; no key was created.`);
      const at = now.toISOString();
      const keys = sqliteDataKeys(db);
      keys.replaceActive({ keyId, wrappedKey: wrapped, protection: preferred.protection }, at);
      // A new key is useless to the CLI unless its passphrase wrap comes with it (rotation too).
      for (const companion of protectors.filter((p) => p.companion === true && p !== preferred && ready(p))) {
        keys.putWrap(keyId, { protection: companion.protection, wrappedKey: companion.protect(key) }, at);
      }
      unwrapped.set(keyId, { wrapped, key });
      return { keyId, key, protection: preferred.protection };
    },
    status(db) {
      const rows = sqliteDataKeys(db).all();
      const active = rows.find((row) => row.status === 'active') ?? null;
      const protection = active?.protection ?? null;
      const description =
        protection === null
          ? `No data key yet; the first one will be protected by ${preferred.description}.`
          : `Data keys are protected by ${protectors.find((p) => p.protection === protection)?.description ?? protection}.`;
      return {
        protection,
        preferredProtection: preferred.protection,
        description,
        activeKeyId: active?.keyId ?? null,
        cliPassphraseSetAt: protectors.find((p) => p.protection === 'passphrase')?.configuredAt?.() ?? null,
        keys: rows.map((row) => ({
          keyId: row.keyId,
          status: row.status,
          protection: row.protection,
          alsoWrappedBy: alsoWrappedBy(db, row.keyId),
          createdAt: row.createdAt,
          retiredAt: row.retiredAt,
        })),
      };
    },
    addWraps(db, protector, now) {
      const result = { wrapped: [] as string[], unreadable: [] as string[] };
      const keys = sqliteDataKeys(db);
      for (const row of keys.all()) {
        let key: Buffer;
        try {
          key = unwrap(db, row);
        } catch {
          result.unreadable.push(row.keyId);
          continue;
        }
        keys.putWrap(row.keyId, { protection: protector.protection, wrappedKey: protector.protect(key) }, now.toISOString());
        result.wrapped.push(row.keyId);
      }
      return result;
    },
  };
}
