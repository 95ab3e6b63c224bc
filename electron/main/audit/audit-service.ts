import type { AuditAnchor } from '../../../shared/audit/audit-entry';
import type { Actor } from '../../../shared/auth/session';
import type { InvokeOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { FilePicker } from '../platform/file-picker';
import type { AuditRepository } from './audit-repository';

export interface AuditServiceDeps {
  log: AuditRepository;
  picker: FilePicker;
  now: () => Date;
  /** The heads recorded outside the database (backups), checked on every verify. */
  anchors: () => AuditAnchor[];
}

/** The Audit page: entries newest first, the chain check, and the CSV export for auditors. */
export function createAuditService(deps: AuditServiceDeps) {
  const { log, now } = deps;
  return {
    page: (query: ParsedInput<'audit:list'>): InvokeOutput<'audit:list'> => log.page(query),
    verify: () => log.verify(deps.anchors()),
    /** Asks where to save, writes the CSV (the export itself is audited); null when the dialog was closed. */
    async exportCsv(actor: Actor): Promise<InvokeOutput<'audit:export'>> {
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      const path = await deps.picker.chooseAuditExportTarget(`rebinddesk-audit-${stamp}.csv`);
      if (path === null) return null;
      const summary = log.exportCsv(actor, path, now);
      return { location: summary.path, entries: summary.entries, head: summary.head, verified: summary.verify.ok };
    },
  };
}
