import type { Migration } from '../migration';

/**
 * Each operator's own language and theme, as key → JSON value like `settings`. No row means the
 * operator has not chosen and sees the device default (the `language` and `theme` settings), so
 * nothing is copied: every operator keeps seeing what the one install-wide setting showed before.
 * An operator's rows go with the operator.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'operator-preferences',
  up(db) {
    db.exec(`
      CREATE TABLE operator_preferences (
        operator_id INTEGER NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
        key         TEXT NOT NULL CHECK (key IN ('language', 'theme')),
        value       TEXT NOT NULL CHECK (json_valid(value)),
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (operator_id, key)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
