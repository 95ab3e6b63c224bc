import { recordMetaColumns } from '../record-meta';
import type { Migration } from '../migration';

// A UTC instant as the desk stores it: toISOString()'s fixed 24 characters, so text order is time order.
const instant = (column: string) => `CHECK (${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')`;
const day = (column: string) => `CHECK (${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;
const json = (column: string) => `CHECK (json_valid(${column}))`;
// An encrypted field (crypto/field-cipher.ts) beside the last four characters the masked view shows.
const encrypted = (column: string) => `CHECK (${column} LIKE 'v1:%')`;

/** The longest appointment, which also bounds the overlap search below. */
export const maxAppointmentHours = 12;

/**
 * The desk (issue 10): reference data (banks, terminal models, compatibility, engineers), merchants
 * and terminals, rebinding cases with their materials, attachments and timeline, and appointments.
 * Every table has the record meta of db/record-meta.ts for team mode. What must hold whatever the UI
 * does is held here: one open case per terminal (a partial unique index) and no engineer booked twice
 * for overlapping times (triggers, so two desk processes on one file cannot both win: each booking
 * is a BEGIN IMMEDIATE transaction, and the second sees the first's row). A bank's windows, an
 * engineer's hours and such small nested lists are JSON checked by the app's schemas on the way in.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'desk',
  up(db) {
    db.exec(`
      CREATE TABLE banks (${recordMetaColumns},
        code               TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 63 AND code NOT GLOB '*[^a-z0-9-]*'),
        name               TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        time_zone          TEXT NOT NULL,
        template_id        TEXT NOT NULL,
        windows            TEXT NOT NULL ${json('windows')},
        exceptions         TEXT NOT NULL ${json('exceptions')},
        required_materials TEXT NOT NULL ${json('required_materials')},
        notices            TEXT NOT NULL ${json('notices')},
        fee_rates          TEXT NOT NULL ${json('fee_rates')},
        areas              TEXT NOT NULL ${json('areas')}
      ) STRICT;

      -- The table the port recognition reads too: a USB vendor/product pair names one model.
      CREATE TABLE terminal_models (${recordMetaColumns},
        vendor         TEXT NOT NULL CHECK (length(vendor) BETWEEN 1 AND 40),
        model          TEXT NOT NULL CHECK (length(model) BETWEEN 1 AND 40),
        usb_vendor_id  TEXT CHECK (usb_vendor_id IS NULL OR (length(usb_vendor_id) = 4 AND usb_vendor_id NOT GLOB '*[^0-9a-f]*')),
        usb_product_id TEXT CHECK (usb_product_id IS NULL OR (length(usb_product_id) = 4 AND usb_product_id NOT GLOB '*[^0-9a-f]*')),
        UNIQUE (vendor, model),
        CHECK ((usb_vendor_id IS NULL) = (usb_product_id IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX terminal_models_by_usb ON terminal_models (usb_vendor_id, usb_product_id) WHERE usb_vendor_id IS NOT NULL;

      CREATE TABLE compatibility (${recordMetaColumns},
        model_id     TEXT NOT NULL REFERENCES terminal_models (id),
        bank_code    TEXT NOT NULL REFERENCES banks (code),
        support      TEXT NOT NULL CHECK (support IN ('supported', 'unsupported', 'from-firmware')),
        min_firmware TEXT,
        UNIQUE (model_id, bank_code),
        CHECK ((support = 'from-firmware') = (min_firmware IS NOT NULL))
      ) STRICT;

      CREATE TABLE engineers (${recordMetaColumns},
        operator_id INTEGER NOT NULL UNIQUE REFERENCES operators (id),
        time_zone   TEXT NOT NULL,
        skills      TEXT NOT NULL ${json('skills')},
        areas       TEXT NOT NULL ${json('areas')},
        hours       TEXT NOT NULL ${json('hours')},
        absences    TEXT NOT NULL ${json('absences')}
      ) STRICT;

      CREATE TABLE merchants (${recordMetaColumns},
        name                TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        uscc                TEXT NOT NULL UNIQUE CHECK (length(uscc) = 18),
        legal_rep           TEXT NOT NULL,
        legal_rep_id        TEXT NOT NULL ${encrypted('legal_rep_id')},
        legal_rep_id_last4  TEXT NOT NULL CHECK (length(legal_rep_id_last4) <= 4),
        contact             TEXT NOT NULL,
        phone               TEXT NOT NULL,
        address             TEXT NOT NULL,
        area                TEXT NOT NULL,
        settlement_bank     TEXT NOT NULL,
        settlement_branch   TEXT NOT NULL,
        cnaps               TEXT NOT NULL CHECK (length(cnaps) = 12 AND cnaps NOT GLOB '*[^0-9]*'),
        account_no          TEXT NOT NULL ${encrypted('account_no')},
        account_no_last4    TEXT NOT NULL CHECK (length(account_no_last4) <= 4),
        swift               TEXT,
        account_status      TEXT NOT NULL CHECK (account_status IN ('normal', 'frozen', 'arrears')),
        account_checked_on  TEXT ${day('account_checked_on')},
        short_name          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX merchants_by_name ON merchants (name);

      CREATE TABLE terminals (${recordMetaColumns},
        model_id     TEXT NOT NULL REFERENCES terminal_models (id),
        serial       TEXT NOT NULL UNIQUE CHECK (length(serial) BETWEEN 1 AND 32),
        tid          TEXT NOT NULL CHECK (length(tid) = 8),
        mid          TEXT NOT NULL CHECK (length(mid) = 15),
        firmware     TEXT,
        current_bank TEXT NOT NULL REFERENCES banks (code),
        merchant_id  TEXT NOT NULL REFERENCES merchants (id)
      ) STRICT;
      CREATE INDEX terminals_by_tid ON terminals (tid);
      CREATE INDEX terminals_by_mid ON terminals (mid);
      CREATE INDEX terminals_by_merchant ON terminals (merchant_id);

      CREATE TABLE cases (${recordMetaColumns},
        state                   TEXT NOT NULL CHECK (state IN ('draft', 'materials-complete', 'under-review', 'approved', 'agreement-signed', 'scheduled', 'on-site', 'rebound', 'closed', 'cancelled', 'failed')),
        terminal_id             TEXT NOT NULL REFERENCES terminals (id),
        merchant_id             TEXT NOT NULL REFERENCES merchants (id),
        target_bank             TEXT NOT NULL REFERENCES banks (code),
        review_decision         TEXT CHECK (review_decision IN ('approved', 'rejected')),
        review_by               TEXT,
        review_at               TEXT,
        review_reason           TEXT,
        agreement_signed_on     TEXT ${day('agreement_signed_on')},
        agreement_signatory     TEXT,
        agreement_attachment_id TEXT,
        -- Why it was cancelled or failed (the last such transition's reason; the timeline has them all).
        closing_reason          TEXT
      ) STRICT;
      -- At most one open case per terminal: closed and cancelled ones are history.
      CREATE UNIQUE INDEX cases_one_open_per_terminal ON cases (terminal_id) WHERE state NOT IN ('closed', 'cancelled');
      CREATE INDEX cases_by_state ON cases (state, updated_at);
      CREATE INDEX cases_by_merchant ON cases (merchant_id);
      CREATE INDEX cases_by_bank ON cases (target_bank, state);

      -- A case's timeline: one row per transition, never changed.
      CREATE TABLE case_transitions (${recordMetaColumns},
        case_id    TEXT NOT NULL REFERENCES cases (id),
        from_state TEXT NOT NULL,
        to_state   TEXT NOT NULL,
        action     TEXT NOT NULL,
        reason     TEXT
      ) STRICT;
      CREATE INDEX case_transitions_by_case ON case_transitions (case_id, created_at);

      CREATE TABLE case_materials (${recordMetaColumns},
        case_id     TEXT NOT NULL REFERENCES cases (id),
        kind        TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
        received_on TEXT ${day('received_on')},
        verified_by TEXT,
        verified_at TEXT,
        expires_on  TEXT ${day('expires_on')},
        UNIQUE (case_id, kind),
        CHECK (verified_by IS NULL OR received_on IS NOT NULL)
      ) STRICT;

      -- A file kept in the data directory under its SHA-256 (attachments/ab/abcd…), so one scan
      -- attached twice is stored once; the row says which case and material it belongs to.
      CREATE TABLE attachments (${recordMetaColumns},
        case_id    TEXT NOT NULL REFERENCES cases (id),
        purpose    TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 60),
        sha256     TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        file_name  TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        media_type TEXT NOT NULL,
        size       INTEGER NOT NULL CHECK (size > 0)
      ) STRICT;
      CREATE INDEX attachments_by_case ON attachments (case_id, purpose);
      CREATE INDEX attachments_by_hash ON attachments (sha256);

      CREATE TABLE appointments (${recordMetaColumns},
        case_id       TEXT NOT NULL REFERENCES cases (id),
        engineer_id   TEXT NOT NULL REFERENCES engineers (id),
        starts_at     TEXT NOT NULL ${instant('starts_at')},
        ends_at       TEXT NOT NULL ${instant('ends_at')},
        -- The IANA zone it was booked in, so it is shown and moved in the time the desk meant.
        zone          TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('tentative', 'confirmed', 'cancelled')),
        cancel_reason TEXT,
        CHECK (ends_at > starts_at AND ends_at <= strftime('%Y-%m-%dT%H:%M:%fZ', starts_at, '+${maxAppointmentHours} hours')),
        CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX appointments_by_engineer ON appointments (engineer_id, starts_at) WHERE status <> 'cancelled';
      CREATE INDEX appointments_by_case ON appointments (case_id);
      CREATE INDEX appointments_by_time ON appointments (starts_at) WHERE status <> 'cancelled';

      -- No engineer booked twice. An appointment lasts at most ${maxAppointmentHours} hours, so only those starting
      -- less than that before this one ends can overlap it: the index range stays a day wide.
      CREATE TRIGGER appointments_no_overlap_insert BEFORE INSERT ON appointments
      WHEN NEW.status <> 'cancelled' AND EXISTS (
        SELECT 1 FROM appointments a
        WHERE a.engineer_id = NEW.engineer_id AND a.status <> 'cancelled'
          AND a.starts_at < NEW.ends_at AND a.starts_at > strftime('%Y-%m-%dT%H:%M:%fZ', NEW.starts_at, '-${maxAppointmentHours} hours')
          AND a.ends_at > NEW.starts_at)
      BEGIN SELECT RAISE(ABORT, 'engineer-double-booked'); END;

      CREATE TRIGGER appointments_no_overlap_update BEFORE UPDATE OF engineer_id, starts_at, ends_at, status ON appointments
      WHEN NEW.status <> 'cancelled' AND EXISTS (
        SELECT 1 FROM appointments a
        WHERE a.engineer_id = NEW.engineer_id AND a.status <> 'cancelled' AND a.id <> NEW.id
          AND a.starts_at < NEW.ends_at AND a.starts_at > strftime('%Y-%m-%dT%H:%M:%fZ', NEW.starts_at, '-${maxAppointmentHours} hours')
          AND a.ends_at > NEW.starts_at)
      BEGIN SELECT RAISE(ABORT, 'engineer-double-booked'); END;
    `);
  },
};
