import type { AuditedWrite } from '../db/audited';
import type { EncryptedColumn } from './encrypted-columns';

/** Reads the stored (encrypted) value of one field of one row. */
export interface EncryptedValueRepository {
  /** `undefined` when there is no such row; `null` when the row holds no value. */
  read(column: EncryptedColumn, id: string | number): string | null | undefined;
}

/** Where the reveal reads values, and how it records each reveal. */
export interface EncryptedValueStore {
  values: EncryptedValueRepository;
  audited: AuditedWrite;
}
