import type Database from 'better-sqlite3';
import type { AuditAnchor } from '../../../../shared/audit/audit-entry';
import { exportAuditCsv } from '../../audit/audit-export';
import { auditHead } from '../../db/audit-chain';
import { countAuditEntries, listAuditEntries } from '../../audit/audit-rows';
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
    'audit:list': (input) => {
      const db = connection();
      // One read transaction: the page, the head and the count describe the same state of the log.
      return db.transaction(() => ({
        entries: listAuditEntries(db, { before: input.before, limit: input.limit ?? 50 }),
        head: auditHead(db),
        total: countAuditEntries(db),
      }))();
    },
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
