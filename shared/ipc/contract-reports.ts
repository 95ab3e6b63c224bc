// The Reports page's channels (issue 11 point 4, electron/main/reports/): one call per report,
// figures computed in main. Desk leads (desk operators an admin marked lead) and admins.
import { deskLead, type AccessHolder } from '../auth/roles';
import { reportPeriodSchema, serviceReportSchema } from '../reports/service-report';
import { compliancePeriodSchema, complianceReportSchema } from '../reports/compliance-report';
import { adminOnly } from './channel-roles';

/** Who reads the Reports page: admins and desk leads. */
export const reportRoles = ['admin', deskLead] as const satisfies readonly AccessHolder[];

export const reportsContract = {
  // Outcomes over time, first-time fix, time on site and failures by cause, bank, engineer and model.
  'reports:service': { input: reportPeriodSchema, output: serviceReportSchema, roles: reportRoles },
  // The compliance report (合规性检查): who revealed what, failed sign-ins, operator changes — the
  // audit log's content, so admins only, as the audit log is (docs/reports.md#roles).
  'reports:compliance': { input: compliancePeriodSchema, output: complianceReportSchema, roles: adminOnly },
} as const;
