import type { KeyProtection } from '../../../shared/auth/key-protection';

/** A data key as stored: wrapped by its main protector. */
export interface StoredDataKey {
  keyId: string;
  wrappedKey: Buffer;
  protection: KeyProtection;
  status: 'active' | 'retired';
  createdAt: string;
  retiredAt: string | null;
}

/** A further wrap of a data key (the command line's passphrase wrap). */
export interface StoredKeyWrap {
  protection: KeyProtection;
  wrappedKey: Buffer;
}

/** The wrapped data keys (`data_keys`, `data_key_wraps`); writes run in the caller's audited operation. */
export interface DataKeyRepository {
  active(): StoredDataKey | undefined;
  byId(keyId: string): StoredDataKey | undefined;
  /** Every key, oldest first. */
  all(): StoredDataKey[];
  /** The further wraps of a key, by protection. */
  wrapsOf(keyId: string): StoredKeyWrap[];
  /** Retires the active key and stores `key` as the new active one. */
  replaceActive(key: { keyId: string; wrappedKey: Buffer; protection: KeyProtection }, at: string): void;
  /** Stores (or replaces) the wrap of `keyId` by `protection`. */
  putWrap(keyId: string, wrap: StoredKeyWrap, at: string): void;
}
