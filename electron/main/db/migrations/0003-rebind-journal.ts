import type { Migration } from '../migration';

/**
 * The rebinding engine's journal (docs/rebind-engine.md §3): one row per operation, one per step
 * (written before the step starts and again when it ends), the backup of the old set and batch,
 * further batch exports, and the link log of each session. Backups and batch exports are
 * append-only (triggers refuse UPDATE and DELETE); an operation with a backup cannot be deleted
 * either (foreign key). One open operation per terminal serial number (partial unique index).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'rebind-journal',
  up(db) {
    db.exec(`
      CREATE TABLE rebind_operations (
        id                 INTEGER PRIMARY KEY,
        status             TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        -- The last step journaled (what the operation was doing when it stopped).
        phase              TEXT NOT NULL,
        outcome            TEXT CHECK (outcome IS NULL OR outcome IN ('rebound', 'restored', 'needs-attention')),
        reason             TEXT,
        port_path          TEXT NOT NULL,
        actor              TEXT NOT NULL,
        work_order_json    TEXT NOT NULL CHECK (json_valid(work_order_json)),
        override_reason    TEXT,
        -- Set by the identify step; NULL until then (NULLs never collide in the unique index).
        serial_number      TEXT,
        identity_json      TEXT CHECK (identity_json IS NULL OR json_valid(identity_json)),
        target_params_json TEXT NOT NULL CHECK (json_valid(target_params_json)),
        target_digest      TEXT NOT NULL CHECK (length(target_digest) = 64),
        digest_before      TEXT CHECK (digest_before IS NULL OR length(digest_before) = 64),
        final_digest       TEXT CHECK (final_digest IS NULL OR length(final_digest) = 64),
        -- Each run, resume or recovery of the operation is a session.
        sessions           INTEGER NOT NULL DEFAULT 1 CHECK (sessions >= 1),
        outcome_json       TEXT CHECK (outcome_json IS NULL OR json_valid(outcome_json)),
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        closed_at          TEXT,
        CHECK (status = 'open' OR (outcome IS NOT NULL AND closed_at IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX rebind_operations_one_open_per_terminal ON rebind_operations (serial_number) WHERE status = 'open';
      CREATE INDEX rebind_operations_by_status ON rebind_operations (status, id);

      CREATE TABLE rebind_steps (
        id           INTEGER PRIMARY KEY,
        operation_id INTEGER NOT NULL REFERENCES rebind_operations (id),
        session      INTEGER NOT NULL CHECK (session >= 1),
        attempt      INTEGER NOT NULL CHECK (attempt >= 1),
        step         TEXT NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'skipped', 'interrupted')),
        started_at   TEXT NOT NULL,
        ended_at     TEXT,
        duration_ms  REAL,
        detail_json  TEXT CHECK (detail_json IS NULL OR json_valid(detail_json)),
        error        TEXT
      ) STRICT;
      CREATE INDEX rebind_steps_by_operation ON rebind_steps (operation_id, id);

      -- The old set, its digest, HELLO, the batch totals and the exported journal, taken before
      -- the first change to the terminal. Never changed, never deleted.
      CREATE TABLE rebind_backups (
        id            INTEGER PRIMARY KEY,
        operation_id  INTEGER NOT NULL UNIQUE REFERENCES rebind_operations (id),
        serial_number TEXT NOT NULL,
        identity_json TEXT NOT NULL CHECK (json_valid(identity_json)),
        params_json   TEXT NOT NULL CHECK (json_valid(params_json)),
        digest        TEXT NOT NULL CHECK (length(digest) = 64),
        batch_json    TEXT NOT NULL CHECK (json_valid(batch_json)),
        journal_json  TEXT NOT NULL CHECK (json_valid(journal_json)),
        created_at    TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER rebind_backups_no_update BEFORE UPDATE ON rebind_backups
        BEGIN SELECT RAISE(ABORT, 'rebind_backups is append-only: a backup cannot be changed'); END;
      CREATE TRIGGER rebind_backups_no_delete BEFORE DELETE ON rebind_backups
        BEGIN SELECT RAISE(ABORT, 'rebind_backups is append-only: a backup is never deleted'); END;

      -- A batch found open again later in the operation (a sale between settle and commit), exported before it is settled.
      CREATE TABLE rebind_batch_exports (
        id           INTEGER PRIMARY KEY,
        operation_id INTEGER NOT NULL REFERENCES rebind_operations (id),
        batch_json   TEXT NOT NULL CHECK (json_valid(batch_json)),
        journal_json TEXT NOT NULL CHECK (json_valid(journal_json)),
        created_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX rebind_batch_exports_by_operation ON rebind_batch_exports (operation_id);
      CREATE TRIGGER rebind_batch_exports_no_update BEFORE UPDATE ON rebind_batch_exports
        BEGIN SELECT RAISE(ABORT, 'rebind_batch_exports is append-only: an export cannot be changed'); END;
      CREATE TRIGGER rebind_batch_exports_no_delete BEFORE DELETE ON rebind_batch_exports
        BEGIN SELECT RAISE(ABORT, 'rebind_batch_exports is append-only: an export is never deleted'); END;

      -- The link log of one session, as JSON lines (electron/main/terminal/link/link-log-export.ts).
      CREATE TABLE rebind_link_logs (
        id            INTEGER PRIMARY KEY,
        operation_id  INTEGER NOT NULL REFERENCES rebind_operations (id),
        session       INTEGER NOT NULL,
        entries       INTEGER NOT NULL,
        entries_jsonl TEXT NOT NULL,
        created_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX rebind_link_logs_by_operation ON rebind_link_logs (operation_id, session);
    `);
  },
};
