import { describe, expect, it } from 'vitest';
import { CALENDAR_MAX_DAYS, CALENDAR_MAX_ENGINEERS } from '../../../../shared/ipc/contract-desk-booking';
import { calendarQueries, rangeOfDays, wallClockOf, wallDateOf, weekOf } from './calendar-range';

describe('rangeOfDays', () => {
  it('covers whole local days of the zone shown, from the first midnight to the one after the last day', () => {
    expect(rangeOfDays('2026-12-07', '2026-12-13', 'Asia/Shanghai')).toEqual({ ok: true, from: '2026-12-06T16:00:00Z', to: '2026-12-13T16:00:00Z' });
    expect(rangeOfDays('2026-12-07', '2026-12-07', 'UTC')).toEqual({ ok: true, from: '2026-12-07T00:00:00Z', to: '2026-12-08T00:00:00Z' });
  });

  it('takes a DST week as it is: the Berlin week of 29 March 2026 is an hour short', () => {
    const week = rangeOfDays('2026-03-23', '2026-03-29', 'Europe/Berlin');
    expect(week).toEqual({ ok: true, from: '2026-03-22T23:00:00Z', to: '2026-03-29T22:00:00Z' });
    if (week.ok) expect(Date.parse(week.to) - Date.parse(week.from)).toBe((7 * 24 - 1) * 3_600_000);
  });

  it(`refuses more than CALENDAR_MAX_DAYS (${CALENDAR_MAX_DAYS}) days and a range that ends before it starts, as main would`, () => {
    expect(rangeOfDays('2026-11-01', '2026-12-12', 'Asia/Shanghai').ok).toBe(true);
    expect(rangeOfDays('2026-11-01', '2026-12-13', 'Asia/Shanghai')).toEqual({ ok: false, reason: { code: 'appointment-range-too-long', params: { days: CALENDAR_MAX_DAYS } } });
    expect(rangeOfDays('2026-12-08', '2026-12-06', 'Asia/Shanghai')).toEqual({ ok: false, reason: { code: 'appointment-range-backwards', params: {} } });
  });
});

describe('calendarQueries', () => {
  it(`asks for at most CALENDAR_MAX_ENGINEERS (${CALENDAR_MAX_ENGINEERS}) engineers per call, every engineer once, and nothing without engineers`, () => {
    const ids = Array.from({ length: 450 }, (_, i) => `e${i}`);
    const range = { from: '2026-12-06T16:00:00Z', to: '2026-12-13T16:00:00Z' };
    const queries = calendarQueries(range, ids);
    expect(queries.map((q) => q.engineerIds.length)).toEqual([200, 200, 50]);
    expect(queries.flatMap((q) => q.engineerIds)).toEqual(ids);
    expect(queries.every((q) => q.from === range.from && q.to === range.to)).toBe(true);
    expect(calendarQueries(range, [])).toEqual([]);
  });
});

describe('wall fields of a calendar Date', () => {
  it('reads the date and clock the Date stands for from its local fields', () => {
    const date = new Date(2026, 11, 7, 9, 5);
    expect(wallDateOf(date)).toBe('2026-12-07');
    expect(wallClockOf(date)).toBe('09:05');
  });
});

describe('weekOf', () => {
  it('is Monday to Sunday around the day, across a month and a year end', () => {
    expect(weekOf('2026-12-07')).toEqual({ firstDay: '2026-12-07', lastDay: '2026-12-13' });
    expect(weekOf('2026-12-13')).toEqual({ firstDay: '2026-12-07', lastDay: '2026-12-13' });
    expect(weekOf('2026-12-02')).toEqual({ firstDay: '2026-11-30', lastDay: '2026-12-06' });
    expect(weekOf('2027-01-01')).toEqual({ firstDay: '2026-12-28', lastDay: '2027-01-03' });
  });
});
