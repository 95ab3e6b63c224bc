import { findAuditAnchors } from '../backup/audit-anchors';
import type { FeatureModule } from '../ipc/compose-modules';
import type Database from 'better-sqlite3';
import { createAuditService, type AuditServiceDeps } from './audit-service';
import { createSqliteAuditRepository } from './sqlite-audit-repository';

/** What the audit feature needs: the service's deps, with the anchors found in the data directory. */
export type AuditModuleDeps = Omit<AuditServiceDeps, 'anchors' | 'log'> & { dataDir: string; connection: () => Database.Database };

export function createAuditModule(deps: AuditModuleDeps): FeatureModule<'audit:list' | 'audit:verify' | 'audit:export'> {
  const audit = createAuditService({ ...deps, log: createSqliteAuditRepository(deps.connection), anchors: () => findAuditAnchors(deps.dataDir) });
  return {
    handlers: {
      'audit:list': (input) => audit.page(input),
      'audit:verify': () => audit.verify(),
      'audit:export': (_input, { caller }) => audit.exportCsv(caller),
    },
  };
}
