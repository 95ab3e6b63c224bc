import type { Role } from '../../../shared/auth/roles';

/** A column that holds encrypted values (`v1:…` text); key rotation re-encrypts every one listed. */
export interface EncryptedColumn {
  table: string;
  column: string;
  /** The primary key column, to address rows when re-encrypting or revealing. */
  idColumn: string;
  /** The entity type callers and the audit log use, e.g. `merchant`. */
  entity: string;
  /** The field name callers use, e.g. `bankAccount`. */
  field: string;
  /** Roles that may reveal the plain value; empty means it is never shown (secrets only the app uses). */
  revealRoles: readonly Role[];
}

/**
 * Every encrypted column. Append a column here when a feature adds one, so that rotation
 * re-encrypts it; a column missing here would keep values under a retired key (still readable,
 * since retired keys are kept, but not rotated).
 */
export const encryptedColumns: readonly EncryptedColumn[] = [
  { table: 'operators', column: 'totp_secret', idColumn: 'id', entity: 'operator', field: 'totpSecret', revealRoles: [] },
  { table: 'operators', column: 'totp_pending_secret', idColumn: 'id', entity: 'operator', field: 'totpPendingSecret', revealRoles: [] },
  // The key index and key check value (E0E0, E0E1) of the rebind journal's parameter sets (rebind/sealed-params.ts).
  { table: 'rebind_operations', column: 'target_secrets', idColumn: 'id', entity: 'rebind-operation', field: 'targetSecrets', revealRoles: [] },
  { table: 'rebind_backups', column: 'params_secrets', idColumn: 'id', entity: 'rebind-backup', field: 'paramsSecrets', revealRoles: [] },
  // The desk checks these against the merchant's papers; engineers on site never need them.
  { table: 'merchants', column: 'legal_rep_id', idColumn: 'id', entity: 'merchant', field: 'legalRepId', revealRoles: ['desk', 'admin'] },
  { table: 'merchants', column: 'account_no', idColumn: 'id', entity: 'merchant', field: 'accountNo', revealRoles: ['desk', 'admin'] },
];

/** The name a value is bound to (GCM additional data): `table.column`, so a value copied into another column fails to decrypt. */
export function fieldName(column: Pick<EncryptedColumn, 'table' | 'column'>): string {
  return `${column.table}.${column.column}`;
}
