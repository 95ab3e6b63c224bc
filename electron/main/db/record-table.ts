// One desk table as records: the domain object with its record meta, mapped field ↔ column (JSON
// columns parsed and written as JSON), inserted, read, and updated only on the version the caller
// read. Each desk repository is a spec of its columns plus its own queries on top of this, so the
// optimistic-version rule and the outbox change are written once.
import type Database from 'better-sqlite3';
import { prepared } from './statement-cache';
import type { RecordChange } from './outbox';
import { recordMetaOf, type RecordMeta, type RecordMetaRow } from './record-meta';

/** How one domain field is stored. */
export interface ColumnSpec<T> {
  readonly field: keyof T & string;
  readonly column: string;
  /** Stored as JSON text (a list or a nested object). */
  readonly json?: boolean;
}

/** A record as stored: its fields and its meta. */
export type Stored<T> = T & RecordMeta;

/** A desk table, typed by its domain record. */
export interface RecordTable<T> {
  /** The entity name the outbox and the audit log use (`bank`, `merchant`). */
  readonly entity: string;
  get(db: Database.Database, id: string): Stored<T> | undefined;
  /** Rows matching `where` (SQL over columns, with `?` parameters), ordered by `orderBy`. */
  select(db: Database.Database, where: string, params: readonly unknown[], orderBy?: string): Stored<T>[];
  /** Inserts a new record (version 1); the outbox change holds every stored column. */
  insert(db: Database.Database, record: Stored<T>): RecordChange;
  /**
   * Writes `after` over the row if it is still at `baseVersion`; the change holds the columns that
   * differ. Null when the row moved on (or is gone): the caller refuses, nothing is written.
   */
  update(db: Database.Database, after: Stored<T>, baseVersion: number): RecordChange | null;
  /** The domain record of a row read with `SELECT *` from this table. */
  fromRow(row: Record<string, unknown>): Stored<T>;
}

const metaColumns = ['id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version'] as const;

/** Builds the record table `table` whose fields are stored as `columns` describes. */
export function recordTable<T>(table: string, entity: string, columns: readonly ColumnSpec<T>[]): RecordTable<T> {
  const allColumns = [...metaColumns, ...columns.map((c) => c.column)];
  const insertSql = `INSERT INTO ${table} (${allColumns.join(', ')}) VALUES (${allColumns.map(() => '?').join(', ')})`;

  const stored = (record: Stored<T>): Record<string, unknown> => {
    const out: Record<string, unknown> = {
      id: record.id,
      created_at: record.createdAt,
      created_by: record.createdBy,
      updated_at: record.updatedAt,
      updated_by: record.updatedBy,
      version: record.version,
    };
    for (const spec of columns) {
      const value = (record as Record<string, unknown>)[spec.field];
      out[spec.column] = value === undefined ? null : spec.json ? JSON.stringify(value) : value;
    }
    return out;
  };

  const fromRow = (row: Record<string, unknown>): Stored<T> => {
    const record: Record<string, unknown> = { ...recordMetaOf(row as unknown as RecordMetaRow) };
    for (const spec of columns) {
      const value = row[spec.column];
      // NULL is an absent optional field, so records read back equal the ones written.
      if (value === null || value === undefined) continue;
      record[spec.field] = spec.json ? JSON.parse(String(value)) : value;
    }
    return record as Stored<T>;
  };

  return {
    entity,
    fromRow,
    get(db, id) {
      const row = prepared<[string], Record<string, unknown>>(db, `SELECT * FROM ${table} WHERE id = ?`).get(id);
      return row ? fromRow(row) : undefined;
    },
    select(db, where, params, orderBy = 'id') {
      return prepared<unknown[], Record<string, unknown>>(db, `SELECT * FROM ${table} WHERE ${where} ORDER BY ${orderBy}`).all(...params).map(fromRow);
    },
    insert(db, record) {
      const values = stored(record);
      prepared(db, insertSql).run(...allColumns.map((c) => values[c]));
      return { entity, id: record.id, baseVersion: null, change: values };
    },
    update(db, after, baseVersion) {
      const beforeRow = prepared<[string], Record<string, unknown>>(db, `SELECT * FROM ${table} WHERE id = ?`).get(after.id);
      if (!beforeRow || beforeRow.version !== baseVersion) return null;
      const values = stored(after);
      const changed = allColumns.filter((c) => c !== 'id' && values[c] !== beforeRow[c]);
      const sql = `UPDATE ${table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE id = ? AND version = ?`;
      prepared(db, sql).run(...changed.map((c) => values[c]), after.id, baseVersion);
      return { entity, id: after.id, baseVersion, change: Object.fromEntries(changed.map((c) => [c, values[c]])) };
    },
  };
}
