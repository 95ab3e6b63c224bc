// The Reports page (issue 11 point 4, docs/reports.md): one call per report, aggregates computed
// here by SQL over the main database only — the training file (docs/training.md) is never opened.
import type Database from 'better-sqlite3';
import { createSqliteAuditRepository } from '../audit/sqlite-audit-repository';
import { findAuditAnchors } from '../backup/audit-anchors';
import type { FeatureModule } from '../ipc/compose-modules';
import { createComplianceService } from './compliance-service';
import { createSqliteComplianceRepository } from './sqlite-compliance-repository';
import { createServiceReportService } from './service-report-service';
import { createSqliteServiceReportRepository } from './sqlite-service-report-repository';

export type ReportsChannel = 'reports:service' | 'reports:compliance';

export interface ReportsModuleDeps {
  connection: () => Database.Database;
  now: () => Date;
  /** The data directory: the audit anchors (backups) the chain is checked against. */
  dataDir: string;
}

export function createReportsModule(deps: ReportsModuleDeps): FeatureModule<ReportsChannel> {
  const service = createServiceReportService(createSqliteServiceReportRepository(deps.connection));
  const audit = createSqliteAuditRepository(deps.connection);
  const compliance = createComplianceService({
    repo: createSqliteComplianceRepository(deps.connection),
    verifyChain: () => audit.verify(findAuditAnchors(deps.dataDir)),
    now: deps.now,
  });
  return {
    handlers: {
      'reports:service': (period) => service.report(period),
      'reports:compliance': (period) => compliance.report(period),
    },
  };
}
