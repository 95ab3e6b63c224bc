// The compliance report's sections as tables in the user's language, for the page and its CSV.
import { complianceSections, type ComplianceReport, type ComplianceSection } from '../../../../shared/reports';

/** One section as a table. */
export interface ComplianceTable {
  section: ComplianceSection;
  title: string;
  columns: string[];
  rows: (string | number)[][];
  truncated: boolean;
}

/** How the tables word things: message lookup, an action's, a field's name and a time. */
export interface ComplianceWording {
  t: (key: string, params?: Record<string, unknown>) => string;
  action: (code: string) => string;
  field: (key: string) => string;
  entity: (type: string) => string;
  time: (iso: string) => string;
}

/** The details of an entry as one cell: "field: value" pairs. */
export function detailsText(details: Record<string, string | number | boolean | null>, wording: Pick<ComplianceWording, 't' | 'field'>): string {
  return Object.entries(details)
    .map(([key, value]) => {
      const name = key.startsWith('changes.') ? wording.field(key.slice('changes.'.length)) : wording.field(key);
      // A flag's change comes from main as "false → true": said in the user's words too.
      const yesNo = (flag: boolean) => wording.t(flag ? 'compliance.yes' : 'compliance.no');
      const said = value === null ? '—' : typeof value === 'boolean' ? yesNo(value) : String(value).replace(/^(true|false) → (true|false)$/, (_all, from: string, to: string) => `${yesNo(from === 'true')} → ${yesNo(to === 'true')}`);
      return `${name}: ${said}`;
    })
    .join('; ');
}

/** Every section, in report order. */
export function complianceTables(report: ComplianceReport, wording: ComplianceWording): ComplianceTable[] {
  const { t } = wording;
  const columns = [t('compliance.seq'), t('compliance.time'), t('compliance.actor'), t('compliance.action'), t('compliance.entity'), t('compliance.details')];
  return complianceSections.map((section) => ({
    section,
    title: t(`compliance.sections.${section}`),
    columns,
    rows: report.sections[section].rows.map((row) => [row.seq, wording.time(row.time), row.actor, wording.action(row.action), `${wording.entity(row.entityType)} ${row.entityId}`, detailsText(row.details, wording)]),
    truncated: report.sections[section].truncated,
  }));
}

/** The chain's verification as one table: result, entries checked, head. */
export function chainTable(report: ComplianceReport, { t }: Pick<ComplianceWording, 't'>): { title: string; columns: string[]; rows: (string | number)[][] } {
  const chain = report.chain;
  const result = chain.ok ? t('compliance.chainOk') : t('compliance.chainBroken', { seq: chain.firstProblem?.seq ?? 0 });
  return {
    title: t('compliance.chain'),
    columns: [t('compliance.chainResult'), t('compliance.checked'), t('compliance.headSeq'), t('compliance.headHash')],
    rows: [[result, chain.checked, chain.head?.seq ?? 0, chain.head?.hash ?? '—']],
  };
}
