import type { Migration } from '../migration';

/**
 * Operators, recovery codes, the security policy, wrapped data keys and the hash-chained audit
 * log. Encrypted columns hold `v1:<keyId>:<iv>:<tag>:<ciphertext>` text (see crypto/field-blob).
 */
export const migration0002: Migration = {
  version: 2,
  name: 'security',
  up(db) {
    db.exec(`
      CREATE TABLE operators (
        id                       INTEGER PRIMARY KEY,
        username                 TEXT NOT NULL UNIQUE CHECK (username = lower(username) AND length(username) BETWEEN 3 AND 32),
        display_name             TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
        role                     TEXT NOT NULL CHECK (role IN ('desk', 'engineer', 'admin')),
        disabled                 INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        -- scrypt PHC string: $scrypt$ln=..,r=..,p=..$salt$hash (parameters travel with the hash).
        password_hash            TEXT NOT NULL,
        password_changed_at      TEXT NOT NULL,
        must_change_password     INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        temp_password_expires_at TEXT,
        temp_password_used_at    TEXT,
        failed_attempts          INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        -- Epoch ms before which no sign-in attempt is checked (growing delay); NULL for none.
        retry_not_before         INTEGER,
        locked                   INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
        -- Encrypted base32 TOTP secrets: the confirmed one and one awaiting its first code.
        totp_secret              TEXT,
        totp_pending_secret      TEXT,
        -- The last accepted TOTP time step: a code is accepted once, and never an older one.
        totp_last_step           INTEGER,
        -- Bumped when a password is reset or an account disabled: older sessions end.
        session_epoch            INTEGER NOT NULL DEFAULT 0,
        created_at               TEXT NOT NULL,
        updated_at               TEXT NOT NULL,
        last_sign_in_at          TEXT
      ) STRICT;

      CREATE TABLE recovery_codes (
        id          INTEGER PRIMARY KEY,
        operator_id INTEGER NOT NULL REFERENCES operators (id),
        salt        TEXT NOT NULL,
        code_hash   TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        used_at     TEXT
      ) STRICT;
      CREATE INDEX recovery_codes_by_operator ON recovery_codes (operator_id);

      CREATE TABLE security_policy (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      -- Data keys wrapped by a key protector (OS keychain or a local key file); never stored bare.
      CREATE TABLE data_keys (
        key_id      TEXT PRIMARY KEY CHECK (key_id GLOB 'k[0-9a-f]*' AND length(key_id) = 13),
        wrapped_key BLOB NOT NULL,
        protection  TEXT NOT NULL CHECK (protection IN ('os-keychain', 'plaintext-file')),
        status      TEXT NOT NULL CHECK (status IN ('active', 'retired')),
        created_at  TEXT NOT NULL,
        retired_at  TEXT
      ) STRICT;
      CREATE UNIQUE INDEX data_keys_one_active ON data_keys (status) WHERE status = 'active';

      -- AUTOINCREMENT keeps the highest seq ever used in sqlite_sequence, so verify notices
      -- entries removed from the end as well.
      CREATE TABLE audit_log (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        time        TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        payload     TEXT NOT NULL CHECK (json_valid(payload)),
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted'); END;
    `);
  },
};
