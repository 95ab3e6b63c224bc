import type { AuditVerifyResult } from '../../../shared/audit/audit-entry';
import { COMPLIANCE_SECTION_MAX_ROWS, complianceSections, reportBuckets, type ComplianceReport, type ComplianceRow, type ReportPeriod } from '../../../shared/reports';
import type { ComplianceRepository, StoredComplianceEntry } from './compliance-repository';

export interface ComplianceServiceDeps {
  repo: ComplianceRepository;
  /** The whole chain checked now, with the anchors outside the database (backups). */
  verifyChain: () => AuditVerifyResult;
  now: () => Date;
}

type Detail = string | number | boolean | null;

// A change `{from, to}` is said as "from → to"; a list joined; deeper objects as JSON, whole.
function detailOf(value: unknown): Detail {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
  if (typeof value === 'object' && value !== null && 'from' in value && 'to' in value) {
    const change = value as { from: unknown; to: unknown };
    return `${String(detailOf(change.from))} → ${String(detailOf(change.to))}`;
  }
  return JSON.stringify(value);
}

/** The payload's fields, one level of `changes` opened, so each change is its own detail. */
export function detailsOf(payload: string): Record<string, Detail> {
  const parsed = JSON.parse(payload) as Record<string, unknown>;
  const details: Record<string, Detail> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key === 'changes' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [changed, change] of Object.entries(value)) details[`changes.${changed}`] = detailOf(change);
    } else {
      details[key] = detailOf(value);
    }
  }
  return details;
}

const rowOf = ({ payload, ...entry }: StoredComplianceEntry): ComplianceRow => ({ ...entry, details: detailsOf(payload) });

/** The compliance report (合规性检查) of a period: each section's audit entries and the chain's verification. */
export function createComplianceService(deps: ComplianceServiceDeps) {
  return {
    report(period: ReportPeriod): ComplianceReport {
      const { buckets } = reportBuckets(period);
      const range = { from: buckets[0]!.from, before: buckets.at(-1)!.before };
      const sections = Object.fromEntries(
        complianceSections.map((section) => {
          const entries = deps.repo.entries(section, range, COMPLIANCE_SECTION_MAX_ROWS + 1);
          return [section, { rows: entries.slice(0, COMPLIANCE_SECTION_MAX_ROWS).map(rowOf), truncated: entries.length > COMPLIANCE_SECTION_MAX_ROWS }];
        }),
      ) as ComplianceReport['sections'];
      return { period: { from: period.from, to: period.to, zone: period.zone }, generatedAt: deps.now().toISOString(), sections, chain: deps.verifyChain() };
    },
  };
}
