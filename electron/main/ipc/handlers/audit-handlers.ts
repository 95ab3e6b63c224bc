import type Database from 'better-sqlite3';
import type { AuditAnchor } from '../../../../shared/audit/audit-entry';
import { exportAuditCsv } from '../../audit/audit-export';
import { listAudit } from '../../audit/audit-list';
import { verifyAuditChain } from '../../audit/audit-verify';
import type { FilePicker } from '../../platform/file-picker';
import type { HandlersFor } from './handler-types';

type AuditChannel = 'audit:list' | 'audit:verify' | 'audit:export';

/** The Audit page: entries newest first, the chain check, and the CSV export for auditors. */
export function auditHandlers(
  connection: () => Database.Database,
  picker: FilePicker,
  now: () => Date,
  /** The heads recorded outside the database (backups), checked on every verify. */
  anchors: () => AuditAnchor[] = () => [],
): HandlersFor<AuditChannel> {
  return {
    'audit:list': (input) => listAudit(connection(), input),
    'audit:verify': () => verifyAuditChain(connection(), { anchors: anchors() }),
    'audit:export': async (_input, { caller }) => {
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      const path = await picker.chooseAuditExportTarget(`rebinddesk-audit-${stamp}.csv`);
      if (path === null) return null;
      const summary = exportAuditCsv(connection(), caller, path, now);
      return { location: summary.path, entries: summary.entries, head: summary.head, verified: summary.verify.ok };
    },
  };
}
