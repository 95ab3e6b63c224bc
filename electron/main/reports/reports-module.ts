// The Reports page (issue 11 point 4, docs/reports.md): one call per report, aggregates computed
// here by SQL over the main database only — the training file (docs/training.md) is never opened.
import type Database from 'better-sqlite3';
import type { FeatureModule } from '../ipc/compose-modules';
import { createServiceReportService } from './service-report-service';
import { createSqliteServiceReportRepository } from './sqlite-service-report-repository';

export type ReportsChannel = 'reports:service';

export interface ReportsModuleDeps {
  connection: () => Database.Database;
}

export function createReportsModule(deps: ReportsModuleDeps): FeatureModule<ReportsChannel> {
  const service = createServiceReportService(createSqliteServiceReportRepository(deps.connection));
  return {
    handlers: {
      'reports:service': (period) => service.report(period),
    },
  };
}
