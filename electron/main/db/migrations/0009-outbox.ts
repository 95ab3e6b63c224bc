import type { Migration } from '../migration';

/**
 * The outbox team mode will push (DESIGN §6): every change to a desk record, written by `audited()`
 * in the same transaction as the change and its audit entry. Nothing reads it yet.
 *
 * `operation_id` is one UUIDv7 per audited operation and the server's idempotency key, so one
 * operation that changes several records (a case and its materials) is applied all or nothing.
 * `base_version` is the row version the change was made on (NULL for a new record): the server
 * refuses a change whose base moved on and shows the conflict to a person instead of merging.
 * `audit_seq` ties the change to the audit entry that recorded it, for the device chain's anchor.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        operation_id TEXT NOT NULL CHECK (length(operation_id) = 36),
        entity       TEXT NOT NULL CHECK (length(entity) BETWEEN 1 AND 64),
        entity_id    TEXT NOT NULL CHECK (length(entity_id) BETWEEN 1 AND 64),
        base_version INTEGER CHECK (base_version IS NULL OR base_version >= 1),
        change       TEXT NOT NULL CHECK (json_valid(change)),
        actor        TEXT NOT NULL,
        at           TEXT NOT NULL,
        audit_seq    INTEGER
      ) STRICT;
      CREATE INDEX outbox_by_operation ON outbox (operation_id);
    `);
  },
};
