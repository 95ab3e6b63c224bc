import { describe, expect, it } from 'vitest';
import { readAuditPage } from '../../../electron/main/audit/audit-rows';
import { auditedOn, type AuditedEntries } from '../../../electron/main/db/audited';
import { createBooking } from '../../../electron/main/desk/booking/booking-handlers';
import { callAs } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { fixtureNow, openDesk, refusalOf, seedCase } from './booking-fixture';

const tempDir = useTempDir('rebinddesk-desk-booking-');

interface Outcome { booked: boolean; appointment: { id: string; version: number; start: string; end: string; status: string; engineerId: string }; caseState: string; reasons: { code: string; params: Record<string, unknown> }[] }

// Wednesday 2 December 2026 in Shanghai (UTC+8): 10:00–11:00 is 02:00–03:00 UTC.
const wed = (from: string, to: string) => ({ start: `2026-12-02T${from}:00:00.000Z`, end: `2026-12-02T${to}:00:00.000Z` });

describe('booking through the desk channels', () => {
  it('books a slot: a confirmed appointment, the case scheduled with a timeline row, one audit entry and its outbox rows', async () => {
    const { ctx, desk, engineers, modelIds } = await openDesk(tempDir());
    const db = ctx.database.current();
    const { caseId } = seedCase(db, modelIds);
    const outcome = (await callAs(ctx, desk, 'desk:book', { caseId, engineerId: engineers[0]!.id, zone: 'Asia/Shanghai', slot: wed('02', '03') })) as Outcome;
    expect(outcome).toMatchObject({ booked: true, caseState: 'scheduled', appointment: { status: 'confirmed', start: '2026-12-02T02:00:00.000Z', end: '2026-12-02T03:00:00.000Z', version: 1 } });
    expect(db.prepare('SELECT state, version FROM cases WHERE id = ?').get(caseId)).toEqual({ state: 'scheduled', version: 2 });
    expect(db.prepare('SELECT from_state AS f, to_state AS t, action, created_by AS who FROM case_transitions WHERE case_id = ?').all(caseId)).toEqual([{ f: 'agreement-signed', t: 'scheduled', action: 'schedule', who: 'desk.wang' }]);
    const booked = readAuditPage(db, 0, 200).filter((r) => r.action === 'appointment.booked');
    expect(booked).toHaveLength(1);
    expect(JSON.parse(booked[0]!.payload)).toMatchObject({ caseId, engineerId: engineers[0]!.id, zone: 'Asia/Shanghai', status: 'confirmed', caseTo: 'scheduled' });
    const outbox = db.prepare('SELECT entity, base_version AS base, audit_seq AS seq FROM outbox WHERE audit_seq = ? ORDER BY seq').all(booked[0]!.seq);
    expect(outbox).toEqual([
      { entity: 'appointment', base: null, seq: booked[0]!.seq },
      { entity: 'case', base: 1, seq: booked[0]!.seq },
      { entity: 'case-transition', base: null, seq: booked[0]!.seq },
    ]);
    await ctx.close();
  });

  it('refuses with every reason of the gate at once and writes nothing', async () => {
    const { ctx, desk, engineers, modelIds } = await openDesk(tempDir());
    const db = ctx.database.current();
    const { caseId } = seedCase(db, modelIds, { state: 'approved', model: 'Verifone V240m', accountStatus: 'frozen', agreement: false, missing: ['tax-registration'] });
    // Saturday 5 December 08:00 Shanghai: before the bank's Saturday window and the engineer's day off.
    const outcome = (await callAs(ctx, desk, 'desk:book', { caseId, engineerId: engineers[0]!.id, zone: 'Asia/Shanghai', slot: { date: '2026-12-05', time: '08:00', durationMinutes: 60 } })) as Outcome;
    expect(outcome.booked).toBe(false);
    const codes = outcome.reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining([
      'case-action-not-allowed',
      'booking-agreement-unsigned',
      'booking-material-missing',
      'booking-account-frozen',
      'booking-model-incompatible',
      'booking-outside-bank-windows',
      'booking-engineer-lacks-skill',
      'booking-engineer-day-off',
    ]));
    expect(new Set(codes.map((c, i) => `${c}${JSON.stringify(outcome.reasons[i]!.params)}`)).size).toBe(codes.length);
    expect(outcome.reasons.find((r) => r.code === 'booking-engineer-lacks-skill')!.params).toEqual({ engineer: 'eng.1', vendor: 'Verifone' });
    expect(db.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT state FROM cases WHERE id = ?').get(caseId)).toEqual({ state: 'approved' });
    expect(readAuditPage(db, 0, 200).filter((r) => r.action.startsWith('appointment.'))).toEqual([]);
    await ctx.close();
  });

  it('refuses a second booking of the engineer for an overlapping time, naming the first appointment', async () => {
    const { ctx, desk, engineers, modelIds } = await openDesk(tempDir());
    const db = ctx.database.current();
    const first = seedCase(db, modelIds);
    const second = seedCase(db, modelIds);
    await callAs(ctx, desk, 'desk:book', { caseId: first.caseId, engineerId: engineers[0]!.id, zone: 'Asia/Shanghai', slot: wed('02', '03') });
    const clash = (await callAs(ctx, desk, 'desk:book', { caseId: second.caseId, engineerId: engineers[0]!.id, zone: 'Asia/Shanghai', slot: wed('02', '04') })) as Outcome;
    expect(clash.booked).toBe(false);
    expect(clash.reasons).toContainEqual({ code: 'booking-engineer-double-booked', params: { engineer: 'eng.1', start: '2026-12-02 10:00', end: '2026-12-02 11:00', zone: 'Asia/Shanghai' } });
    // The other engineer is free then.
    const other = (await callAs(ctx, desk, 'desk:book', { caseId: second.caseId, engineerId: engineers[1]!.id, zone: 'Asia/Shanghai', slot: wed('02', '03') })) as Outcome;
    expect(other.booked).toBe(true);
    expect(db.prepare("SELECT count(*) AS n FROM appointments WHERE status = 'confirmed'").get()).toEqual({ n: 2 });
    await ctx.close();
  });

  it('refuses a booking whose case another desk changed after the gate read it (committed before the lock), writing nothing', async () => {
    const { ctx, engineers, modelIds } = await openDesk(tempDir());
    const db = ctx.database.current();
    const { caseId } = seedCase(db, modelIds);
    const write = auditedOn(() => db);
    // The other desk's change lands between the gate's read and this booking's BEGIN IMMEDIATE.
    const racing = Object.assign(<T>(entry: AuditedEntries<T>, work: () => T) => {
      db.prepare("UPDATE cases SET version = version + 1, updated_by = 'desk.li', state = 'cancelled', closing_reason = '商户撤销' WHERE id = ?").run(caseId);
      return write(entry, work);
    }, { recording: write.recording });
    const booking = createBooking({ connection: () => db, audited: racing, now: () => fixtureNow });
    const actor = { operatorId: 1, username: 'desk.wang', role: 'desk' as const };
    const auditBefore = readAuditPage(db, 0, 200).length;
    expect(() => booking.service.book(actor, { caseId, engineerId: engineers[0]!.id, zone: 'Asia/Shanghai', slot: wed('02', '03') })).toThrow(
      expect.objectContaining({ code: 'conflict', refusal: { reason: 'appointment-case-moved', params: {} } }),
    );
    expect(db.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT state, version FROM cases WHERE id = ?').get(caseId)).toEqual({ state: 'cancelled', version: 2 });
    expect(db.prepare('SELECT count(*) AS n FROM case_transitions WHERE case_id = ?').get(caseId)).toEqual({ n: 0 });
    expect(readAuditPage(db, 0, 200)).toHaveLength(auditBefore);
    await ctx.close();
  });

  it('reschedules with a reason through the gate again, and cancels with a reason, sending the case back', async () => {
    const { ctx, desk, engineers, modelIds } = await openDesk(tempDir());
    const db = ctx.database.current();
    const { caseId } = seedCase(db, modelIds);
    const booked = (await callAs(ctx, desk, 'desk:book', { caseId, engineerId: engineers[0]!.id, zone: 'Asia/Shanghai', slot: wed('02', '03') })) as Outcome;
    const id = booked.appointment.id;
    // 12:30 Shanghai is the bank's lunch break: refused by the gate, nothing moved.
    const lunch = (await callAs(ctx, desk, 'desk:reschedule', { appointmentId: id, version: 1, zone: 'Asia/Shanghai', slot: { date: '2026-12-02', time: '12:30', durationMinutes: 30 }, reason: '商户改到午休' })) as Outcome;
    expect(lunch.reasons.map((r) => r.code)).toEqual(['booking-outside-bank-windows']);
    expect((await refusalOf(ctx, desk, 'desk:reschedule', { appointmentId: id, version: 1, zone: 'Asia/Shanghai', slot: wed('03', '04'), reason: '改' })).code).toBe('invalid-input');
    // Overlapping its own old time is fine: the appointment being moved does not block itself.
    const moved = (await callAs(ctx, desk, 'desk:reschedule', { appointmentId: id, version: 1, zone: 'Asia/Shanghai', slot: wed('02', '03'), reason: '商户要求提前' })) as Outcome;
    expect(moved).toMatchObject({ booked: true, appointment: { id, version: 2 } });
    const movedAgain = (await callAs(ctx, desk, 'desk:reschedule', { appointmentId: id, version: 2, engineerId: engineers[1]!.id, zone: 'Asia/Shanghai', slot: wed('06', '07'), reason: '换一位工程师' })) as Outcome;
    expect(movedAgain.appointment).toMatchObject({ engineerId: engineers[1]!.id, start: '2026-12-02T06:00:00.000Z', version: 3 });
    const stale = await refusalOf(ctx, desk, 'desk:reschedule', { appointmentId: id, version: 2, zone: 'Asia/Shanghai', slot: wed('07', '08'), reason: '旧版本改约' });
    expect(stale).toMatchObject({ code: 'conflict', reason: 'record-changed' });
    const cancelled = (await callAs(ctx, desk, 'desk:cancel-appointment', { appointmentId: id, version: 3, reason: '商户撤销预约' })) as { appointment: { status: string; cancelReason: string }; caseState: string };
    expect(cancelled).toMatchObject({ appointment: { status: 'cancelled', cancelReason: '商户撤销预约' }, caseState: 'agreement-signed' });
    expect(db.prepare('SELECT state FROM cases WHERE id = ?').get(caseId)).toEqual({ state: 'agreement-signed' });
    expect(db.prepare('SELECT action, reason FROM case_transitions WHERE case_id = ? ORDER BY rowid').all(caseId)).toEqual([
      { action: 'schedule', reason: null },
      { action: 'cancel-appointment', reason: '商户撤销预约' },
    ]);
    expect((await refusalOf(ctx, desk, 'desk:cancel-appointment', { appointmentId: id, version: 4, reason: '再取消一次' })).reason).toBe('appointment-already-cancelled');
    // The engineer's time is free again, and the case can be booked anew.
    expect(((await callAs(ctx, desk, 'desk:book', { caseId, engineerId: engineers[1]!.id, zone: 'Asia/Shanghai', slot: wed('06', '07') })) as Outcome).booked).toBe(true);
    const actions = readAuditPage(db, 0, 200).map((r) => r.action).filter((a) => a.startsWith('appointment.'));
    expect(actions).toEqual(['appointment.booked', 'appointment.rescheduled', 'appointment.rescheduled', 'appointment.cancelled', 'appointment.booked']);
    await ctx.close();
  });

  it('finds free slots by engineer that pass the gate, around what is booked', async () => {
    const { ctx, desk, engineers, modelIds } = await openDesk(tempDir());
    const db = ctx.database.current();
    const first = seedCase(db, modelIds);
    const second = seedCase(db, modelIds);
    await callAs(ctx, desk, 'desk:book', { caseId: first.caseId, engineerId: engineers[0]!.id, zone: 'Asia/Shanghai', slot: { start: '2026-12-02T01:00:00.000Z', end: '2026-12-02T02:00:00.000Z' } });
    const found = (await callAs(ctx, desk, 'desk:find-slots', { caseId: second.caseId, engineerIds: [engineers[0]!.id], from: '2026-12-02T00:00:00.000Z', durationMinutes: 60, count: 3, stepMinutes: 60 })) as { slots: { engineerId: string; start: string }[] };
    // 09:00 Shanghai is taken: the first free hours are 10:00 and 11:00, then 13:30 after the lunch break.
    expect(found.slots.map((s) => s.start)).toEqual(['2026-12-02T02:00:00.000Z', '2026-12-02T03:00:00.000Z', '2026-12-02T05:30:00.000Z']);
    expect(new Set(found.slots.map((s) => s.engineerId))).toEqual(new Set([engineers[0]!.id]));
    const anyone = (await callAs(ctx, desk, 'desk:find-slots', { caseId: second.caseId, from: '2026-12-02T00:00:00.000Z', durationMinutes: 60, count: 2, stepMinutes: 60 })) as { slots: { engineerId: string; start: string }[] };
    expect(anyone.slots).toEqual([
      expect.objectContaining({ engineerId: engineers[1]!.id, start: '2026-12-02T01:00:00.000Z' }),
      expect.objectContaining({ engineerId: engineers[0]!.id, start: '2026-12-02T02:00:00.000Z' }),
    ]);
    await ctx.close();
  });

  it('gives the calendar of a range for chosen engineers, and refuses a range too long', async () => {
    const { ctx, desk, engineers, modelIds } = await openDesk(tempDir());
    const db = ctx.database.current();
    const a = seedCase(db, modelIds);
    const b = seedCase(db, modelIds);
    await callAs(ctx, desk, 'desk:book', { caseId: a.caseId, engineerId: engineers[0]!.id, zone: 'Asia/Shanghai', slot: wed('02', '03') });
    await callAs(ctx, desk, 'desk:book', { caseId: b.caseId, engineerId: engineers[1]!.id, zone: 'Asia/Shanghai', slot: wed('01', '02') });
    const week = { from: '2026-11-30T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' };
    const both = (await callAs(ctx, engineers[0]!.window, 'desk:calendar', { ...week, engineerIds: engineers.map((e) => e.id) })) as { appointments: { engineerId: string; start: string; merchantName: string }[] };
    expect(both.appointments.map((x) => [x.engineerId, x.start])).toEqual([[engineers[1]!.id, '2026-12-02T01:00:00.000Z'], [engineers[0]!.id, '2026-12-02T02:00:00.000Z']]);
    expect(both.appointments[0]!.merchantName).toMatch(/^上海浦东测试商贸有限公司/);
    const one = (await callAs(ctx, desk, 'desk:calendar', { ...week, engineerIds: [engineers[0]!.id] })) as { appointments: unknown[] };
    expect(one.appointments).toHaveLength(1);
    expect(await refusalOf(ctx, desk, 'desk:calendar', { from: '2026-11-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', engineerIds: [engineers[0]!.id] })).toMatchObject({ code: 'invalid-input', reason: 'appointment-range-too-long', params: { days: 42 } });
    await ctx.close();
  });

  it('opens the calendar in one call: the engineers in reference order, the banks, and every engineer\'s appointments of the range as desk:calendar gives them', async () => {
    const { ctx, desk, engineers, modelIds } = await openDesk(tempDir());
    const db = ctx.database.current();
    for (const [engineer, hours] of [[0, wed('02', '03')], [1, wed('01', '02')], [1, wed('06', '07')]] as const) {
      const { caseId } = seedCase(db, modelIds);
      await callAs(ctx, desk, 'desk:book', { caseId, engineerId: engineers[engineer]!.id, zone: 'Asia/Shanghai', slot: hours });
    }
    const week = { from: '2026-11-30T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' };
    const reference = (await callAs(ctx, desk, 'desk:reference', {})) as { engineers: { id: string; displayName: string; areas: string[]; skills: string[]; timeZone: string }[]; banks: { code: string; name: string; timeZone: string }[] };
    const opening = (await callAs(ctx, desk, 'desk:calendar-open', week)) as { engineers: unknown[]; banks: unknown[]; appointments: unknown[] };
    expect(opening.engineers).toEqual(reference.engineers.map((e) => ({ id: e.id, displayName: e.displayName, areas: e.areas, skills: e.skills, timeZone: e.timeZone })));
    expect(opening.engineers.map((e) => (e as { id: string }).id)).toEqual(engineers.map((e) => e.id));
    expect(opening.banks).toEqual(reference.banks.map((b) => ({ code: b.code, name: b.name, timeZone: b.timeZone })));
    expect(opening.banks.length).toBeGreaterThan(0);
    const calendar = (await callAs(ctx, desk, 'desk:calendar', { ...week, engineerIds: engineers.map((e) => e.id) })) as { appointments: unknown[] };
    expect(calendar.appointments).toHaveLength(3);
    expect(opening.appointments).toEqual(calendar.appointments);
    // Signed in is enough, as for desk:calendar (an engineer sees the week too); the range is bounded the same way.
    expect(((await callAs(ctx, engineers[0]!.window, 'desk:calendar-open', week)) as { appointments: unknown[] }).appointments).toHaveLength(3);
    expect(await refusalOf(ctx, desk, 'desk:calendar-open', { from: '2026-11-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' })).toMatchObject({ code: 'invalid-input', reason: 'appointment-range-too-long', params: { days: 42 } });
    await ctx.close();
  });
});
