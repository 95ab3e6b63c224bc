import type Database from 'better-sqlite3';
import { exportAuditCsv } from './audit-export';
import { listAudit } from './audit-list';
import type { AuditRepository } from './audit-repository';
import { verifyAuditChain } from './audit-verify';

/** The audit read side over the live database; `connection` is asked at each call, so a restore is followed. */
export function createSqliteAuditRepository(connection: () => Database.Database): AuditRepository {
  return {
    page: (query) => listAudit(connection(), query),
    verify: (anchors) => verifyAuditChain(connection(), { anchors }),
    exportCsv: (actor, path, now) => exportAuditCsv(connection(), actor, path, now),
  };
}
