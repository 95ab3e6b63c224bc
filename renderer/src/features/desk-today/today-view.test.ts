import { describe, expect, it } from 'vitest';
import { onsiteFill, sayDate, shiftDay, wallSpan, type AppointmentWorkOrder, type TodayEntry } from './today-view';

const caseId = '019a0000-0000-7000-8000-0000000000c1';
const appointmentId = '019a0000-0000-7000-8000-0000000000a1';

const entry: TodayEntry = {
  appointment: { id: appointmentId, caseId, engineerId: '019a0000-0000-7000-8000-0000000000e1', start: '2026-12-01T06:00:00.000Z', end: '2026-12-01T07:00:00.000Z', zone: 'Asia/Shanghai', status: 'confirmed', version: 1 },
  caseState: 'scheduled',
  merchant: { shortName: '浦东便利', address: '上海市浦东新区世纪大道 1 号' },
  terminal: { serial: '1170012345', tid: '12345678', model: 'A920' },
  bank: { code: 'acquirer-b', name: 'Acquirer B', templateId: 'acquirer-b' },
};

const order: AppointmentWorkOrder = {
  appointmentId,
  caseId,
  templateId: 'acquirer-b',
  bank: { code: 'acquirer-b', name: 'Acquirer B' },
  merchant: { tid: '12345678', mid: '898310048140001', name: '浦东便利', mcc: '' },
  workOrder: { caseRef: caseId, expectedSerial: '1170012345', expectedTid: '12345678', expectedModel: 'A920' },
};

describe('Today view', () => {
  it("says an appointment's span on the engineer's wall clock with the offset, and when it ends the next day", () => {
    expect(wallSpan(entry.appointment.start, entry.appointment.end, 'Asia/Shanghai')).toEqual({ from: '14:00', to: '15:00', offset: '+08:00', endsLaterDay: false });
    expect(wallSpan('2026-12-01T15:00:00.000Z', '2026-12-01T17:00:00.000Z', 'Asia/Shanghai')).toEqual({ from: '23:00', to: '01:00', offset: '+08:00', endsLaterDay: true });
    // Berlin on the night clocks go back: 02:30 summer time, one real hour later 02:30 winter time.
    expect(wallSpan('2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z', 'Europe/Berlin')).toEqual({ from: '02:30', to: '02:30', offset: '+02:00', endsLaterDay: false });
  });

  it('steps the day switch over month ends and the clock change', () => {
    expect(shiftDay('2026-12-01', -1)).toBe('2026-11-30');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2026-03-28', 1)).toBe('2026-03-29');
  });

  it('says the date with its weekday in either language, whatever the zone of the machine', () => {
    expect(sayDate('2026-12-01', 'zh-CN')).toBe('2026年12月1日星期二');
    expect(sayDate('2026-12-01', 'en-US')).toBe('Tuesday, December 1, 2026');
  });

  it('fills On-site with the template, the short name, the work order and the case, override off, MCC for the engineer', () => {
    const filled = onsiteFill(order, entry, 'Asia/Shanghai');
    expect(filled.form).toEqual({
      templateId: 'acquirer-b',
      merchant: { tid: '12345678', mid: '898310048140001', name: '浦东便利', mcc: '' },
      order: { caseRef: caseId, expectedSerial: '1170012345', expectedTid: '12345678', expectedModel: 'A920' },
      override: false,
      overrideReason: '',
    });
    expect(filled.visit).toEqual({ appointmentId, caseId, caseState: 'scheduled', bankName: 'Acquirer B', shortName: '浦东便利', date: '2026-12-01', from: '14:00', to: '15:00', zone: 'Asia/Shanghai' });
  });

  it('leaves a field the work order does not pin empty, and names the case by id when it has no reference', () => {
    const filled = onsiteFill({ ...order, workOrder: { expectedSerial: '1170012345' } }, entry, 'Asia/Shanghai');
    expect(filled.form.order).toEqual({ caseRef: caseId, expectedSerial: '1170012345', expectedTid: '', expectedModel: '' });
  });
});
