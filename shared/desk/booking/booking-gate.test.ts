import { describe, expect, it } from 'vitest';
import { reason, type Reason } from '../../errors/reason';
import { bookingReasonsEnglish } from '../../errors/booking-reasons-en';
import type { Appointment } from '../model/appointment';
import type { RebindCase } from '../model/case';
import { berlinBank, engineer, ids, merchant, paxA920, readyCase, shanghaiBank, supportedFrom7, terminal } from '../../../tests/fixtures/desk-samples';
import { ACCOUNT_CHECK_MAX_AGE_DAYS, bookingGate, type BookingGateInput } from './booking-gate';

// Monday 2026-06-01, 09:00–10:00 in Berlin (summer time, UTC+2), booked on 28 May.
const base: BookingGateInput = {
  rebindCase: readyCase,
  bank: berlinBank,
  merchant,
  terminal,
  model: paxA920,
  compatibility: supportedFrom7,
  engineer,
  name: 'Li Wei',
  slot: { start: '2026-06-01T07:00:00Z', end: '2026-06-01T08:00:00Z' },
  appointments: [],
  now: '2026-05-28T10:00:00Z',
};
const gate = (change: Partial<BookingGateInput>) => bookingGate({ ...base, ...change });
const withCase = (change: Partial<RebindCase>) => ({ rebindCase: { ...readyCase, ...change } });
const withMaterial = (kind: string, change: Record<string, unknown> | null) =>
  withCase({ materials: readyCase.materials.flatMap((m) => (m.kind !== kind ? [m] : change === null ? [] : [{ ...m, ...change }])) });
const slot = (start: string, end: string) => ({ slot: { start, end } });
const appointment = (change: Partial<Appointment>): Appointment => ({
  id: ids.appointment,
  caseId: ids.otherCase,
  engineerId: engineer.id,
  start: '2026-06-01T07:30:00Z',
  end: '2026-06-01T08:30:00Z',
  zone: 'Europe/Berlin',
  status: 'confirmed',
  ...change,
});
// A ready case in late December: the site photo and the account check renewed.
const december = { ...withMaterial('site-photo', { receivedOn: '2026-12-20' }), merchant: { ...merchant, accountCheckedOn: '2026-12-20' }, now: '2026-12-21T00:00:00Z' };
const codes = (reasons: Reason[]) => reasons.map((r) => r.code);

describe('the booking gate', () => {
  it('lets a ready case through for a slot inside every window', () => {
    expect(gate({})).toEqual([]);
  });

  it('refuses a case past booking', () => {
    expect(gate(withCase({ state: 'closed' }))).toEqual([reason('booking-case-not-bookable', { state: reason('case-state-closed') })]);
  });

  it('refuses a case not approved, whether unreviewed or rejected', () => {
    expect(gate(withCase({ review: null }))).toEqual([reason('booking-not-approved')]);
    expect(gate(withCase({ review: { decision: 'rejected', by: 'zhao.lead', at: '2026-05-22T09:00:00Z', reason: '执照模糊' } }))).toEqual([reason('booking-not-approved')]);
  });

  it('refuses a case whose agreement is not recorded', () => {
    expect(gate(withCase({ agreement: null }))).toEqual([reason('booking-agreement-unsigned')]);
  });

  it('refuses a missing material, standard or added by the bank, absent or not ticked received', () => {
    expect(gate(withMaterial('tax-registration', null))).toEqual([reason('booking-material-missing', { material: reason('material-tax-registration') })]);
    expect(gate(withMaterial('site-photo', { received: false, verifiedBy: undefined, verifiedAt: undefined }))).toEqual([
      reason('booking-material-missing', { material: reason('material-other', { kind: 'site-photo' }) }),
    ]);
  });

  it('refuses a material received but not verified', () => {
    expect(gate(withMaterial('business-licence', { verifiedBy: undefined, verifiedAt: undefined }))).toEqual([
      reason('booking-material-unverified', { material: reason('material-business-licence') }),
    ]);
  });

  it('refuses a material without a date of receipt when the bank limits its validity', () => {
    expect(gate(withMaterial('site-photo', { receivedOn: undefined }))).toEqual([
      reason('booking-material-undated', { material: reason('material-other', { kind: 'site-photo' }), bank: 'Acquirer B (sample)', validDays: 30 }),
    ]);
  });

  it('refuses a material expired by the appointment day, by its own date or by the bank’s validDays', () => {
    expect(gate(withMaterial('legal-rep-id', { expiresOn: '2026-05-31' }))).toEqual([
      reason('booking-material-expired', { material: reason('material-legal-rep-id'), lastDay: '2026-05-31', day: '2026-06-01' }),
    ]);
    // Received 2 May, valid 30 days: through 31 May.
    expect(gate(withMaterial('site-photo', { receivedOn: '2026-05-02' }))).toEqual([
      reason('booking-material-expired', { material: reason('material-other', { kind: 'site-photo' }), lastDay: '2026-05-31', day: '2026-06-01' }),
    ]);
    expect(gate(withMaterial('site-photo', { receivedOn: '2026-05-03' }))).toEqual([]);
  });

  it('takes the appointment day in the bank’s zone: 00:30 in Shanghai on 1 June is still 31 May in UTC', () => {
    const early = { ...shanghaiBank, windows: { ...shanghaiBank.windows, '1': [{ start: '00:00', end: '02:00' }] } };
    const input = { ...withMaterial('legal-rep-id', { expiresOn: '2026-05-31' }), bank: early, rebindCase: { ...withMaterial('legal-rep-id', { expiresOn: '2026-05-31' }).rebindCase, targetBank: 'acquirer-c' } };
    const reasons = gate({ ...input, compatibility: { ...supportedFrom7, bankCode: 'acquirer-c' }, ...slot('2026-05-31T16:30:00Z', '2026-05-31T17:00:00Z') });
    expect(reasons.filter((r) => r.code === 'booking-material-expired')).toEqual([
      reason('booking-material-expired', { material: reason('material-legal-rep-id'), lastDay: '2026-05-31', day: '2026-06-01' }),
    ]);
  });

  it('refuses a frozen account', () => {
    expect(gate({ merchant: { ...merchant, accountStatus: 'frozen' } })).toEqual([reason('booking-account-frozen', { checkedOn: '2026-05-20' })]);
  });

  it('refuses an account in arrears', () => {
    expect(gate({ merchant: { ...merchant, accountStatus: 'arrears' } })).toEqual([reason('booking-account-in-arrears', { checkedOn: '2026-05-20' })]);
  });

  it(`refuses an account status checked more than ${ACCOUNT_CHECK_MAX_AGE_DAYS} days before the appointment day`, () => {
    expect(ACCOUNT_CHECK_MAX_AGE_DAYS).toBe(30);
    expect(gate({ merchant: { ...merchant, accountCheckedOn: '2026-05-02' } })).toEqual([]);
    expect(gate({ merchant: { ...merchant, accountCheckedOn: '2026-05-01' } })).toEqual([reason('booking-account-check-stale', { checkedOn: '2026-05-01', days: 30, day: '2026-06-01' })]);
  });

  it('refuses a model with no compatibility entry for the bank', () => {
    expect(gate({ compatibility: null })).toEqual([reason('booking-model-not-listed', { model: 'PAX A920', bank: 'Acquirer B (sample)' })]);
  });

  it('refuses a model the bank does not support', () => {
    expect(gate({ compatibility: { ...supportedFrom7, support: 'unsupported' } })).toEqual([reason('booking-model-incompatible', { model: 'PAX A920', bank: 'Acquirer B (sample)' })]);
  });

  it('refuses firmware older than the bank’s minimum, compared as numbers (7.10 is newer than 7.9)', () => {
    const from = (minFirmware: string) => ({ compatibility: { ...supportedFrom7, minFirmware } });
    expect(gate(from('7.10'))).toEqual([reason('booking-firmware-too-old', { model: 'PAX A920', bank: 'Acquirer B (sample)', firmware: 'PayDroid 7.1.2', minFirmware: '7.10' })]);
    expect(gate({ ...from('7.9'), terminal: { ...terminal, firmware: 'PayDroid 7.10' } })).toEqual([]);
    expect(gate(from('7.1.2'))).toEqual([]);
  });

  it('refuses firmware that carries no version when the bank wants a minimum', () => {
    expect(gate({ terminal: { ...terminal, firmware: 'PayDroid' } })).toEqual([
      reason('booking-firmware-unknown', { model: 'PAX A920', bank: 'Acquirer B (sample)', firmware: 'PayDroid', minFirmware: '7.1' }),
    ]);
    expect(gate({ terminal: { ...terminal, firmware: 'PayDroid' }, compatibility: { ...supportedFrom7, support: 'supported' } })).toEqual([]);
  });

  it('refuses a bank that does not serve the merchant’s area', () => {
    expect(gate({ bank: { ...berlinBank, areas: ['310104'] } })).toEqual([reason('booking-bank-area', { bank: 'Acquirer B (sample)', area: '310115' })]);
  });

  it('refuses a day the bank is closed: a holiday exception or a weekend', () => {
    const christmas = slot('2026-12-25T09:00:00Z', '2026-12-25T10:00:00Z');
    expect(gate({ ...december, ...christmas })).toEqual([reason('booking-bank-closed', { bank: 'Acquirer B (sample)', day: '2026-12-25', zone: 'Europe/Berlin' })]);
    const saturday = gate(slot('2026-06-06T07:00:00Z', '2026-06-06T08:00:00Z'));
    expect(codes(saturday)).toEqual(['booking-bank-closed', 'booking-engineer-day-off']);
  });

  it('refuses a slot outside the bank’s windows, and on an exception day its windows replace the weekday’s', () => {
    expect(gate(slot('2026-06-01T10:30:00Z', '2026-06-01T11:30:00Z'))).toEqual([
      reason('booking-outside-bank-windows', { bank: 'Acquirer B (sample)', day: '2026-06-01', start: '2026-06-01 12:30', end: '13:30', zone: 'Europe/Berlin', windows: '09:00–12:00, 13:00–17:00' }),
    ]);
    // Thursday 24 December: 09:00–12:00 only (winter time, UTC+1).
    expect(gate({ ...december, ...slot('2026-12-24T10:00:00Z', '2026-12-24T11:00:00Z') })).toEqual([]);
    expect(codes(gate({ ...december, ...slot('2026-12-24T13:00:00Z', '2026-12-24T14:00:00Z') }))).toEqual(['booking-outside-bank-windows']);
  });

  it('takes touching windows as one span', () => {
    const bank = { ...berlinBank, windows: { ...berlinBank.windows, '1': [{ start: '09:00', end: '12:00' }, { start: '12:00', end: '17:00' }] } };
    expect(gate({ bank, ...slot('2026-06-01T09:30:00Z', '2026-06-01T10:30:00Z') })).toEqual([]);
  });

  it('finds 09:00 in Berlin at 08:00Z before 29 March and at 07:00Z after it', () => {
    const march = { ...withMaterial('site-photo', { receivedOn: '2026-03-20' }), merchant: { ...merchant, accountCheckedOn: '2026-03-20' }, now: '2026-03-21T00:00:00Z' };
    expect(gate({ ...march, ...slot('2026-03-27T08:00:00Z', '2026-03-27T09:00:00Z') })).toEqual([]);
    expect(gate({ ...march, ...slot('2026-03-30T07:00:00Z', '2026-03-30T08:00:00Z') })).toEqual([]);
    expect(gate({ ...march, ...slot('2026-03-27T07:00:00Z', '2026-03-27T08:00:00Z') })).toEqual([
      reason('booking-outside-bank-windows', { bank: 'Acquirer B (sample)', day: '2026-03-27', start: '2026-03-27 08:00', end: '09:00', zone: 'Europe/Berlin', windows: '09:00–12:00, 13:00–17:00' }),
    ]);
  });

  it('refuses a slot that has begun or passed', () => {
    expect(gate({ now: '2026-06-01T07:00:00Z' })).toEqual([reason('booking-slot-in-past', { start: '2026-06-01 09:00', zone: 'Europe/Berlin' })]);
    expect(gate({ now: '2026-06-01T06:59:59Z' })).toEqual([]);
  });

  it('refuses an engineer without the vendor skill (names compared without case)', () => {
    expect(gate({ model: { ...paxA920, vendor: 'Castles' } })).toEqual([reason('booking-engineer-lacks-skill', { engineer: 'Li Wei', vendor: 'Castles' })]);
    expect(gate({ model: { ...paxA920, vendor: 'pax' } })).toEqual([]);
  });

  it('refuses an engineer who does not cover the merchant’s area', () => {
    expect(gate({ engineer: { ...engineer, areas: ['310104'] } })).toEqual([reason('booking-engineer-area', { engineer: 'Li Wei', area: '310115' })]);
  });

  it('refuses a day the engineer does not work', () => {
    expect(gate({ engineer: { ...engineer, hours: { ...engineer.hours, '1': [] } } })).toEqual([reason('booking-engineer-day-off', { engineer: 'Li Wei', day: '2026-06-01', zone: 'Europe/Berlin' })]);
  });

  it('refuses a slot outside the engineer’s hours, read in the engineer’s own zone', () => {
    const late = { ...engineer, hours: { ...engineer.hours, '1': [{ start: '10:00', end: '18:00' }] } };
    expect(gate({ engineer: late })).toEqual([
      reason('booking-outside-engineer-hours', { engineer: 'Li Wei', day: '2026-06-01', start: '2026-06-01 09:00', end: '10:00', zone: 'Europe/Berlin', hours: '10:00–18:00' }),
    ]);
    // 09:00 in Berlin is 15:00 in Shanghai: inside 08:00–18:00 there too.
    expect(gate({ engineer: { ...engineer, timeZone: 'Asia/Shanghai' } })).toEqual([]);
    // 16:00 in Berlin is 22:00 in Shanghai.
    expect(gate({ engineer: { ...engineer, timeZone: 'Asia/Shanghai' }, ...slot('2026-06-01T14:00:00Z', '2026-06-01T15:00:00Z') })).toEqual([
      reason('booking-outside-engineer-hours', { engineer: 'Li Wei', day: '2026-06-01', start: '2026-06-01 22:00', end: '23:00', zone: 'Asia/Shanghai', hours: '08:00–18:00' }),
    ]);
  });

  it('refuses an engineer who is away during the slot', () => {
    const away = { ...engineer, absences: [{ from: '2026-06-01T07:45:00Z', until: '2026-06-02T00:00:00Z' }] };
    expect(gate({ engineer: away })).toEqual([reason('booking-engineer-absent', { engineer: 'Li Wei', from: '2026-06-01 09:45', until: '2026-06-02 02:00', zone: 'Europe/Berlin' })]);
    expect(gate({ engineer: { ...engineer, absences: [{ from: '2026-06-01T08:00:00Z', until: '2026-06-02T00:00:00Z' }] } })).toEqual([]);
  });

  it('refuses a slot overlapping the engineer’s confirmed or tentative appointments, and only those', () => {
    const clash = reason('booking-engineer-double-booked', { engineer: 'Li Wei', start: '2026-06-01 09:30', end: '2026-06-01 10:30', zone: 'Europe/Berlin' });
    expect(gate({ appointments: [appointment({})] })).toEqual([clash]);
    expect(gate({ appointments: [appointment({ status: 'tentative' })] })).toEqual([clash]);
    expect(gate({ appointments: [appointment({ status: 'cancelled' })] })).toEqual([]);
    expect(gate({ appointments: [appointment({ engineerId: ids.otherCase })] })).toEqual([]);
    expect(gate({ appointments: [appointment({ start: '2026-06-01T08:00:00Z', end: '2026-06-01T09:00:00Z' })] })).toEqual([]);
    expect(gate({ appointments: [appointment({})], replacing: ids.appointment })).toEqual([]);
  });

  it('gives every reason at once, each with English words', () => {
    const reasons = bookingGate({
      ...base,
      rebindCase: {
        ...readyCase,
        state: 'cancelled',
        review: null,
        agreement: null,
        materials: [
          { kind: 'business-licence', received: true, receivedOn: '2026-05-10' },
          { kind: 'legal-rep-id', received: true, receivedOn: '2026-05-10', verifiedBy: 'li.desk', verifiedAt: '2026-05-11T08:00:00Z', expiresOn: '2026-05-01' },
          { kind: 'site-photo', received: true, verifiedBy: 'li.desk', verifiedAt: '2026-05-11T08:00:00Z' },
        ],
      },
      merchant: { accountStatus: 'frozen', accountCheckedOn: '2026-01-01', area: '999999' },
      terminal: { ...terminal, firmware: 'PayDroid 6.9' },
      model: { ...paxA920, vendor: 'Castles' },
      engineer: { ...engineer, areas: [], hours: { ...engineer.hours, '1': [{ start: '13:00', end: '18:00' }] }, absences: [{ from: '2026-06-01T00:00:00Z', until: '2026-06-02T00:00:00Z' }] },
      appointments: [appointment({ start: '2026-06-01T10:00:00Z', end: '2026-06-01T11:00:00Z' })],
      slot: { start: '2026-06-01T09:30:00Z', end: '2026-06-01T11:30:00Z' },
      now: '2026-06-02T00:00:00Z',
    });
    expect(codes(reasons)).toEqual([
      'booking-case-not-bookable',
      'booking-not-approved',
      'booking-agreement-unsigned',
      'booking-material-unverified',
      'booking-material-missing',
      'booking-material-expired',
      'booking-material-missing',
      'booking-material-missing',
      'booking-material-undated',
      'booking-account-frozen',
      'booking-account-check-stale',
      'booking-firmware-too-old',
      'booking-bank-area',
      'booking-slot-in-past',
      'booking-outside-bank-windows',
      'booking-engineer-lacks-skill',
      'booking-engineer-area',
      'booking-outside-engineer-hours',
      'booking-engineer-absent',
      'booking-engineer-double-booked',
    ]);
    for (const r of reasons) expect(Object.keys(bookingReasonsEnglish)).toContain(r.code);
  });

  it('throws on records that do not belong together (a caller’s bug, not a reason)', () => {
    expect(() => gate({ bank: shanghaiBank })).toThrow(/bank acquirer-c for a case whose target is acquirer-b/);
    expect(() => gate({ terminal: { ...terminal, modelId: ids.otherCase } })).toThrow(/model/);
    expect(() => gate({ compatibility: { ...supportedFrom7, bankCode: 'acquirer-c' } })).toThrow(/compatibility/);
  });
});
