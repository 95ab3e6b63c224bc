import { recordMetaColumns } from '../record-meta';
import type { Migration } from '../migration';

const sha256 = (column: string) => `CHECK (length(${column}) = 64 AND ${column} NOT GLOB '*[^0-9a-f]*')`;

/**
 * Issued service reports (issue 11 point 3, docs/service-report.md).
 *
 * A report is frozen when issued: its content (the JSON its fingerprint is taken over), the PDF's
 * SHA-256 and size, and the attachment row that keeps the PDF with the case. Rows never change and
 * are never deleted (triggers). A correction is a new report naming the one it `supersedes`, of
 * the same run, with a reason; each report is superseded at most once (UNIQUE), and a run has one
 * first report (partial unique index), so a run's reports are one line, oldest first.
 *
 * Verify finds the audit entry of a report by a partial index on the audit log that holds only
 * `service-report.issued` entries, so the chain need not be scanned and other appends pay nothing.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'service-reports',
  up(db) {
    db.exec(`
      CREATE TABLE service_reports (${recordMetaColumns},
        report_number     TEXT NOT NULL UNIQUE CHECK (report_number GLOB 'SR-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9]*'),
        case_id           TEXT NOT NULL REFERENCES cases (id),
        appointment_id    TEXT NOT NULL REFERENCES appointments (id),
        run_id            TEXT NOT NULL REFERENCES checklist_runs (id),
        terminal_serial   TEXT NOT NULL,
        merchant_name     TEXT NOT NULL,
        content           TEXT NOT NULL CHECK (json_valid(content)),
        fingerprint       TEXT NOT NULL UNIQUE ${sha256('fingerprint')},
        pdf_sha256        TEXT NOT NULL UNIQUE ${sha256('pdf_sha256')},
        pdf_size          INTEGER NOT NULL CHECK (pdf_size > 0),
        pdf_attachment_id TEXT NOT NULL REFERENCES attachments (id),
        language          TEXT NOT NULL CHECK (language IN ('zh-CN', 'en-US')),
        issued_at         TEXT NOT NULL,
        issued_by         TEXT NOT NULL,
        issued_by_name    TEXT NOT NULL,
        supersedes        TEXT UNIQUE REFERENCES service_reports (id),
        reissue_reason    TEXT,
        CHECK ((supersedes IS NULL) = (reissue_reason IS NULL))
      ) STRICT;
      CREATE INDEX service_reports_by_case ON service_reports (case_id, issued_at);
      CREATE UNIQUE INDEX service_reports_one_first_per_run ON service_reports (run_id) WHERE supersedes IS NULL;
      CREATE TRIGGER service_reports_supersede_same_run BEFORE INSERT ON service_reports WHEN NEW.supersedes IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM service_reports s WHERE s.id = NEW.supersedes AND s.run_id = NEW.run_id)
        BEGIN SELECT RAISE(ABORT, 'a report supersedes only a report of the same run'); END;
      CREATE TRIGGER service_reports_no_update BEFORE UPDATE ON service_reports
        BEGIN SELECT RAISE(ABORT, 'service_reports are frozen: an issued report never changes'); END;
      CREATE TRIGGER service_reports_no_delete BEFORE DELETE ON service_reports
        BEGIN SELECT RAISE(ABORT, 'service_reports are never deleted'); END;

      CREATE INDEX audit_log_service_reports ON audit_log (entity_id) WHERE action = 'service-report.issued';
    `);
  },
};
