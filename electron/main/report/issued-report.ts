import type { IssuedReport } from '../../../shared/report/report-record';
import type { ReportRepository, StoredReport } from './report-repository';

/** A stored report as the app lists it: with the report it superseded, the one that superseded it, and its audit entry. */
export function issuedReportOf(row: StoredReport, repo: ReportRepository): IssuedReport {
  const previous = row.supersedes === undefined ? undefined : repo.byId(row.supersedes);
  const next = repo.successorOf(row.id);
  return {
    id: row.id,
    reportNumber: row.reportNumber,
    caseId: row.caseId,
    appointmentId: row.appointmentId,
    runId: row.runId,
    terminalSerial: row.terminalSerial,
    merchantName: row.merchantName,
    fingerprint: row.fingerprint,
    pdfSha256: row.pdfSha256,
    pdfSize: row.pdfSize,
    language: row.language,
    issuedAt: row.issuedAt,
    issuedBy: { username: row.issuedBy, displayName: row.issuedByName },
    supersedes: previous ? { reportNumber: previous.reportNumber, reason: row.reissueReason ?? '' } : null,
    supersededBy: next ? { reportNumber: next.reportNumber, issuedAt: next.issuedAt } : null,
    auditSeq: repo.issuedEntryOf(row.id)?.seq ?? null,
  };
}
