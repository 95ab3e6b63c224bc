// Times across Europe/Berlin's clock changes, through the channels (issue 10 point 4): a wall time
// the clocks skip is refused, one they pass twice needs a choice, and lengths are real time.
import { describe, expect, it } from 'vitest';
import { callAs } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { openDesk, seedCase } from './booking-fixture';

const tempDir = useTempDir('rebinddesk-desk-dst-');
const everyDay = (start: string, end: string) => Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start, end }]]));
const berlinBank = {
  code: 'acquirer-x', name: 'Acquirer X', timeZone: 'Europe/Berlin', windows: everyDay('00:00', '24:00'), exceptions: [], templateId: 'acquirer-b',
  requiredMaterials: ['business-licence', 'tax-registration', 'legal-rep-id', 'account-opening-permit', 'terminal-model-number'].map((kind) => ({ kind, validDays: null })),
  notices: [], feeRates: { debitPercent: 0.5, creditPercent: 0.6 }, areas: ['310115'],
};

interface Outcome { booked: boolean; appointment: { start: string; end: string; zone: string }; reasons: { code: string; params: Record<string, unknown> }[] }

describe('booking across daylight-saving changes (Europe/Berlin)', () => {
  it('refuses a skipped wall time, asks which of a doubled one, and keeps lengths in real time', async () => {
    const desk = await openDesk(tempDir(), 1, () => new Date('2026-03-01T08:00:00.000Z'), 'Europe/Berlin');
    const { ctx, admin, engineers, modelIds } = desk;
    await callAs(ctx, admin, 'desk:save-bank', { base: null, record: berlinBank });
    const engineer = (await callAs(ctx, admin, 'desk:reference', {})) as { engineers: { id: string; version: number; operatorId: number; skills: string[]; areas: string[] }[] };
    const profile = engineer.engineers[0]!;
    await callAs(ctx, admin, 'desk:save-engineer', { base: { id: profile.id, version: profile.version }, record: { operatorId: profile.operatorId, skills: ['PAX'], areas: ['310115'], timeZone: 'Europe/Berlin', hours: everyDay('00:00', '24:00'), absences: [] } });
    const compat = (await callAs(ctx, admin, 'desk:save-compatibility', { base: null, record: { modelId: modelIds['PAX A930'], bankCode: 'acquirer-x', support: 'supported' } })) as { id: string };
    expect(compat.id).toBeTruthy();
    const db = ctx.database.current();
    const spring = seedCase(db, modelIds, { bank: 'acquirer-x', accountCheckedOn: '2026-03-20' });
    const autumn = seedCase(db, modelIds, { bank: 'acquirer-x', accountCheckedOn: '2026-10-20' });
    const book = (caseId: string, slot: object) => callAs(ctx, desk.desk, 'desk:book', { caseId, engineerId: engineers[0]!.id, zone: 'Europe/Berlin', slot }) as Promise<Outcome>;

    // 29 March 2026: 02:00 → 03:00. 02:30 does not exist.
    const gap = await book(spring.caseId, { date: '2026-03-29', time: '02:30', durationMinutes: 60 });
    expect(gap).toEqual({ booked: false, reasons: [{ code: 'booking-time-in-gap', params: { day: '2026-03-29', time: '02:30', zone: 'Europe/Berlin' } }] });
    // 01:30 CET for two real hours ends at 04:30 CEST.
    const across = await book(spring.caseId, { date: '2026-03-29', time: '01:30', durationMinutes: 120 });
    expect(across).toMatchObject({ booked: true, appointment: { start: '2026-03-29T00:30:00.000Z', end: '2026-03-29T02:30:00.000Z', zone: 'Europe/Berlin' } });

    // 25 October 2026: 03:00 → 02:00. 02:30 happens twice.
    const twice = await book(autumn.caseId, { date: '2026-10-25', time: '02:30', durationMinutes: 30 });
    expect(twice.reasons).toEqual([{ code: 'booking-time-ambiguous', params: { day: '2026-10-25', time: '02:30', zone: 'Europe/Berlin', earlier: '+02:00', later: '+01:00' } }]);
    const later = await book(autumn.caseId, { date: '2026-10-25', time: '02:30', durationMinutes: 30, choice: 'later' });
    expect(later.appointment).toMatchObject({ start: '2026-10-25T01:30:00.000Z', end: '2026-10-25T02:00:00.000Z' });

    // The Berlin day of 29 March has 23 hours: its calendar holds the booking, the day after's does not.
    const day = (await callAs(ctx, engineers[0]!.window, 'desk:today', { date: '2026-03-29' })) as { appointments: { appointment: { start: string } }[] };
    expect(day.appointments.map((a) => a.appointment.start)).toEqual(['2026-03-29T00:30:00.000Z']);
    expect(((await callAs(ctx, engineers[0]!.window, 'desk:today', { date: '2026-03-30' })) as { appointments: unknown[] }).appointments).toEqual([]);
    await ctx.close();
  });
});
