// Issuing and verifying service reports (issue 11 point 3, docs/service-report.md). Issuing
// freezes the content (assembled from the finished run, the case and the journal), asks the
// ReportPrinter for the PDF, keeps the bytes in the case's attachment store by their SHA-256, and
// records the report, its attachment row and the audit entry holding the PDF's hash and the
// fingerprint in one audited operation. Printing is slow and asynchronous, so it happens before
// that operation; the operation checks again that nothing was issued for the run meanwhile.
import { canonicalJson } from '../../../shared/audit/canonical-json';
import type { Actor } from '../../../shared/auth/session';
import { reason } from '../../../shared/errors/reason';
import type { IssuedReport, ReportVerifyResult } from '../../../shared/report/report-record';
import { REISSUE_REASON_MIN_LENGTH } from '../../../shared/report/report-record';
import { reportAuditActions } from '../../../shared/report/report-audit';
import type { ServiceReportContent } from '../../../shared/report/service-report';
import type { Language } from '../../../shared/settings/settings';
import type { StoredRun } from '../../../shared/checklist';
import { AppError } from '../app-error';
import type { AuditedWrite } from '../db/audited';
import { newRecordMeta } from '../db/record-meta';
import type { ContentStore } from '../fs/content-store';
import type { AppointmentRepository } from '../desk/booking/appointment-repository';
import type { CaseRepository } from '../desk/cases/case-repository';
import type { ReferenceRepository } from '../desk/reference/reference-repository';
import type { ChecklistRepository } from '../checklist/checklist-repository';
import { automaticAnswer } from '../checklist/journal-facts';
import type { JournalReader } from '../checklist/journal-reader';
import { buildRunView } from '../checklist/run-view';
import { assembleReport } from './assemble-report';
import { issuedReportOf } from './issued-report';
import { reportFingerprint } from './report-fingerprint';
import type { EvidenceThumbnail, ReportPrinter } from './report-printer';
import type { ReportRepository, StoredReport } from './report-repository';
import type { ReportSources } from './report-sources';
import { verifyReportBytes } from './report-verify';

export interface ReportServiceDeps {
  reports: ReportRepository;
  checklist: ChecklistRepository;
  cases: CaseRepository;
  appointments: AppointmentRepository;
  reference: Pick<ReferenceRepository, 'engineerOfOperator'>;
  sources: ReportSources;
  journal: JournalReader;
  /** The case attachment store: report PDFs are kept there, by content, and backed up with the rest. */
  attachments: ContentStore;
  printer: ReportPrinter;
  /** The fingerprint's QR code as an SVG data URL (auth/qr-code.ts). */
  qrCode: (text: string) => Promise<string>;
  audited: AuditedWrite;
  now: () => Date;
  /** How long a print may take before it is given up (PRINT_TIMEOUT_MS by default). */
  printTimeoutMs?: number;
}

/** The attachments' purpose for an issued report's PDF (the case page lists it with the rest). */
export const REPORT_PURPOSE = 'service-report';
/** A print that has not answered in this time is given up: nothing is issued. */
export const PRINT_TIMEOUT_MS = 120_000;

/** A finished run the case has no report for yet. */
export type IssuableRun = ReturnType<ReportSources['finishedRunsOfCase']>[number];

/** What to issue: the run's report, in the issuer's language; a correction names the report it supersedes. */
export interface IssueRequest {
  runId: string;
  language: Language;
  correction?: { reportId: string; reason: string } | undefined;
}

const day = (at: Date) => at.toISOString().slice(0, 10).replaceAll('-', '');
const images = new Set(['image/jpeg', 'image/png']);

export type ReportService = ReturnType<typeof createReportService>;

export function createReportService(deps: ReportServiceDeps) {
  const { reports, checklist, cases, appointments, reference, sources, journal, attachments, audited, now } = deps;
  const printTimeoutMs = deps.printTimeoutMs ?? PRINT_TIMEOUT_MS;

  const runOf = (runId: string): StoredRun => {
    const run = checklist.run(runId);
    if (!run) throw new AppError('not-found', reason('checklist-run-not-found'));
    return run;
  };

  const mustOwn = (caller: Actor, appointmentId: string): void => {
    if (caller.role === 'admin') return;
    const appointment = appointments.get(appointmentId);
    if (!appointment || appointment.engineerId !== reference.engineerOfOperator(caller.operatorId)?.id) throw new AppError('forbidden', reason('appointment-not-yours'));
  };

  /** The run's current report (the last of its line), if any. */
  const currentOf = (runId: string): StoredReport | undefined => reports.ofRun(runId).find((row) => reports.successorOf(row.id) === undefined);

  // What may be issued, checked before printing and again inside the transaction.
  const checkIssuable = (run: StoredRun, correction: IssueRequest['correction']): StoredReport | undefined => {
    const current = currentOf(run.id);
    if (!correction) {
      if (current) throw new AppError('conflict', reason('report-already-issued', { number: current.reportNumber }));
      return undefined;
    }
    const replaced = reports.byId(correction.reportId);
    if (!replaced || replaced.runId !== run.id) throw new AppError('not-found', reason('report-not-found'));
    if (current && current.id !== replaced.id) throw new AppError('conflict', reason('report-not-current', { number: replaced.reportNumber, by: current.reportNumber }));
    return replaced;
  };

  const thumbnailsOf = (content: ServiceReportContent): EvidenceThumbnail[] => {
    const files = content.checklist.steps.flatMap((step) => (step.answer?.kind === 'evidence' ? step.answer.files : []));
    const unique = [...new Map(files.map((file) => [file.sha256, file])).values()];
    return unique.map((file) => {
      if (!images.has(file.mediaType)) return { sha256: file.sha256, dataUrl: null };
      const read = attachments.read(file.sha256);
      return { sha256: file.sha256, dataUrl: read.ok ? `data:${file.mediaType};base64,${read.bytes.toString('base64')}` : null };
    });
  };

  const print = async (input: Parameters<ReportPrinter['print']>[0]): Promise<Uint8Array> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no PDF after ${printTimeoutMs / 1000} s`)), printTimeoutMs);
    });
    try {
      const bytes = await Promise.race([deps.printer.print(input), timeout]);
      if (!(bytes instanceof Uint8Array) || bytes.length < 5 || Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new Error('the printer did not return a PDF');
      return bytes;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('internal', reason('report-print-failed', { detail: (error as Error).message }));
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    /** The case's reports (oldest first) and its finished runs without a current report. */
    listOfCase(caseId: string): { reports: IssuedReport[]; issuable: IssuableRun[] } {
      if (!cases.case(caseId)) throw new AppError('not-found', reason('case-not-found'));
      const rows = reports.ofCase(caseId);
      const reported = new Set(rows.map((row) => row.runId));
      const issuable = sources.finishedRunsOfCase(caseId).filter((run) => !reported.has(run.runId));
      return { reports: rows.map((row) => issuedReportOf(row, reports)), issuable };
    },

    async issue(caller: Actor, request: IssueRequest): Promise<IssuedReport> {
      const run = runOf(request.runId);
      mustOwn(caller, run.appointmentId);
      if (run.status !== 'finished') throw new AppError('conflict', reason('report-run-not-finished'));
      if (request.correction && request.correction.reason.trim().length < REISSUE_REASON_MIN_LENGTH) {
        throw new AppError('invalid-input', reason('report-reissue-reason', { min: REISSUE_REASON_MIN_LENGTH }), 'correction.reason');
      }
      const replaced = checkIssuable(run, request.correction);
      const visit = sources.visit(run.appointmentId);
      if (!visit) throw new AppError('not-found', reason('appointment-not-found'));
      const view = buildRunView(run, checklist, cases);
      const journaled = run.operationId === null ? undefined : journal.latestOperationOf(run.caseId);
      const operation = run.operationId === null ? undefined : sources.operation(run.operationId);
      const settled = journaled && journaled.id === run.operationId && journaled.steps.some((s) => s.step === 'settle') ? automaticAnswer('batch-settled', journaled).facts : null;
      const issuedAt = now();
      const prefix = `SR-${day(issuedAt)}-`;
      const reportNumber = `${prefix}${String(reports.lastNumberWith(prefix) + 1).padStart(4, '0')}`;
      const content = assembleReport({
        reportNumber,
        supersedes: replaced?.reportNumber ?? null,
        issuedAt,
        issuer: { username: caller.username, displayName: sources.displayName(caller.username) },
        visit,
        view,
        operation,
        settled: settled?.check === 'batch-settled' ? settled : null,
      });
      const fingerprint = reportFingerprint(content);
      const bytes = await print({ content, fingerprint, qrSvgDataUrl: await deps.qrCode(fingerprint), evidenceThumbnails: thumbnailsOf(content), language: request.language });
      // Stored before the transaction (a file write cannot roll back); a crash in between leaves a
      // file no row names, which the content store keeps harmlessly and a later issue may reuse.
      const pdfSha256 = attachments.put(bytes);
      const meta = newRecordMeta(caller.username, issuedAt);
      const attachmentMeta = newRecordMeta(caller.username, issuedAt);
      const row: StoredReport = {
        ...meta,
        reportNumber,
        caseId: run.caseId,
        appointmentId: run.appointmentId,
        runId: run.id,
        terminalSerial: content.terminal.serialNumber,
        merchantName: content.merchant.name,
        content: canonicalJson(content),
        fingerprint,
        pdfSha256,
        pdfSize: bytes.length,
        pdfAttachmentId: attachmentMeta.id,
        language: request.language,
        issuedAt: issuedAt.toISOString(),
        issuedBy: caller.username,
        issuedByName: content.issuedBy.displayName,
        ...(replaced && request.correction ? { supersedes: replaced.id, reissueReason: request.correction.reason.trim() } : {}),
      };
      audited(
        (changes: ReturnType<typeof cases.insertAttachment>[]) => ({
          actor: caller.username,
          action: reportAuditActions.issued,
          entity: { type: 'service-report', id: row.id },
          payload: {
            reportNumber,
            caseId: row.caseId,
            runId: row.runId,
            terminalSerial: row.terminalSerial,
            fingerprint,
            pdfSha256,
            pdfSize: row.pdfSize,
            language: row.language,
            supersedes: replaced?.reportNumber ?? null,
            ...(row.reissueReason === undefined ? {} : { reason: row.reissueReason }),
          },
          at: issuedAt,
          changes,
        }),
        () => {
          checkIssuable(run, request.correction);
          if (reports.lastNumberWith(prefix) >= Number(reportNumber.slice(prefix.length))) {
            throw new AppError('conflict', reason('report-conflict', { number: reportNumber }));
          }
          const attachment = cases.insertAttachment({
            ...attachmentMeta,
            caseId: run.caseId,
            purpose: REPORT_PURPOSE,
            sha256: pdfSha256,
            fileName: `${reportNumber}.pdf`,
            mediaType: 'application/pdf',
            size: bytes.length,
          });
          return [attachment, reports.insert(row)];
        },
        { durability: 'full' },
      );
      return issuedReportOf(row, reports);
    },

    /** The PDF's bytes, read back from the store and checked against their hash. */
    pdf(reportId: string): { report: IssuedReport; bytes: Buffer } {
      const row = reports.byId(reportId);
      if (!row) throw new AppError('not-found', reason('report-not-found'));
      const read = attachments.read(row.pdfSha256);
      if (!read.ok) throw new AppError('not-found', reason('report-pdf-missing', { number: row.reportNumber, problem: reason(`report-problem-${read.problem}`) }));
      return { report: issuedReportOf(row, reports), bytes: read.bytes };
    },

    verify(bytes: Uint8Array): ReportVerifyResult {
      if (bytes.length === 0) throw new AppError('invalid-input', reason('report-file-empty'));
      return verifyReportBytes(bytes, reports);
    },
  };
}
