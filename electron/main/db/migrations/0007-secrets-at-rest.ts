import type { Migration } from '../migration';

/**
 * Secrets at rest, for the app and the CLI alike (docs/security.md §6).
 *
 * 1. `data_key_wraps`: more wraps of a data key beside its main one in `data_keys`, one per
 *    protection. The app adds a `passphrase` wrap (keys/cli-key.json's KEK) to every key once an
 *    admin set a CLI passphrase, so the command line, which has no OS keychain, opens the same keys.
 *
 * 2. Key check values and key indexes (tags E0E0, E0E1) leave the clear parameter JSON of the rebind
 * journal: each parameter set keeps its other tags in `*_params_json` and its secret tags in a
 * new column as one field-encrypted value (`v1:…`, electron/main/rebind/sealed-params.ts).
 * SQL cannot encrypt, so rows written before this migration are sealed when the app or the CLI
 * next opens the database with its keyring (sealClearParams). The backups' append-only trigger is
 * narrowed to allow exactly that and key rotation: the sealed column may be re-encrypted, and
 * `params_json` may lose its secret tags once, when they are sealed; everything else stays
 * unchangeable.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'secrets-at-rest',
  up(db) {
    db.exec(`
      CREATE TABLE data_key_wraps (
        key_id      TEXT NOT NULL REFERENCES data_keys (key_id),
        protection  TEXT NOT NULL,
        wrapped_key BLOB NOT NULL,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (key_id, protection)
      ) WITHOUT ROWID;

      ALTER TABLE rebind_operations ADD COLUMN target_secrets TEXT;
      ALTER TABLE rebind_backups ADD COLUMN params_secrets TEXT;

      DROP TRIGGER rebind_backups_no_update;
      CREATE TRIGGER rebind_backups_no_update BEFORE UPDATE ON rebind_backups
        WHEN NEW.id IS NOT OLD.id OR NEW.operation_id IS NOT OLD.operation_id OR NEW.serial_number IS NOT OLD.serial_number
          OR NEW.identity_json IS NOT OLD.identity_json OR NEW.digest IS NOT OLD.digest OR NEW.batch_json IS NOT OLD.batch_json
          OR NEW.journal_json IS NOT OLD.journal_json OR NEW.created_at IS NOT OLD.created_at
          OR (NEW.params_secrets IS NULL AND OLD.params_secrets IS NOT NULL)
          OR (NEW.params_json IS NOT OLD.params_json
              AND (OLD.params_secrets IS NOT NULL OR NEW.params_secrets IS NULL
                   OR NEW.params_json IS NOT json_remove(OLD.params_json, '$.E0E0', '$.E0E1')))
        BEGIN SELECT RAISE(ABORT, 'rebind_backups is append-only: a backup cannot be changed'); END;
    `);
  },
};
