// Issued reports (migration 0016): frozen rows, written once inside the issuing audited operation.
import type { AuditRecord } from '../../../shared/audit/audit-entry';
import type { Language } from '../../../shared/settings/settings';
import type { RecordChange } from '../db/outbox';
import type { Stored } from '../db/record-table';

/** One issued report as stored. `content` is the canonical JSON its fingerprint was taken over. */
export interface ReportFields {
  reportNumber: string;
  caseId: string;
  appointmentId: string;
  runId: string;
  terminalSerial: string;
  merchantName: string;
  content: string;
  fingerprint: string;
  pdfSha256: string;
  pdfSize: number;
  pdfAttachmentId: string;
  language: Language;
  issuedAt: string;
  issuedBy: string;
  issuedByName: string;
  supersedes?: string;
  reissueReason?: string;
}

/** A stored report. */
export type StoredReport = Stored<ReportFields>;

export interface ReportRepository {
  byId(id: string): StoredReport | undefined;
  byPdfSha256(sha256: string): StoredReport | undefined;
  /** Reports with any of these numbers or fingerprints (what an altered file claims to be). */
  claimedBy(numbers: readonly string[], fingerprints: readonly string[]): StoredReport[];
  /** The case's reports, oldest first. */
  ofCase(caseId: string): StoredReport[];
  /** The run's reports, oldest first: the first one, then each correction. */
  ofRun(runId: string): StoredReport[];
  /** The report that supersedes `id`, if any. */
  successorOf(id: string): StoredReport | undefined;
  /** The highest running number already used with `prefix` (e.g. `SR-20261202-`), 0 when none. */
  lastNumberWith(prefix: string): number;
  insert(report: StoredReport): RecordChange;
  /** The `service-report.issued` audit entry of a report. */
  issuedEntryOf(reportId: string): AuditRecord | undefined;
}
