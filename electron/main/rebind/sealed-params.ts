// How the journal stores a parameter set: the secret tags (E0E0 key index, E0E1 key check value;
// DESIGN.md §4) as one field-encrypted value in their own column, the other tags as clear JSON
// beside it. Clear JSON keeps the journal readable for support (TID, hosts); the secret column is
// listed in encrypted-columns.ts, so key rotation re-encrypts it.
import { secretAtRestTags } from '../../../shared/rtp';
import type { FieldEncryption } from '../crypto/field-encryption';

/** The encrypted column of each stored parameter set (`table.column`, bound into the ciphertext). */
export const sealedParamsFields = {
  target: 'rebind_operations.target_secrets',
  backup: 'rebind_backups.params_secrets',
} as const;
/** One of the encrypted parameter columns. */
export type SealedParamsField = (typeof sealedParamsFields)[keyof typeof sealedParamsFields];

/** A parameter set as two columns. */
export interface StoredParams {
  /** JSON of every tag except the secret ones. */
  clearJson: string;
  /** The secret tags as JSON, field-encrypted; null when the set has none. */
  sealed: string | null;
}

/** Splits a parameter set into its stored columns and joins them again. */
export interface ParamsSealer {
  /** Encrypts the secret tags; the clear JSON never holds them. */
  seal(field: SealedParamsField, params: Readonly<Record<string, string>>): StoredParams;
  /** The whole set again; a row written before migration 0007 (secrets still in the clear JSON, nothing sealed) reads as it is. */
  open(field: SealedParamsField, stored: StoredParams): Record<string, string>;
}

const isSecret = (tag: string) => secretAtRestTags.includes(tag);

/** The sealer over the app's field encryption (the keyring of the app or of the CLI). */
export function createParamsSealer(encryption: Pick<FieldEncryption, 'encrypt' | 'decrypt'>): ParamsSealer {
  return {
    seal(field, params) {
      const entries = Object.entries(params);
      const secrets = entries.filter(([tag]) => isSecret(tag));
      return {
        clearJson: JSON.stringify(Object.fromEntries(entries.filter(([tag]) => !isSecret(tag)))),
        sealed: secrets.length === 0 ? null : encryption.encrypt(field, JSON.stringify(Object.fromEntries(secrets))),
      };
    },
    open(field, stored) {
      const clear = JSON.parse(stored.clearJson) as Record<string, string>;
      // undefined too: a reader of a database not yet migrated to 0007 has no such column.
      if (stored.sealed === null || stored.sealed === undefined) return clear;
      const secrets = JSON.parse(encryption.decrypt(field, stored.sealed)) as Record<string, string>;
      // The secret tags (E0xx) sort after every A0xx tag, so the set keeps its tag order.
      return { ...clear, ...secrets };
    },
  };
}
