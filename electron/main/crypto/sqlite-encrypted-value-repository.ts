import type Database from 'better-sqlite3';
import { auditedOn } from '../db/audited';
import { prepared } from '../db/statement-cache';
import type { EncryptedValueRepository, EncryptedValueStore } from './encrypted-value-repository';

/** The encrypted values of the current connection, in the tables the column list names. */
export function createSqliteEncryptedValueRepository(connection: () => Database.Database): EncryptedValueRepository {
  return {
    read(column, id) {
      // Identifiers come from the fixed column list (encrypted-columns.ts), never from input.
      const sql = `SELECT "${column.column}" AS value FROM "${column.table}" WHERE "${column.idColumn}" = ?`;
      return prepared<[string | number], { value: string | null }>(connection(), sql).get(id)?.value;
    },
  };
}

export function createSqliteEncryptedValueStore(connection: () => Database.Database): EncryptedValueStore {
  return { values: createSqliteEncryptedValueRepository(connection), audited: auditedOn(connection) };
}
