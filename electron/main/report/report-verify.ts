// Verifying a report's PDF (docs/service-report.md): the file's SHA-256 names the issued report it
// is, and that report must still hold together — its stored content gives its fingerprint, and its
// audit entry (unaltered: its own hash recomputes) records the same PDF hash and fingerprint. A file
// whose bytes match nothing but whose Title names a report of this data directory is that report,
// altered; anything else is unknown here. Reads only: the CLI runs it on a read-only connection.
import { createHash } from 'node:crypto';
import type { ReportVerifyResult } from '../../../shared/report/report-record';
import { pdfClaims } from '../../../shared/report/report-pdf-title';
import { serviceReportContentSchema } from '../../../shared/report/service-report';
import { auditEntryHash } from '../db/audit-hash';
import { issuedReportOf } from './issued-report';
import { reportFingerprint } from './report-fingerprint';
import type { ReportRepository, StoredReport } from './report-repository';

const PDF_MAGIC = '%PDF-';

/** True when the stored report, its fingerprint and its audit entry agree with each other and with `pdfSha256`. */
function holdsTogether(row: StoredReport, repo: ReportRepository, pdfSha256: string): boolean {
  let content;
  try {
    content = serviceReportContentSchema.safeParse(JSON.parse(row.content));
  } catch {
    return false;
  }
  if (!content.success || reportFingerprint(content.data) !== row.fingerprint || content.data.reportNumber !== row.reportNumber) return false;
  const entry = repo.issuedEntryOf(row.id);
  if (!entry || auditEntryHash(entry) !== entry.hash) return false;
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(entry.payload) as Record<string, unknown>;
  } catch {
    return false;
  }
  return payload['pdfSha256'] === pdfSha256 && payload['fingerprint'] === row.fingerprint && payload['reportNumber'] === row.reportNumber;
}

/** What `bytes` are, as far as this data directory knows. */
export function verifyReportBytes(bytes: Uint8Array, repo: ReportRepository): ReportVerifyResult {
  const pdfSha256 = createHash('sha256').update(bytes).digest('hex');
  const issued = repo.byPdfSha256(pdfSha256);
  if (issued) {
    const report = issuedReportOf(issued, repo);
    return holdsTogether(issued, repo, pdfSha256) ? { status: 'genuine', pdfSha256, report } : { status: 'altered', pdfSha256, why: 'record-damaged', report };
  }
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const claims = pdfClaims(latin1);
  const claimed = repo.claimedBy(claims.reportNumbers, claims.fingerprints)[0];
  if (claimed) return { status: 'altered', pdfSha256, why: 'bytes-differ', report: issuedReportOf(claimed, repo) };
  return { status: 'unknown', pdfSha256, isPdf: latin1.startsWith(PDF_MAGIC) };
}
