import { deskAuditActions } from '../desk/desk-audit';
import { checklistAuditActions } from '../checklist/checklist-audit';
import { reportAuditActions } from '../report/report-audit';
import { rebindAuditActions } from '../rebind/rebind-audit';
import { trainingAuditActions, trainingFileAuditActions } from '../training/training';
import { dataAuditActions, securityAuditActions } from './audit-actions';

/**
 * Every action code the app writes to the audit log, for the Audit page's names and its action
 * filter. A test checks that both languages name each one, so a new action cannot ship unnamed.
 */
export const auditActionCodes: readonly string[] = [...Object.values(securityAuditActions), ...Object.values(dataAuditActions), ...Object.values(rebindAuditActions), ...Object.values(deskAuditActions), ...Object.values(checklistAuditActions), ...Object.values(trainingAuditActions), ...Object.values(trainingFileAuditActions), ...Object.values(reportAuditActions)];
