// What every desk record carries for team mode (issue 10, point 8): a UUIDv7 id (time-ordered, so
// ids made offline on two laptops never collide and still index well), who made and last changed
// it and when, and a row version that every change raises by one. An update names the version it
// was made on and changes nothing when the row has moved on: the caller refuses with
// `record-changed` instead of silently overwriting someone else's edit.
import { v7 as uuidv7 } from 'uuid';

/** The columns every desk record has, as domain fields. */
export interface RecordMeta {
  readonly id: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly version: number;
}

/** The SQL of those columns, for each desk table's CREATE TABLE. */
export const recordMetaColumns = `
        id         TEXT PRIMARY KEY CHECK (length(id) = 36),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        version    INTEGER NOT NULL CHECK (version >= 1)`;

/** A fresh record's meta: a new id, version 1, made and changed by `actor` at `at`. */
export function newRecordMeta(actor: string, at: Date): RecordMeta {
  const time = at.toISOString();
  return { id: uuidv7(), createdAt: time, createdBy: actor, updatedAt: time, updatedBy: actor, version: 1 };
}

/** The meta after one more change by `actor` at `at`. */
export function nextRecordMeta(meta: RecordMeta, actor: string, at: Date): RecordMeta {
  // Only the meta fields: `meta` may be a whole stored record, whose old fields must not come along.
  return { id: meta.id, createdAt: meta.createdAt, createdBy: meta.createdBy, updatedAt: at.toISOString(), updatedBy: actor, version: meta.version + 1 };
}

/** A row's meta columns, as stored. */
export interface RecordMetaRow {
  id: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

/** The domain meta of a stored row. */
export function recordMetaOf(row: RecordMetaRow): RecordMeta {
  return { id: row.id, createdAt: row.created_at, createdBy: row.created_by, updatedAt: row.updated_at, updatedBy: row.updated_by, version: row.version };
}
