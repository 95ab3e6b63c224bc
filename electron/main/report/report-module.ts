// The service report feature (issue 11 point 3, docs/service-report.md). Composed in
// main-context.ts with the printer the composition root chose (Electron's printToPDF in the app,
// Chromium in the browser harness and the tests); without one, issuing is refused and the rest works.
import type Database from 'better-sqlite3';
import { reason } from '../../../shared/errors/reason';
import { AppError } from '../app-error';
import { qrSvgDataUrl } from '../auth/qr-code';
import { createJournalReader } from '../checklist/journal-reader';
import { createSqliteChecklistRepository } from '../checklist/sqlite-checklist-repository';
import { attachmentsDirOf } from '../data-dir';
import { auditedOn } from '../db/audited';
import { createSqliteAppointmentRepository } from '../desk/booking/sqlite-appointment-repository';
import { createSqliteCaseRepository } from '../desk/cases/sqlite-case-repository';
import { createSqliteReferenceRepository } from '../desk/reference/sqlite-reference-repository';
import { openContentStore } from '../fs/content-store';
import type { FeatureModule } from '../ipc/compose-modules';
import type { ReportPrinter } from './report-printer';
import { createReportService, type ReportService } from './report-service';
import { createSqliteReportRepository } from './sqlite-report-repository';
import { createSqliteReportSources } from './sqlite-report-sources';

export type ReportChannel = 'report:list' | 'report:issue' | 'report:pdf' | 'report:verify';

export interface ReportModuleDeps {
  connection: () => Database.Database;
  now: () => Date;
  /** The data directory: report PDFs go to its attachments/ folder with the case attachments. */
  dataDir: string;
  /** null: this composition has no printer; issuing is refused with report-printer-unavailable. */
  printer: ReportPrinter | null;
}

const noPrinter: ReportPrinter = {
  print: () => Promise.reject(new AppError('internal', reason('report-printer-unavailable'))),
};

export function createReportModule(deps: ReportModuleDeps): FeatureModule<ReportChannel> & { reports: ReportService } {
  const reports = createReportService({
    reports: createSqliteReportRepository(deps.connection),
    checklist: createSqliteChecklistRepository(deps.connection),
    cases: createSqliteCaseRepository(deps.connection),
    appointments: createSqliteAppointmentRepository(deps.connection),
    reference: createSqliteReferenceRepository(deps.connection),
    sources: createSqliteReportSources(deps.connection),
    journal: createJournalReader(deps.connection),
    attachments: openContentStore(attachmentsDirOf(deps.dataDir)),
    printer: deps.printer ?? noPrinter,
    qrCode: qrSvgDataUrl,
    audited: auditedOn(deps.connection),
    now: deps.now,
  });
  return {
    reports,
    handlers: {
      'report:list': ({ caseId }) => reports.listOfCase(caseId),
      'report:issue': ({ runId, language, correction }, { caller }) => reports.issue(caller, { runId, language, correction }),
      'report:pdf': ({ reportId }) => {
        const { report, bytes } = reports.pdf(reportId);
        return { report, fileName: `${report.reportNumber}.pdf`, dataBase64: bytes.toString('base64') };
      },
      'report:verify': ({ dataBase64 }) => reports.verify(Buffer.from(dataBase64, 'base64')),
    },
  };
}
