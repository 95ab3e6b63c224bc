import { recordMetaColumns } from '../record-meta';
import type { Migration } from '../migration';
import { maxAppointmentHours } from './0010-desk';

const instant = (column: string) => `CHECK (${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')`;
const json = (column: string) => `CHECK (json_valid(${column}))`;
const appointmentColumns = 'id, created_at, created_by, updated_at, updated_by, version, case_id, engineer_id, starts_at, ends_at, zone, status, cancel_reason';

// The overlap triggers of 0010, unchanged: a done appointment still held the engineer's time.
const overlap = (when: string) => `
        SELECT 1 FROM appointments a
        WHERE a.engineer_id = NEW.engineer_id AND a.status <> 'cancelled'${when}
          AND a.starts_at < NEW.ends_at AND a.starts_at > strftime('%Y-%m-%dT%H:%M:%fZ', NEW.starts_at, '-${maxAppointmentHours} hours')
          AND a.ends_at > NEW.starts_at`;

/**
 * The on-site checklist (issue 11 points 1 and 2, docs/checklist.md).
 *
 * Appointments gain the status `done` (the checklist's outcome closes the visit). SQLite cannot
 * change a CHECK in place, so the table is rebuilt with the same columns, indexes and triggers
 * (foreign keys are off while migrations run, db/migrate.ts).
 *
 * Template versions, runs and answers: a template version and an answer are never changed or
 * deleted (triggers); answering again appends a row naming the one it replaces, each answer
 * replaced at most once and each step's chain starting once, so a step's history is one line.
 * One open run per appointment (partial unique index); a finished run takes no more answers and
 * never changes again, whatever the app does.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'checklist',
  up(db) {
    db.exec(`
      CREATE TABLE appointments_rebuilt (${recordMetaColumns},
        case_id       TEXT NOT NULL REFERENCES cases (id),
        engineer_id   TEXT NOT NULL REFERENCES engineers (id),
        starts_at     TEXT NOT NULL ${instant('starts_at')},
        ends_at       TEXT NOT NULL ${instant('ends_at')},
        zone          TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('tentative', 'confirmed', 'cancelled', 'done')),
        cancel_reason TEXT,
        CHECK (ends_at > starts_at AND ends_at <= strftime('%Y-%m-%dT%H:%M:%fZ', starts_at, '+${maxAppointmentHours} hours')),
        CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
      ) STRICT;
      INSERT INTO appointments_rebuilt (${appointmentColumns}) SELECT ${appointmentColumns} FROM appointments;
      DROP TABLE appointments;
      ALTER TABLE appointments_rebuilt RENAME TO appointments;
      CREATE INDEX appointments_by_engineer ON appointments (engineer_id, starts_at) WHERE status <> 'cancelled';
      CREATE INDEX appointments_by_case ON appointments (case_id);
      CREATE INDEX appointments_by_time ON appointments (starts_at) WHERE status <> 'cancelled';
      CREATE TRIGGER appointments_no_overlap_insert BEFORE INSERT ON appointments
      WHEN NEW.status <> 'cancelled' AND EXISTS (${overlap('')})
      BEGIN SELECT RAISE(ABORT, 'engineer-double-booked'); END;
      CREATE TRIGGER appointments_no_overlap_update BEFORE UPDATE OF engineer_id, starts_at, ends_at, status ON appointments
      WHEN NEW.status <> 'cancelled' AND EXISTS (${overlap(' AND a.id <> NEW.id')})
      BEGIN SELECT RAISE(ABORT, 'engineer-double-booked'); END;

      CREATE TABLE checklist_templates (${recordMetaColumns},
        bank_code        TEXT NOT NULL CHECK (length(bank_code) BETWEEN 2 AND 63 AND bank_code NOT GLOB '*[^a-z0-9-]*'),
        template_version INTEGER NOT NULL CHECK (template_version >= 1),
        source           TEXT NOT NULL CHECK (source IN ('shipped', 'edited')),
        title            TEXT NOT NULL ${json('title')},
        steps            TEXT NOT NULL ${json('steps')} CHECK (json_type(steps) = 'array'),
        UNIQUE (bank_code, template_version)
      ) STRICT;
      CREATE TRIGGER checklist_templates_no_update BEFORE UPDATE ON checklist_templates
        BEGIN SELECT RAISE(ABORT, 'checklist_templates is append-only: a template version never changes'); END;
      CREATE TRIGGER checklist_templates_no_delete BEFORE DELETE ON checklist_templates
        BEGIN SELECT RAISE(ABORT, 'checklist_templates is append-only: a template version is never deleted'); END;

      CREATE TABLE checklist_runs (${recordMetaColumns},
        appointment_id TEXT NOT NULL REFERENCES appointments (id),
        case_id        TEXT NOT NULL REFERENCES cases (id),
        template_id    TEXT NOT NULL REFERENCES checklist_templates (id),
        status         TEXT NOT NULL CHECK (status IN ('open', 'finished')),
        -- The rebind operation the automatic steps were last read from (not a foreign key, like 0011).
        operation_id   INTEGER CHECK (operation_id IS NULL OR operation_id >= 1),
        outcome        TEXT CHECK (outcome IS NULL OR outcome IN ('completed', 'restored', 'failed')),
        -- The failure's cause code beside the whole outcome, for the Reports page's counts by cause.
        failure_cause  TEXT CHECK ((outcome = 'failed') = (failure_cause IS NOT NULL)),
        outcome_json   TEXT CHECK (outcome_json IS NULL OR json_valid(outcome_json)),
        finished_at    TEXT CHECK (finished_at IS NULL OR finished_at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
        finished_by    TEXT,
        CHECK ((status = 'finished') = (outcome IS NOT NULL AND outcome_json IS NOT NULL AND finished_at IS NOT NULL AND finished_by IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX checklist_runs_one_open_per_appointment ON checklist_runs (appointment_id) WHERE status = 'open';
      CREATE INDEX checklist_runs_by_appointment ON checklist_runs (appointment_id, created_at);
      CREATE INDEX checklist_runs_by_case ON checklist_runs (case_id);
      CREATE INDEX checklist_runs_by_outcome ON checklist_runs (finished_at, outcome) WHERE status = 'finished';
      CREATE TRIGGER checklist_runs_finished_is_final BEFORE UPDATE ON checklist_runs WHEN OLD.status = 'finished'
        BEGIN SELECT RAISE(ABORT, 'checklist-run-finished'); END;
      CREATE TRIGGER checklist_runs_no_delete BEFORE DELETE ON checklist_runs
        BEGIN SELECT RAISE(ABORT, 'checklist_runs are never deleted'); END;

      CREATE TABLE checklist_answers (
        id          TEXT PRIMARY KEY CHECK (length(id) = 36),
        run_id      TEXT NOT NULL REFERENCES checklist_runs (id),
        step_id     TEXT NOT NULL CHECK (length(step_id) BETWEEN 1 AND 48),
        source      TEXT NOT NULL CHECK (source IN ('engineer', 'journal')),
        value       TEXT NOT NULL ${json('value')},
        answered_at TEXT NOT NULL ${instant('answered_at')},
        answered_by TEXT NOT NULL CHECK (length(answered_by) BETWEEN 1 AND 64),
        replaces    TEXT UNIQUE REFERENCES checklist_answers (id)
      ) STRICT;
      CREATE INDEX checklist_answers_by_run ON checklist_answers (run_id, step_id);
      CREATE UNIQUE INDEX checklist_answers_one_first_per_step ON checklist_answers (run_id, step_id) WHERE replaces IS NULL;
      CREATE TRIGGER checklist_answers_open_run BEFORE INSERT ON checklist_answers
      WHEN NOT EXISTS (SELECT 1 FROM checklist_runs WHERE id = NEW.run_id AND status = 'open')
        BEGIN SELECT RAISE(ABORT, 'checklist-run-finished'); END;
      CREATE TRIGGER checklist_answers_replaces_same_step BEFORE INSERT ON checklist_answers
      WHEN NEW.replaces IS NOT NULL AND NOT EXISTS (SELECT 1 FROM checklist_answers WHERE id = NEW.replaces AND run_id = NEW.run_id AND step_id = NEW.step_id)
        BEGIN SELECT RAISE(ABORT, 'checklist answer replaces an answer of another step'); END;
      CREATE TRIGGER checklist_answers_no_update BEFORE UPDATE ON checklist_answers
        BEGIN SELECT RAISE(ABORT, 'checklist_answers is append-only: an answer is never changed'); END;
      CREATE TRIGGER checklist_answers_no_delete BEFORE DELETE ON checklist_answers
        BEGIN SELECT RAISE(ABORT, 'checklist_answers is append-only: an answer is never deleted'); END;
    `);
  },
};
