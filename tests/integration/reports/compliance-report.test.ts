// The compliance report (合规性检查) from a seeded audit log on a real SQLite file: which entries
// each section holds for a period (and which it leaves out), and the chain's verification with its
// head — also once an entry has been edited behind the app's back.
import { describe, expect, it } from 'vitest';
import { audited, type AuditedEntry } from '../../../electron/main/db/audited';
import type { ComplianceReport } from '../../../shared/reports';
import { openDesk, refusalOf } from '../desk/booking-fixture';
import { callAs, signInNewOperator } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { shanghai } from './report-fixture';

const tempDir = useTempDir('rebinddesk-compliance-');
// After the set-up's own entries (the chain's times never go back: an earlier one is written as the head's).
const period = { from: '2027-01-01', to: '2027-01-31', zone: 'Asia/Shanghai' };

const entry = (local: string, actor: string, action: string, entity: [string, string], payload: Record<string, unknown>): AuditedEntry => ({
  actor,
  action,
  entity: { type: entity[0], id: entity[1] },
  payload,
  at: new Date(shanghai(local)),
});

describe('reports:compliance', () => {
  it('lists the period’s overrides, reveals, restores, failed and locked sign-ins and operator changes, with the chain’s result and head', async () => {
    const desk = await openDesk(tempDir(), 1);
    const { window: lead, operatorId } = await signInNewOperator(desk.ctx, desk.admin, 'lead.zhou', 'desk');
    await callAs(desk.ctx, desk.admin, 'operators:update', { id: operatorId, deskLead: true });
    const db = desk.ctx.database.current();
    const seeded = [
      // Before the period (31 December 23:59 in Shanghai) and at its first instant.
      entry('2026-12-31 23:59', 'wang.eng', 'rebind.work-order-overridden', ['rebind-operation', '3'], { mismatches: ['serial'], reason: 'plate replaced, ticket 4410' }),
      entry('2027-01-01 00:00', 'wang.eng', 'rebind.work-order-overridden', ['rebind-operation', '4'], { mismatches: ['serial', 'model'], reason: 'plate replaced, ticket 4411' }),
      entry('2027-01-02 09:00', 'li.desk', 'sensitive.revealed', ['merchant', 'm-1'], { field: 'accountNo', empty: false }),
      entry('2027-01-02 09:01', 'wang.eng', 'sensitive.reveal-refused', ['merchant', 'm-1'], { field: 'accountNo' }),
      entry('2027-01-03 10:00', 'test.admin', 'backup.restored', ['backup', 'b-1'], { source: 'rebinddesk-2026-11-01.sqlite' }),
      entry('2027-01-03 11:00', 'wang.eng', 'rebind.outcome', ['rebind-operation', '5'], { outcome: 'restored', reason: { code: 'host-test-failed' }, open: true }),
      entry('2027-01-03 11:05', 'wang.eng', 'rebind.outcome', ['rebind-operation', '6'], { outcome: 'rebound', open: true }),
      entry('2027-01-03 11:30', 'wang.eng', 'checklist-run.finished', ['checklist-run', 'r-1'], { outcome: 'restored', caseId: 'c-1' }),
      entry('2027-01-04 08:00', 'anonymous', 'auth.sign-in-failed', ['operator', '-'], { reason: 'unknown-user' }),
      entry('2027-01-04 08:01', 'li.desk', 'auth.locked', ['operator', '2'], { failedAttempts: 10 }),
      entry('2027-01-04 08:02', 'li.desk', 'auth.signed-in', ['operator', '2'], { method: 'password' }),
      entry('2027-01-05 09:00', 'test.admin', 'operator.created', ['operator', '9'], { username: 'zhao.desk', role: 'desk' }),
      entry('2027-01-05 09:01', 'test.admin', 'operator.updated', ['operator', '9'], { username: 'zhao.desk', changes: { displayName: { from: 'Zhao', to: '赵' } } }),
      entry('2027-01-05 09:02', 'test.admin', 'operator.updated', ['operator', '9'], { username: 'zhao.desk', changes: { role: { from: 'desk', to: 'engineer' } } }),
      entry('2027-01-05 09:03', 'test.admin', 'operator.updated', ['operator', '9'], { username: 'zhao.desk', changes: { disabled: { from: false, to: true } } }),
      // The last day's last minute is in; the next day's first instant is not.
      entry('2027-01-31 23:59', 'li.desk', 'sensitive.revealed', ['merchant', 'm-2'], { field: 'legalRepId', empty: false }),
      entry('2027-02-01 00:00', 'li.desk', 'sensitive.revealed', ['merchant', 'm-3'], { field: 'legalRepId', empty: false }),
    ];
    audited(db, seeded, () => undefined);

    const report = (await callAs(desk.ctx, desk.admin, 'reports:compliance', period)) as ComplianceReport;
    const summary = (section: keyof ComplianceReport['sections']) => report.sections[section].rows.map((row) => [row.actor, row.action, row.entityId, row.details]);
    expect(summary('overrides')).toEqual([['wang.eng', 'rebind.work-order-overridden', '4', { mismatches: 'serial, model', reason: 'plate replaced, ticket 4411' }]]);
    expect(summary('reveals')).toEqual([
      ['li.desk', 'sensitive.revealed', 'm-1', { field: 'accountNo', empty: false }],
      ['wang.eng', 'sensitive.reveal-refused', 'm-1', { field: 'accountNo' }],
      ['li.desk', 'sensitive.revealed', 'm-2', { field: 'legalRepId', empty: false }],
    ]);
    expect(summary('restores')).toEqual([
      ['test.admin', 'backup.restored', 'b-1', { source: 'rebinddesk-2026-11-01.sqlite' }],
      ['wang.eng', 'rebind.outcome', '5', { outcome: 'restored', reason: '{"code":"host-test-failed"}', open: true }],
      ['wang.eng', 'checklist-run.finished', 'r-1', { outcome: 'restored', caseId: 'c-1' }],
    ]);
    expect(summary('signIns')).toEqual([
      ['anonymous', 'auth.sign-in-failed', '-', { reason: 'unknown-user' }],
      ['li.desk', 'auth.locked', '2', { failedAttempts: 10 }],
    ]);
    // The test's own set-up (lead.zhou added and made lead) is before the period: only the seeded ones.
    expect(summary('operators')).toEqual([
      ['test.admin', 'operator.created', '9', { username: 'zhao.desk', role: 'desk' }],
      ['test.admin', 'operator.updated', '9', { username: 'zhao.desk', 'changes.role': 'desk → engineer' }],
      ['test.admin', 'operator.updated', '9', { username: 'zhao.desk', 'changes.disabled': 'false → true' }],
    ]);
    expect(Object.values(report.sections).every((section) => !section.truncated)).toBe(true);
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    expect(report.chain).toMatchObject({ ok: true, head, checked: head.seq });

    // Admins only: a desk lead reads outcomes, not who looked at whose account number.
    expect(await refusalOf(desk.ctx, lead, 'reports:compliance', period)).toMatchObject({ code: 'forbidden', reason: 'role-not-allowed' });
    expect(await refusalOf(desk.ctx, desk.desk, 'reports:compliance', period)).toMatchObject({ code: 'forbidden' });
    expect(await refusalOf(desk.ctx, desk.engineers[0]!.window, 'reports:compliance', period)).toMatchObject({ code: 'forbidden' });

    // An entry edited behind the app's back: the report says the chain is broken, and where.
    const edited = report.sections.reveals.rows[0]!.seq;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET payload = json_set(payload, '$.field', 'tid') WHERE seq = ?").run(edited);
    const after = (await callAs(desk.ctx, desk.admin, 'reports:compliance', period)) as ComplianceReport;
    expect(after.chain.ok).toBe(false);
    expect(after.chain.firstProblem).toMatchObject({ seq: edited });
    expect(after.chain.checked).toBe(edited - 1);
    await desk.ctx.close();
  });
});
