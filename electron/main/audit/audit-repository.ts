import type { AuditAnchor, AuditVerifyResult } from '../../../shared/audit/audit-entry';
import type { Actor } from '../../../shared/auth/session';
import type { InvokeOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { AuditExportSummary } from './audit-export';

/**
 * The audit log's read side as the Audit page uses it. Writes never come through here: every
 * change appends its own entry inside its audited() operation (db/audited.ts).
 */
export interface AuditRepository {
  page(query: ParsedInput<'audit:list'>): InvokeOutput<'audit:list'>;
  verify(anchors: AuditAnchor[]): AuditVerifyResult;
  /** Writes the CSV to `path`; the export is itself an audited operation. */
  exportCsv(actor: Actor, path: string, now: () => Date): AuditExportSummary;
}
