// The Reports page's aggregates against a known data set on a real SQLite file, every figure
// worked out by hand from the visits below (Shanghai local times; UTC+8).
import { describe, expect, it } from 'vitest';
import { caseVisitFactsSql } from '../../../electron/main/desk/cases/case-visit-facts-sql';
import { countsForFirstTimeFix, isFirstTimeFix } from '../../../shared/reports/first-time-fix';
import type { ServiceReport } from '../../../shared/reports';
import { openDesk, refusalOf, type Desk } from '../desk/booking-fixture';
import { callAs, signInNewOperator } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { seedReportCase, seedReportDataSet } from './report-fixture';

const tempDir = useTempDir('rebinddesk-reports-');

async function reportDesk(): Promise<Desk & { lead: Desk['desk'] }> {
  const desk = await openDesk(tempDir(), 2);
  const { window: lead, operatorId } = await signInNewOperator(desk.ctx, desk.admin, 'lead.zhou', 'desk');
  await callAs(desk.ctx, desk.admin, 'operators:update', { id: operatorId, deskLead: true });
  seedReportDataSet(desk.ctx.database.current(), desk.modelIds, [desk.engineers[0]!.id, desk.engineers[1]!.id]);
  return { ...desk, lead };
}

const period = (from: string, to: string) => ({ from, to, zone: 'Asia/Shanghai' });
const zero = { completed: 0, restored: 0, failed: 0 };

describe('reports:service', () => {
  it('counts outcomes per week, first-time fix, time on site and failures by cause, bank, engineer and model', async () => {
    const desk = await reportDesk();
    const report = (await callAs(desk.ctx, desk.lead, 'reports:service', period('2026-11-02', '2026-12-13'))) as ServiceReport;
    expect(report.granularity).toBe('week');
    expect(report.outcomes).toEqual([
      { start: '2026-11-02', completed: 1, restored: 0, failed: 1 },
      { start: '2026-11-09', completed: 1, restored: 0, failed: 0 },
      // C3 ended at 00:10 on Monday 16 November in Shanghai (Sunday 16:10 UTC): this week, not the last.
      { start: '2026-11-16', completed: 0, restored: 1, failed: 1 },
      { start: '2026-11-23', ...zero },
      { start: '2026-11-30', ...zero },
      { start: '2026-12-07', ...zero },
    ]);
    expect(report.totals).toEqual({ completed: 2, restored: 1, failed: 2 });
    // C1, C2, C3, C4, C6 counted; C1 and C6 fixed the first time: 2 / 5.
    expect(report.firstTimeFix).toEqual({ counted: 5, fixed: 2, rate: 0.4 });
    // (90 + 60 + 75 + 30 + 10) / 5.
    expect(report.onSite).toEqual({ visits: 5, averageMinutes: 53 });
    expect(report.failures.byCause).toEqual([
      { key: 'host-unreachable', count: 1 },
      { key: 'merchant-absent', count: 1 },
      { key: 'restored', count: 1 },
    ]);
    expect(report.failures.byBank).toEqual([
      { key: 'acquirer-c', label: 'Acquirer C (sample)', count: 2 },
      { key: 'acquirer-b', label: 'Acquirer B (sample)', count: 1 },
    ]);
    expect(report.failures.byEngineer).toEqual([
      { key: desk.engineers[1]!.id, label: 'eng.2', count: 2 },
      { key: desk.engineers[0]!.id, label: 'eng.1', count: 1 },
    ]);
    expect(report.failures.byModel).toEqual([
      { key: desk.modelIds['PAX A930'], label: 'PAX A930', count: 2 },
      { key: desk.modelIds['PAX A920'], label: 'PAX A920', count: 1 },
    ]);
    await desk.ctx.close();
  });

  it('puts a visit on its local day at a period boundary, and answers an empty period with zeros and no rates', async () => {
    const desk = await reportDesk();
    const days = (await callAs(desk.ctx, desk.admin, 'reports:service', period('2026-11-15', '2026-11-16'))) as ServiceReport;
    expect(days.granularity).toBe('day');
    expect(days.outcomes).toEqual([{ start: '2026-11-15', ...zero }, { start: '2026-11-16', completed: 0, restored: 1, failed: 0 }]);
    // C3's first outcome (its rebound at 23:55 on the 15th) is in; it failed after: counted, not fixed.
    expect(days.firstTimeFix).toEqual({ counted: 1, fixed: 0, rate: 0 });
    const sunday = (await callAs(desk.ctx, desk.admin, 'reports:service', period('2026-11-15', '2026-11-15'))) as ServiceReport;
    expect(sunday.totals).toEqual(zero);
    expect(sunday.onSite).toEqual({ visits: 0, averageMinutes: null });

    const empty = (await callAs(desk.ctx, desk.admin, 'reports:service', period('2027-01-01', '2027-01-31'))) as ServiceReport;
    expect(empty.outcomes).toHaveLength(31);
    expect(empty.outcomes.every((b) => b.completed + b.restored + b.failed === 0)).toBe(true);
    expect(empty.totals).toEqual(zero);
    expect(empty.firstTimeFix).toEqual({ counted: 0, fixed: 0, rate: null });
    expect(empty.onSite).toEqual({ visits: 0, averageMinutes: null });
    expect(empty.failures).toEqual({ byCause: [], byBank: [], byEngineer: [], byModel: [] });

    // By month over seven months: C5 in October, C6 in December (its local day).
    const months = (await callAs(desk.ctx, desk.admin, 'reports:service', period('2026-06-01', '2026-12-31'))) as ServiceReport;
    expect(months.granularity).toBe('month');
    expect(months.outcomes.map((b) => [b.start, b.completed, b.restored, b.failed])).toEqual([
      ['2026-06-01', 0, 0, 0], ['2026-07-01', 0, 0, 0], ['2026-08-01', 0, 0, 0], ['2026-09-01', 0, 0, 0],
      ['2026-10-01', 1, 0, 0], ['2026-11-01', 2, 1, 2], ['2026-12-01', 1, 0, 0],
    ]);
    // A period starting mid-week: its first week is cut to it (Thursday 15 October), the next from Monday.
    const mid = (await callAs(desk.ctx, desk.admin, 'reports:service', period('2026-10-15', '2027-01-10'))) as ServiceReport;
    expect(mid.outcomes.slice(0, 2).map((b) => b.start)).toEqual(['2026-10-15', '2026-10-19']);
    expect(mid.outcomes.at(-1)!.start).toBe('2027-01-04');
    await desk.ctx.close();
  });

  it('reads first-time fix per case exactly as shared/reports/first-time-fix.ts says', async () => {
    const desk = await reportDesk();
    const rows = desk.ctx.database.current().prepare(`SELECT rebound_at, failures, (rebound_at IS NOT NULL OR failures > 0) AS counted, (rebound_at IS NOT NULL AND failures = 0) AS fixed FROM (${caseVisitFactsSql})`).all() as { rebound_at: string | null; failures: number; counted: number; fixed: number }[];
    expect(rows.length).toBe(7);
    for (const row of rows) {
      const facts = { reachedRebound: row.rebound_at !== null, failures: row.failures };
      expect(row.counted === 1).toBe(countsForFirstTimeFix(facts));
      expect(row.fixed === 1).toBe(isFirstTimeFix(facts));
    }
    // The bank comparison uses the same rule: acquirer-c has C3 (rebound, then failed), C4 (failed) and C6 (fixed).
    const other = seedReportCase(desk.ctx.database.current(), desk.modelIds, { bank: 'acquirer-b', model: 'PAX A920', steps: [], visits: [] });
    const terminalId = (desk.ctx.database.current().prepare('SELECT terminal_id FROM cases WHERE id = ?').get(other) as { terminal_id: string }).terminal_id;
    desk.ctx.database.current().prepare("UPDATE cases SET state = 'cancelled' WHERE id = ?").run(other);
    desk.ctx.database.current().prepare("UPDATE terminals SET current_bank = 'acquirer-b' WHERE id = ?").run(terminalId);
    const { candidates } = (await callAs(desk.ctx, desk.desk, 'desk:case-candidates', { terminalId })) as { candidates: { code: string; outcomes: { firstTimeFixRate: number | null; reboundCases: number } }[] };
    expect(candidates.find((c) => c.code === 'acquirer-c')!.outcomes).toMatchObject({ reboundCases: 2, firstTimeFixRate: 1 / 3 });
    await desk.ctx.close();
  });

  it('answers admins and desk leads only, checked before the service runs, and a lead is a desk operator', async () => {
    const desk = await reportDesk();
    const input = period('2026-11-01', '2026-11-30');
    expect(await refusalOf(desk.ctx, desk.desk, 'reports:service', input)).toMatchObject({ code: 'forbidden', reason: 'role-not-allowed' });
    expect(await refusalOf(desk.ctx, desk.engineers[0]!.window, 'reports:service', input)).toMatchObject({ code: 'forbidden', reason: 'role-not-allowed' });
    // Refused before parsing: a wrong input gets the same refusal.
    expect(await refusalOf(desk.ctx, desk.desk, 'reports:service', { from: 'soon' })).toMatchObject({ code: 'forbidden' });
    expect(await refusalOf(desk.ctx, desk.lead, 'reports:service', { from: '2026-12-01', to: '2026-11-01', zone: 'Asia/Shanghai' })).toMatchObject({ code: 'invalid-input', field: 'to' });
    // An engineer cannot be a lead; a lead made engineer stops being one at once.
    const engineer = desk.engineers[0]!;
    expect(await refusalOf(desk.ctx, desk.admin, 'operators:update', { id: engineer.operatorId, deskLead: true })).toMatchObject({ reason: 'operator-lead-needs-desk', field: 'deskLead', params: { role: 'engineer' } });
    const { operators } = (await callAs(desk.ctx, desk.admin, 'operators:list', {})) as { operators: { id: number; username: string; deskLead: boolean }[] };
    const lead = operators.find((o) => o.username === 'lead.zhou')!;
    expect(lead.deskLead).toBe(true);
    expect(await callAs(desk.ctx, desk.lead, 'auth:session', {})).toMatchObject({ session: { role: 'desk', deskLead: true } });
    await callAs(desk.ctx, desk.admin, 'operators:update', { id: lead.id, role: 'engineer' });
    expect(await refusalOf(desk.ctx, desk.lead, 'reports:service', input)).toMatchObject({ code: 'forbidden' });
    await callAs(desk.ctx, desk.admin, 'operators:update', { id: lead.id, role: 'desk' });
    expect(((await callAs(desk.ctx, desk.admin, 'operators:list', {})) as { operators: { id: number; deskLead: boolean }[] }).operators.find((o) => o.id === lead.id)!.deskLead).toBe(false);
    // Granting and removing the flag is audited with the operator's other changes.
    const audit = desk.ctx.database.current().prepare("SELECT payload FROM audit_log WHERE action = 'operator.updated' ORDER BY seq").all() as { payload: string }[];
    expect(audit.map((row) => JSON.parse(row.payload).changes)).toEqual([
      { deskLead: { from: false, to: true } },
      { role: { from: 'desk', to: 'engineer' }, deskLead: { from: true, to: false } },
      { role: { from: 'engineer', to: 'desk' } },
    ]);
    await desk.ctx.close();
  });
});
