import type Database from 'better-sqlite3';
import type { AuditRecord } from '../../../shared/audit/audit-entry';
import { reportAuditActions } from '../../../shared/report/report-audit';
import { auditRecordColumns } from '../audit/audit-rows';
import { recordTable } from '../db/record-table';
import { prepared } from '../db/statement-cache';
import type { ReportFields, ReportRepository, StoredReport } from './report-repository';

const reports = recordTable<ReportFields>('service_reports', 'service-report', [
  { field: 'reportNumber', column: 'report_number' },
  { field: 'caseId', column: 'case_id' },
  { field: 'appointmentId', column: 'appointment_id' },
  { field: 'runId', column: 'run_id' },
  { field: 'terminalSerial', column: 'terminal_serial' },
  { field: 'merchantName', column: 'merchant_name' },
  { field: 'content', column: 'content' },
  { field: 'fingerprint', column: 'fingerprint' },
  { field: 'pdfSha256', column: 'pdf_sha256' },
  { field: 'pdfSize', column: 'pdf_size' },
  { field: 'pdfAttachmentId', column: 'pdf_attachment_id' },
  { field: 'language', column: 'language' },
  { field: 'issuedAt', column: 'issued_at' },
  { field: 'issuedBy', column: 'issued_by' },
  { field: 'issuedByName', column: 'issued_by_name' },
  { field: 'supersedes', column: 'supersedes' },
  { field: 'reissueReason', column: 'reissue_reason' },
]);

const order = 'issued_at, id';
const issuedEntrySql = `SELECT ${auditRecordColumns} FROM audit_log WHERE action = '${reportAuditActions.issued}' AND entity_id = ?`;

export function createSqliteReportRepository(connection: () => Database.Database): ReportRepository {
  const db = connection;
  return {
    byId: (id) => reports.get(db(), id),
    byPdfSha256: (sha256) => reports.select(db(), 'pdf_sha256 = ?', [sha256])[0],
    claimedBy(numbers, fingerprints) {
      if (numbers.length === 0 && fingerprints.length === 0) return [];
      const marks = (list: readonly unknown[]) => (list.length === 0 ? "''" : list.map(() => '?').join(', '));
      return reports.select(db(), `report_number IN (${marks(numbers)}) OR fingerprint IN (${marks(fingerprints)})`, [...numbers, ...fingerprints], order);
    },
    ofCase: (caseId) => reports.select(db(), 'case_id = ?', [caseId], order),
    ofRun: (runId) => reports.select(db(), 'run_id = ?', [runId], order),
    successorOf: (id) => reports.select(db(), 'supersedes = ?', [id])[0],
    lastNumberWith(prefix) {
      const row = prepared<[number, string], { n: number | null }>(db(), 'SELECT max(CAST(substr(report_number, ? + 1) AS INTEGER)) AS n FROM service_reports WHERE report_number GLOB ?').get(prefix.length, `${prefix}*`);
      return row?.n ?? 0;
    },
    insert: (report: StoredReport) => reports.insert(db(), report),
    // The action is written into the SQL, not bound: only a literal lets SQLite use the partial index.
    issuedEntryOf: (reportId) => prepared<[string], AuditRecord>(db(), issuedEntrySql).get(reportId),
  };
}
