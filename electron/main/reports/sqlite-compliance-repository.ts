// Which audit entries each section of the compliance report holds, as SQL over audit_log. The
// actions are the ones the features write (shared/audit/audit-actions.ts, shared/rebind/rebind-audit.ts,
// shared/checklist/checklist-audit.ts); the tests seed each and one of every action left out.
import type Database from 'better-sqlite3';
import { dataAuditActions, securityAuditActions } from '../../../shared/audit/audit-actions';
import { checklistAuditActions } from '../../../shared/checklist/checklist-audit';
import { rebindAuditActions } from '../../../shared/rebind/rebind-audit';
import type { ComplianceSection } from '../../../shared/reports';
import { statementsOn } from '../db/statement-cache';
import type { ComplianceRepository, StoredComplianceEntry } from './compliance-repository';

const list = (actions: readonly string[]) => actions.map((action) => `'${action}'`).join(', ');

// A terminal put back on its previous bank: by the engine's restore, or recorded by the checklist.
const restoredOutcome = `(action IN (${list([rebindAuditActions.outcome, rebindAuditActions.closed, checklistAuditActions.runFinished])}) AND json_extract(payload, '$.outcome') = 'restored')`;

const sectionWhere: Record<ComplianceSection, string> = {
  overrides: `action = '${rebindAuditActions.workOrderOverridden}'`,
  reveals: `action IN (${list([securityAuditActions.fieldRevealed, securityAuditActions.fieldRevealRefused])})`,
  restores: `action = '${dataAuditActions.backupRestored}' OR ${restoredOutcome}`,
  signIns: `action IN (${list([securityAuditActions.signInFailed, securityAuditActions.accountLocked])})`,
  // A name change alone is not what the review asks about; a role, a disabled flag or a desk lead is.
  operators: `action IN (${list([securityAuditActions.firstAdminCreated, securityAuditActions.operatorCreated])})
    OR (action = '${securityAuditActions.operatorUpdated}' AND (json_extract(payload, '$.changes.role') IS NOT NULL
      OR json_extract(payload, '$.changes.disabled') IS NOT NULL OR json_extract(payload, '$.changes.deskLead') IS NOT NULL))`,
};

const sql = (section: ComplianceSection) => `
  SELECT seq, time, actor, action, entity_type AS entityType, entity_id AS entityId, payload FROM audit_log
  WHERE time >= @from AND time < @before AND (${sectionWhere[section]})
  ORDER BY seq LIMIT @limit`;

export function createSqliteComplianceRepository(connection: () => Database.Database): ComplianceRepository {
  const statements = statementsOn(connection);
  return {
    entries: (section, range, limit) => statements.all<StoredComplianceEntry>(sql(section), { ...range, limit }),
  };
}
