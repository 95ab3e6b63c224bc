import type { Migration } from '../migration';

/**
 * Records per audit entry how its hash input is encoded (`hash_format`, docs/security.md §7):
 * entries already written keep format 1 (fields joined by U+001F) and their hashes, so heads that
 * exports and backups recorded from them still match; entries from now on are written in format 2
 * (a JSON array of the fields). Re-chaining the old entries in the new format was the other way;
 * it would have replaced every hash, so no earlier anchor could be checked any more, and a chain
 * tampered with before the upgrade would have come out looking intact.
 *
 * The column defaults to 2 for new rows; the rows already there are set to 1 with the append-only
 * trigger lifted for this one statement, inside the migration's transaction.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'audit-hash-format',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN hash_format INTEGER NOT NULL DEFAULT 2 CHECK (hash_format IN (1, 2));
      DROP TRIGGER audit_log_no_update;
      UPDATE audit_log SET hash_format = 1;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed'); END;
    `);
  },
};
