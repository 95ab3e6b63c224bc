import { describe, expect, it } from 'vitest';
import type { Appointment } from '../model/appointment';
import type { Bank } from '../model/bank';
import type { Engineer } from '../model/engineer';
import { berlinBank, engineer, ids, merchant, paxA920, readyCase, shanghaiBank, supportedFrom7, terminal } from '../../../tests/fixtures/desk-samples';
import { bookingGate, type BookingCaseContext, type NamedEngineer } from './booking-gate';
import { findSlots, type SlotSearch } from './slot-finder';

const context: BookingCaseContext = { rebindCase: readyCase, bank: berlinBank, merchant, terminal, model: paxA920, compatibility: supportedFrom7 };
const liWei: NamedEngineer = { engineer, name: 'Li Wei' };
const other = (id: string, change: Partial<Engineer>, name: string): NamedEngineer => ({ engineer: { ...engineer, id, ...change }, name });
const wang = other('019a0000-0000-7000-8000-0000000000a1', { absences: [] }, 'Wang Fang');
const noSkill = other('019a0000-0000-7000-8000-0000000000a2', { skills: ['Ingenico'] }, 'No Skill');
const elsewhere = other('019a0000-0000-7000-8000-0000000000a3', { areas: ['110101'] }, 'Elsewhere');
const booked: Appointment = {
  id: ids.appointment,
  caseId: ids.otherCase,
  engineerId: engineer.id,
  start: '2026-06-01T07:00:00Z',
  end: '2026-06-01T08:00:00Z',
  zone: 'Europe/Berlin',
  status: 'confirmed',
};
const search = (change: Partial<SlotSearch>): SlotSearch => ({
  context,
  engineers: [liWei],
  appointments: [],
  now: '2026-05-28T10:00:00Z',
  from: '2026-06-01T06:00:00Z',
  durationMinutes: 60,
  stepMinutes: 30,
  count: 4,
  ...change,
});
const starts = (slots: { start: string; engineerId?: string }[]) => slots.map((s) => s.start);

describe('the slot finder', () => {
  it('proposes the earliest free slots of the engineer who fits, around a booked hour and the bank’s lunch break', () => {
    const slots = findSlots(search({ engineers: [noSkill, elsewhere, liWei], appointments: [booked] }));
    // Berlin summer time: the 09:00–12:00 window is 07:00Z–10:00Z, 13:00–17:00 is 11:00Z–15:00Z.
    expect(slots).toEqual(
      ['2026-06-01T08:00:00Z', '2026-06-01T08:30:00Z', '2026-06-01T09:00:00Z', '2026-06-01T11:00:00Z'].map((start) => ({
        engineerId: engineer.id,
        start,
        end: new Date(Date.parse(start) + 3_600_000).toISOString().replace('.000', ''),
        zone: 'Europe/Berlin',
      })),
    );
  });

  it('interleaves engineers by start time, in the order they were given', () => {
    const slots = findSlots(search({ engineers: [liWei, wang], appointments: [booked], count: 3 }));
    expect(slots.map((s) => [s.start, s.engineerId])).toEqual([
      ['2026-06-01T07:00:00Z', wang.engineer.id],
      ['2026-06-01T07:30:00Z', wang.engineer.id],
      ['2026-06-01T08:00:00Z', engineer.id],
    ]);
  });

  it('every slot it proposes passes the gate', () => {
    const slots = findSlots(search({ engineers: [liWei, wang, noSkill], appointments: [booked], count: 30, durationMinutes: 90, stepMinutes: 45 }));
    expect(slots).toHaveLength(30);
    for (const s of slots) {
      const named = [liWei, wang].find((n) => n.engineer.id === s.engineerId)!;
      expect(bookingGate({ ...context, ...named, slot: s, appointments: [booked], now: '2026-05-28T10:00:00Z' })).toEqual([]);
    }
  });

  it('starts at the step after `from` and moves past the weekend and the engineer’s absence', () => {
    // Friday 5 June 16:10 in Berlin; the engineer is away 15–20 June (the site photo and the account check renewed on 10 June).
    const slots = findSlots(search({ from: '2026-06-05T14:10:00Z', count: 2 }));
    expect(starts(slots)).toEqual(['2026-06-08T07:00:00Z', '2026-06-08T07:30:00Z']);
    const renewed = { ...readyCase, materials: readyCase.materials.map((m) => (m.kind === 'site-photo' ? { ...m, receivedOn: '2026-06-10' } : m)) };
    const afterAbsence = findSlots(search({ context: { ...context, rebindCase: renewed, merchant: { ...merchant, accountCheckedOn: '2026-06-10' } }, from: '2026-06-12T15:00:00Z', count: 1, engineers: [liWei] }));
    expect(starts(afterAbsence)).toEqual(['2026-06-22T07:00:00Z']);
  });

  it('skips a day the case cannot be booked (a bank holiday), and finds nothing once it never can (the site photo runs out)', () => {
    const holiday = { ...context, bank: { ...berlinBank, exceptions: [{ date: '2026-06-02', closed: true as const }] } };
    expect(starts(findSlots(search({ context: holiday, from: '2026-06-01T15:00:00Z', count: 1 })))).toEqual(['2026-06-03T07:00:00Z']);
    // Received 20 May and valid 30 days: the last day is 18 June, and 16:30 leaves no hour before 17:00.
    expect(findSlots(search({ engineers: [wang], from: '2026-06-18T14:30:00Z', horizonDays: 62 }))).toEqual([]);
    expect(starts(findSlots(search({ engineers: [wang], from: '2026-06-18T13:30:00Z', horizonDays: 62 })))).toEqual(['2026-06-18T13:30:00Z', '2026-06-18T14:00:00Z']);
    expect(findSlots(search({ context: { ...context, rebindCase: { ...readyCase, review: null } }, horizonDays: 62 }))).toEqual([]);
  });

  it('on 29 March in Berlin, a 01:00–05:00 window holds three one-hour slots, and on 25 October five', () => {
    const sundays: Bank = { ...berlinBank, windows: { ...berlinBank.windows, '7': [{ start: '01:00', end: '05:00' }] } };
    const allDay = other(engineer.id, { hours: { ...engineer.hours, '7': [{ start: '00:00', end: '24:00' }] }, absences: [] }, 'Li Wei');
    const sunday = (localMidnight: string, renewedOn: string) =>
      findSlots({
        ...search({ engineers: [allDay], stepMinutes: 60, count: 10, horizonDays: 1, from: localMidnight, now: `${renewedOn}T00:00:00Z` }),
        context: {
          ...context,
          bank: sundays,
          merchant: { ...merchant, accountCheckedOn: renewedOn },
          rebindCase: { ...readyCase, materials: readyCase.materials.map((m) => (m.kind === 'site-photo' ? { ...m, receivedOn: renewedOn } : m)) },
        },
      });
    // 01:00 CET, then 03:00 and 04:00 CEST: 02:00–03:00 does not exist.
    expect(starts(sunday('2026-03-28T23:00:00Z', '2026-03-20'))).toEqual(['2026-03-29T00:00:00Z', '2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z']);
    // 01:00 and the first 02:00 CEST, the second 02:00, 03:00 and 04:00 CET.
    expect(starts(sunday('2026-10-24T22:00:00Z', '2026-10-20'))).toEqual(['2026-10-24T23:00:00Z', '2026-10-25T00:00:00Z', '2026-10-25T01:00:00Z', '2026-10-25T02:00:00Z', '2026-10-25T03:00:00Z']);
  });

  it('finds 09:00 in Shanghai at 01:00Z', () => {
    const shanghaiCase = { ...readyCase, targetBank: 'acquirer-c' };
    const slots = findSlots(
      search({
        context: { ...context, bank: shanghaiBank, rebindCase: shanghaiCase, compatibility: { ...supportedFrom7, bankCode: 'acquirer-c' } },
        engineers: [other(engineer.id, { timeZone: 'Asia/Shanghai' }, 'Li Wei')],
        from: '2026-05-31T16:00:00Z',
        count: 1,
      }),
    );
    expect(slots).toEqual([{ engineerId: engineer.id, start: '2026-06-01T01:00:00Z', end: '2026-06-01T02:00:00Z', zone: 'Asia/Shanghai' }]);
  });

  it('refuses options outside its bounds', () => {
    expect(() => findSlots(search({ count: 0 }))).toThrow();
    expect(() => findSlots(search({ horizonDays: 400 }))).toThrow();
    expect(() => findSlots(search({ stepMinutes: 1 }))).toThrow();
  });
});
