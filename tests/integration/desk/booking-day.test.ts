// The engineer's day (issue 10 point 5): Today lists the signed-in engineer's appointments, the work
// order fills the On-site view, and the rebind's outcome — run for real on the built-in demo
// terminal — moves the case named by id in the journal.
import { describe, expect, it } from 'vitest';
import { readAuditPage } from '../../../electron/main/audit/audit-rows';
import { demoPortPath } from '../../../shared/terminal/port-info';
import { callAs } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { openDesk, refusalOf, seedCase, type Desk } from './booking-fixture';

const tempDir = useTempDir('rebinddesk-desk-day-');

interface Today { date: string; zone: string; appointments: { appointment: { id: string; start: string }; merchant: { shortName: string; address: string }; terminal: { serial: string; tid: string; model: string }; bank: { code: string; templateId: string } }[] }
interface WorkOrder { caseId: string; templateId: string; merchant: { tid: string; mid: string; name: string; mcc: string }; workOrder: { caseRef: string; expectedSerial: string; expectedTid: string; expectedModel: string } }

// The demo terminal: PAX A920, serial 1170012345, TID 12345678, firmware PayDroid 7.1.2.
async function bookDemoCase(desk: Desk, slot = { start: '2026-12-01T06:00:00.000Z', end: '2026-12-01T07:00:00.000Z' }) {
  const db = desk.ctx.database.current();
  const seeded = seedCase(db, desk.modelIds, { model: 'PAX A920', firmware: 'PayDroid 7.1.2', serial: '1170012345', tid: '12345678', shortName: '浦东便利' });
  const booked = (await callAs(desk.ctx, desk.desk, 'desk:book', { caseId: seeded.caseId, engineerId: desk.engineers[0]!.id, zone: 'Asia/Shanghai', slot })) as { booked: boolean; appointment: { id: string } };
  expect(booked.booked).toBe(true);
  return { ...seeded, appointmentId: booked.appointment.id };
}

async function runRebind(desk: Desk, window: Desk['engineers'][number]['window'], order: WorkOrder): Promise<void> {
  await callAs(desk.ctx, window, 'terminal:connect', { path: demoPortPath, baudRate: 115200 });
  // The desk keeps no MCC: the engineer enters it on site.
  await callAs(desk.ctx, window, 'rebind:start', { templateId: order.templateId, merchant: { ...order.merchant, mcc: '5411' }, workOrder: order.workOrder, caseId: order.caseId });
  await desk.ctx.onsite.idle();
}

// A booked demo case whose visit ends restored: the acquirer's host does not answer, so the host
// test fails and the engine restores the old set.
async function restoredVisit() {
  const desk = await openDesk(tempDir(), 1);
  const { appointmentId, caseId } = await bookDemoCase(desk);
  const engineer = desk.engineers[0]!;
  const order = (await callAs(desk.ctx, engineer.window, 'desk:appointment-work-order', { appointmentId })) as WorkOrder;
  await callAs(desk.ctx, engineer.window, 'terminal:connect', { path: demoPortPath, baudRate: 115200 });
  await callAs(desk.ctx, engineer.window, 'terminal:demo-control', { hostReachable: false });
  await runRebind(desk, engineer.window, order);
  return { desk, caseId, engineer, order };
}

describe("the engineer's day", () => {
  it("lists the signed-in engineer's appointments of the day with the receipt short name, the terminal and the bank's template; only theirs", async () => {
    const desk = await openDesk(tempDir(), 2, () => new Date('2026-12-01T02:00:00.000Z'), 'Asia/Shanghai');
    const { appointmentId, caseId } = await bookDemoCase(desk);
    const [mine, other] = desk.engineers;
    const today = (await callAs(desk.ctx, mine!.window, 'desk:today', {})) as Today;
    expect(today).toMatchObject({ date: '2026-12-01', zone: 'Asia/Shanghai' });
    expect(today.appointments).toEqual([
      expect.objectContaining({
        appointment: expect.objectContaining({ id: appointmentId, start: '2026-12-01T06:00:00.000Z' }),
        merchant: { shortName: '浦东便利', address: expect.stringMatching(/^上海市浦东新区/) },
        terminal: { serial: '1170012345', tid: '12345678', model: 'A920' },
        bank: { code: 'acquirer-b', name: expect.any(String), templateId: 'acquirer-b' },
      }),
    ]);
    expect(((await callAs(desk.ctx, mine!.window, 'desk:today', { date: '2026-12-02' })) as Today).appointments).toEqual([]);
    expect(((await callAs(desk.ctx, other!.window, 'desk:today', {})) as Today).appointments).toEqual([]);

    const order = (await callAs(desk.ctx, mine!.window, 'desk:appointment-work-order', { appointmentId })) as WorkOrder;
    expect(order).toMatchObject({
      caseId,
      templateId: 'acquirer-b',
      merchant: { tid: '12345678', name: '浦东便利' },
      workOrder: { caseRef: caseId, expectedSerial: '1170012345', expectedTid: '12345678', expectedModel: 'A920' },
    });
    expect(order.merchant.name).not.toMatch(/有限公司/);
    expect(await refusalOf(desk.ctx, other!.window, 'desk:appointment-work-order', { appointmentId })).toMatchObject({ code: 'forbidden', reason: 'appointment-not-yours' });
    expect(await refusalOf(desk.ctx, desk.desk, 'desk:today', {})).toMatchObject({ code: 'forbidden' });
    expect(await refusalOf(desk.ctx, desk.admin, 'desk:today', {})).toMatchObject({ code: 'not-found', reason: 'appointment-no-engineer-profile' });
    // An admin covers for any engineer: the work order opens.
    expect(((await callAs(desk.ctx, desk.admin, 'desk:appointment-work-order', { appointmentId })) as WorkOrder).caseId).toBe(caseId);
    await desk.ctx.close();
  });

  it('a rebound on site moves the case to rebound; the journal names the case by id', async () => {
    const desk = await openDesk(tempDir(), 1);
    const { appointmentId, caseId } = await bookDemoCase(desk);
    const engineer = desk.engineers[0]!;
    const order = (await callAs(desk.ctx, engineer.window, 'desk:appointment-work-order', { appointmentId })) as WorkOrder;
    const db = desk.ctx.database.current();
    // The view reads the case when it hears the outcome: by then the case has moved.
    const heardWith: unknown[] = [];
    desk.ctx.events.addSink((event, payload) => {
      if (event === 'rebind:event' && (payload as { type: string }).type === 'outcome') heardWith.push(db.prepare('SELECT state FROM cases WHERE id = ?').get(caseId));
    });
    await runRebind(desk, engineer.window, order);
    expect(heardWith).toEqual([{ state: 'rebound' }]);
    expect(db.prepare('SELECT outcome, case_id AS caseId FROM rebind_operations').all()).toEqual([{ outcome: 'rebound', caseId }]);
    expect(db.prepare('SELECT state FROM cases WHERE id = ?').get(caseId)).toEqual({ state: 'rebound' });
    expect(db.prepare('SELECT action, created_by AS who FROM case_transitions WHERE case_id = ? ORDER BY rowid').all(caseId)).toEqual([
      { action: 'schedule', who: 'desk.wang' },
      { action: 'start-on-site', who: 'eng.1' },
      { action: 'record-rebound', who: 'eng.1' },
    ]);
    const entry = readAuditPage(db, 0, 500).find((r) => r.action === 'appointment.visit-outcome')!;
    expect(JSON.parse(entry.payload)).toMatchObject({ outcome: 'rebound', caseFrom: 'scheduled', caseTo: 'rebound' });
    const started = readAuditPage(db, 0, 500).find((r) => r.action === 'rebind.started')!;
    expect(JSON.parse(started.payload)).toMatchObject({ caseId, caseRef: caseId });
    await desk.ctx.close();
  });

  it('a restored rebind fails the case with its reason, and a new appointment can be booked', async () => {
    const { desk, caseId, engineer } = await restoredVisit();
    const db = desk.ctx.database.current();
    const op = db.prepare('SELECT outcome, reason FROM rebind_operations').get() as { outcome: string; reason: string };
    expect(op.outcome).toBe('restored');
    expect(db.prepare('SELECT state, closing_reason AS why FROM cases WHERE id = ?').get(caseId)).toEqual({ state: 'failed', why: `restored: ${op.reason}` });
    const again = (await callAs(desk.ctx, desk.desk, 'desk:book', { caseId, engineerId: engineer.id, zone: 'Asia/Shanghai', slot: { start: '2026-12-02T02:00:00.000Z', end: '2026-12-02T03:00:00.000Z' } })) as { booked: boolean; caseState: string };
    expect(again).toMatchObject({ booked: true, caseState: 'scheduled' });
    await desk.ctx.close();
  });

  it("the engineer's case page reads the visit as the cases aggregate wrote it; a depot run without a case moves none", async () => {
    const { desk, caseId, engineer, order } = await restoredVisit();
    interface Detail { case: { state: string; version: number; closingReason?: string }; timeline: { action: string; toState: string; reason?: string; createdBy: string }[] }
    const detail = (await callAs(desk.ctx, engineer.window, 'desk:case-get', { caseId })) as Detail;
    expect(detail.case).toMatchObject({ state: 'failed', version: 4, closingReason: expect.stringMatching(/^restored: /) });
    // The fixture writes the case with SQL (no opening row): the timeline starts at the booking.
    expect(detail.timeline.map((row) => [row.action, row.toState, row.createdBy])).toEqual([
      ['schedule', 'scheduled', 'desk.wang'],
      ['start-on-site', 'on-site', 'eng.1'],
      ['record-failure', 'failed', 'eng.1'],
    ]);
    expect(detail.timeline.at(-1)!.reason).toBe(detail.case.closingReason);

    // The same terminal at the depot, no case named: the journal row has none and the case stays failed.
    await callAs(desk.ctx, engineer.window, 'terminal:demo-control', { hostReachable: true });
    await callAs(desk.ctx, engineer.window, 'rebind:start', { templateId: order.templateId, merchant: { ...order.merchant, mcc: '5411' }, workOrder: { caseRef: 'depot bench 3' } });
    await desk.ctx.onsite.idle();
    const db = desk.ctx.database.current();
    expect(db.prepare('SELECT outcome, case_id AS caseId FROM rebind_operations ORDER BY id').all()).toEqual([
      { outcome: 'restored', caseId },
      { outcome: 'rebound', caseId: null },
    ]);
    expect(db.prepare('SELECT state, version FROM cases WHERE id = ?').get(caseId)).toEqual({ state: 'failed', version: 4 });
    await desk.ctx.close();
  });
});
