import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { KeyProtection, KeyStatus } from '../../../shared/auth/key-protection';
import { KeyUnavailableError } from './crypto-errors';
import type { KeyProtector } from './key-protector';

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

interface KeyRow {
  key_id: string;
  wrapped_key: Buffer;
  protection: KeyProtection;
  status: 'active' | 'retired';
  created_at: string;
  retired_at: string | null;
}

/** Creates the keyring over the given protectors; the first one wraps new keys. */
export function createDataKeyring(protectors: readonly KeyProtector[]): DataKeyring {
  const preferred = protectors[0];
  if (!preferred) throw new Error('At least one key protector is needed.');
  const unwrapped = new Map<string, { wrapped: Buffer; key: Buffer }>();
  const ready = (p: KeyProtector) => p.ready?.() ?? true;

  // The main wrap first, then the further wraps (data_key_wraps): the CLI, without the OS
  // keychain, opens a key through its passphrase wrap.
  const unwrap = (db: Database.Database, row: Pick<KeyRow, 'key_id' | 'wrapped_key' | 'protection'>): Buffer => {
    const cached = unwrapped.get(row.key_id);
    if (cached && cached.wrapped.equals(row.wrapped_key)) return cached.key;
    const extra = db.prepare<[string], { protection: KeyProtection; wrapped_key: Buffer }>('SELECT protection, wrapped_key FROM data_key_wraps WHERE key_id = ? ORDER BY protection').all(row.key_id);
    const wraps = [{ protection: row.protection, wrapped_key: row.wrapped_key }, ...extra];
    const failures: string[] = [];
    for (const wrap of wraps) {
      const protector = protectors.find((p) => p.protection === wrap.protection && ready(p));
      if (!protector) continue;
      let key: Buffer;
      try {
        key = protector.unprotect(wrap.wrapped_key);
      } catch (error) {
        failures.push(`${protector.description} (${(error as Error).message})`);
        continue;
      }
      if (key.length !== 32) throw new KeyUnavailableError(row.key_id, 'unwrapped to something that is not a 32-byte key.');
      unwrapped.set(row.key_id, { wrapped: Buffer.from(row.wrapped_key), key });
      return key;
    }
    if (failures.length > 0) {
      throw new KeyUnavailableError(
        row.key_id,
        `cannot be unlocked by ${failures.join('; ')}: it was protected on another machine or for another user, or its key file or keychain entry changed. Start the app as the user and on the machine that wrote it, or restore that key file.`,
      );
    }
    throw new KeyUnavailableError(
      row.key_id,
      `is protected by ${wraps.map((w) => w.protection).join(' and ')}, which this machine does not offer now (only ${protectors.filter(ready).map((p) => p.description).join('; ')}).`,
    );
  };
  const alsoWrappedBy = (db: Database.Database, keyId: string): KeyProtection[] =>
    db.prepare<[string], { protection: KeyProtection }>('SELECT protection FROM data_key_wraps WHERE key_id = ? ORDER BY protection').all(keyId).map((w) => w.protection);

  return {
    activeKey(db) {
      const row = db.prepare<[], KeyRow>("SELECT * FROM data_keys WHERE status = 'active'").get();
      return row ? { keyId: row.key_id, key: unwrap(db, row) } : null;
    },
    keyFor(db, keyId) {
      const row = db.prepare<[string], KeyRow>('SELECT * FROM data_keys WHERE key_id = ?').get(keyId);
      if (!row) throw new KeyUnavailableError(keyId, 'is not in this database (the value was copied from another database, or the key was removed).');
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
      db.prepare("UPDATE data_keys SET status = 'retired', retired_at = ? WHERE status = 'active'").run(at);
      db.prepare("INSERT INTO data_keys (key_id, wrapped_key, protection, status, created_at) VALUES (?, ?, ?, 'active', ?)").run(keyId, wrapped, preferred.protection, at);
      // A new key is useless to the CLI unless its passphrase wrap comes with it (rotation too).
      for (const companion of protectors.filter((p) => p.companion === true && p !== preferred && ready(p))) {
        db.prepare('INSERT INTO data_key_wraps (key_id, protection, wrapped_key, created_at) VALUES (?, ?, ?, ?)').run(keyId, companion.protection, companion.protect(key), at);
      }
      unwrapped.set(keyId, { wrapped, key });
      return { keyId, key, protection: preferred.protection };
    },
    status(db) {
      const rows = db.prepare<[], KeyRow>('SELECT * FROM data_keys ORDER BY created_at, key_id').all();
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
        activeKeyId: active?.key_id ?? null,
        cliPassphraseSetAt: protectors.find((p) => p.protection === 'passphrase')?.configuredAt?.() ?? null,
        keys: rows.map((row) => ({
          keyId: row.key_id,
          status: row.status,
          protection: row.protection,
          alsoWrappedBy: alsoWrappedBy(db, row.key_id),
          createdAt: row.created_at,
          retiredAt: row.retired_at,
        })),
      };
    },
    addWraps(db, protector, now) {
      const result = { wrapped: [] as string[], unreadable: [] as string[] };
      const upsert = db.prepare('INSERT OR REPLACE INTO data_key_wraps (key_id, protection, wrapped_key, created_at) VALUES (?, ?, ?, ?)');
      for (const row of db.prepare<[], KeyRow>('SELECT * FROM data_keys ORDER BY created_at, key_id').all()) {
        let key: Buffer;
        try {
          key = unwrap(db, row);
        } catch {
          result.unreadable.push(row.key_id);
          continue;
        }
        upsert.run(row.key_id, protector.protection, protector.protect(key), now.toISOString());
        result.wrapped.push(row.key_id);
      }
      return result;
    },
  };
}
