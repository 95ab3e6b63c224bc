import { describe, expect, it } from 'vitest';
import { floatingWallTime, instantOfCalendarDate, offsetNow, spanParts, spanText, toCalendarEvent, toResources, type CalendarEntry, type EngineerView } from './calendar-entries';

const entry = (over: Partial<CalendarEntry> = {}): CalendarEntry => ({
  id: '019a0000-0000-7000-8000-000000000001',
  caseId: '019a0000-0000-7000-8000-000000000002',
  engineerId: '019a0000-0000-7000-8000-000000000003',
  start: '2026-12-07T02:00:00.000Z',
  end: '2026-12-07T03:30:00.000Z',
  zone: 'Asia/Shanghai',
  status: 'confirmed',
  version: 1,
  merchantName: '上海浦东示例餐饮有限公司',
  caseState: 'scheduled',
  ...over,
});

describe('toCalendarEvent', () => {
  it('draws an appointment in the engineer\'s row at its wall times in the zone shown, named by its merchant', () => {
    expect(toCalendarEvent(entry(), 'Asia/Shanghai', true)).toEqual({
      id: entry().id,
      resourceIds: [entry().engineerId],
      start: '2026-12-07T10:00:00',
      end: '2026-12-07T11:30:00',
      title: '上海浦东示例餐饮有限公司',
      classNames: ['appointment', 'appointment-confirmed'],
      editable: true,
      extendedProps: { entry: entry() },
    });
    expect(toCalendarEvent(entry(), 'Europe/Berlin', true)).toMatchObject({ start: '2026-12-07T03:00:00', end: '2026-12-07T04:30:00' });
  });

  it('gives tentative, confirmed and cancelled a class each; cancelled ones and read-only callers cannot drag', () => {
    const classes = (['tentative', 'confirmed', 'cancelled'] as const).map((status) => toCalendarEvent(entry({ status }), 'UTC', true));
    expect(classes.map((e) => e.classNames[1])).toEqual(['appointment-tentative', 'appointment-confirmed', 'appointment-cancelled']);
    expect(classes.map((e) => e.editable)).toEqual([true, true, false]);
    expect(toCalendarEvent(entry(), 'UTC', false).editable).toBe(false);
  });
});

describe('wall times and instants', () => {
  it('turns instants into floating wall times across DST and back, refusing a wall time the clocks skip or pass twice', () => {
    expect(floatingWallTime('2026-03-29T00:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T01:30:00');
    expect(floatingWallTime('2026-03-29T01:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T03:30:00');
    expect(instantOfCalendarDate(new Date(2026, 11, 7, 10, 0), 'Asia/Shanghai')).toEqual({ ok: true, instant: '2026-12-07T02:00:00Z' });
    expect(instantOfCalendarDate(new Date(2026, 2, 29, 2, 30), 'Europe/Berlin')).toMatchObject({ ok: false, reason: { code: 'booking-time-in-gap' } });
    expect(instantOfCalendarDate(new Date(2026, 9, 25, 2, 30), 'Europe/Berlin')).toMatchObject({ ok: false, reason: { code: 'booking-time-ambiguous' } });
  });

  it('tells the calendar the offset in force now, summer or winter', () => {
    expect(offsetNow('Asia/Shanghai', Date.parse('2026-12-07T00:00:00Z'))).toBe('+08:00');
    expect(offsetNow('Europe/Berlin', Date.parse('2026-07-01T00:00:00Z'))).toBe('+02:00');
    expect(offsetNow('Europe/Berlin', Date.parse('2026-12-01T00:00:00Z'))).toBe('+01:00');
  });

  it('says a span with the end\'s date only when it ends on another day', () => {
    expect(spanText('2026-12-07T02:00:00.000Z', '2026-12-07T03:30:00.000Z', 'Asia/Shanghai')).toBe('2026-12-07 10:00–11:30');
    expect(spanParts('2026-12-07T15:00:00.000Z', '2026-12-07T17:00:00.000Z', 'Asia/Shanghai')).toEqual({ start: '2026-12-07 23:00', end: '2026-12-08 01:00' });
  });
});

describe('toResources', () => {
  it('makes one row or column per engineer, named as the desk knows them', () => {
    const engineer = { id: 'e1', displayName: '孙工程师', areas: ['310115', '310101'] } as EngineerView;
    expect(toResources([engineer])).toEqual([{ id: 'e1', title: '孙工程师', extendedProps: { areas: '310115 310101' } }]);
  });
});
