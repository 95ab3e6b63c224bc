import { describe, expect, it } from 'vitest';
import { reason } from '../../errors/reason';
import { dayBounds, daysBetween, epochMs, formatWallTime, instantOf, instantToWallTime, localDateOf, plusDays, resolveWallTime, wallTimeToInstant, weekdayOf, windowEdgeToInstant, windowsOnDay } from './zoned';

const hours = (span: { start: number; end: number }) => (span.end - span.start) / 3_600_000;
const berlin = 'Europe/Berlin';
const shanghai = 'Asia/Shanghai';

describe('Europe/Berlin across the 2026 changes', () => {
  it('puts 09:00 at 08:00Z in winter and 07:00Z in summer', () => {
    expect(wallTimeToInstant('2026-03-27', '09:00', berlin)).toEqual({ ok: true, instant: '2026-03-27T08:00:00Z' });
    expect(wallTimeToInstant('2026-03-30', '09:00', berlin)).toEqual({ ok: true, instant: '2026-03-30T07:00:00Z' });
    expect(wallTimeToInstant('2026-10-26', '09:00', berlin)).toEqual({ ok: true, instant: '2026-10-26T08:00:00Z' });
  });

  it('refuses 02:30 on 29 March: the clocks jump from 02:00 to 03:00', () => {
    expect(resolveWallTime('2026-03-29', '02:30', berlin)).toEqual({ kind: 'gap' });
    expect(wallTimeToInstant('2026-03-29', '02:30', berlin)).toEqual({ ok: false, reason: reason('booking-time-in-gap', { day: '2026-03-29', time: '02:30', zone: berlin }) });
    expect(wallTimeToInstant('2026-03-29', '03:00', berlin)).toEqual({ ok: true, instant: '2026-03-29T01:00:00Z' });
  });

  it('asks which 02:30 on 25 October is meant, and takes the one chosen', () => {
    expect(resolveWallTime('2026-10-25', '02:30', berlin)).toEqual({ kind: 'overlap', earlier: '2026-10-25T00:30:00Z', later: '2026-10-25T01:30:00Z' });
    expect(wallTimeToInstant('2026-10-25', '02:30', berlin)).toEqual({
      ok: false,
      reason: reason('booking-time-ambiguous', { day: '2026-10-25', time: '02:30', zone: berlin, earlier: '+02:00', later: '+01:00' }),
    });
    expect(wallTimeToInstant('2026-10-25', '02:30', berlin, 'earlier')).toEqual({ ok: true, instant: '2026-10-25T00:30:00Z' });
    expect(wallTimeToInstant('2026-10-25', '02:30', berlin, 'later')).toEqual({ ok: true, instant: '2026-10-25T01:30:00Z' });
  });

  it('has a 23-hour day in March and a 25-hour day in October', () => {
    expect(hours(dayBounds('2026-03-29', berlin))).toBe(23);
    expect(hours(dayBounds('2026-10-25', berlin))).toBe(25);
    expect(hours(dayBounds('2026-06-01', berlin))).toBe(24);
    expect(instantOf(dayBounds('2026-03-29', berlin).start)).toBe('2026-03-28T23:00:00Z');
    expect(instantOf(dayBounds('2026-03-29', berlin).end)).toBe('2026-03-29T22:00:00Z');
  });

  it('moves a window edge in the gap forward as the clocks do, and takes the first of two in the overlap', () => {
    expect(instantOf(windowEdgeToInstant('2026-03-29', '02:00', berlin))).toBe('2026-03-29T01:00:00Z');
    expect(instantOf(windowEdgeToInstant('2026-03-29', '02:30', berlin))).toBe('2026-03-29T01:30:00Z');
    expect(instantOf(windowEdgeToInstant('2026-10-25', '02:30', berlin))).toBe('2026-10-25T00:30:00Z');
    expect(windowsOnDay('2026-03-29', [{ start: '01:00', end: '05:00' }], berlin).map(hours)).toEqual([3]);
    expect(windowsOnDay('2026-10-25', [{ start: '01:00', end: '05:00' }], berlin).map(hours)).toEqual([5]);
    expect(windowsOnDay('2026-03-29', [{ start: '22:00', end: '24:00' }], berlin).map(hours)).toEqual([2]);
  });

  it('reads instants back as wall time with the offset of the day', () => {
    expect(instantToWallTime('2026-03-29T00:59:00Z', berlin)).toEqual({ date: '2026-03-29', time: '01:59', weekday: '7', offset: '+01:00' });
    expect(instantToWallTime('2026-03-29T01:00:00Z', berlin)).toEqual({ date: '2026-03-29', time: '03:00', weekday: '7', offset: '+02:00' });
    expect(formatWallTime('2026-10-25T00:30:00Z', berlin)).toBe('2026-10-25 02:30');
    expect(formatWallTime('2026-10-25T01:30:00Z', berlin)).toBe('2026-10-25 02:30');
    expect(localDateOf('2026-06-01T22:30:00Z', berlin)).toBe('2026-06-02');
  });
});

describe('Asia/Shanghai (no DST)', () => {
  it('is UTC+8 all year, every day 24 hours, and the local date turns at 16:00Z', () => {
    for (const date of ['2026-03-29', '2026-10-25', '2026-01-15']) {
      expect(hours(dayBounds(date, shanghai))).toBe(24);
      expect(wallTimeToInstant(date, '02:30', shanghai)).toEqual({ ok: true, instant: `${plusDays(date, -1)}T18:30:00Z` });
    }
    expect(localDateOf('2026-06-01T15:59:00Z', shanghai)).toBe('2026-06-01');
    expect(localDateOf('2026-06-01T16:00:00Z', shanghai)).toBe('2026-06-02');
    expect(instantToWallTime('2026-06-01T01:00:00Z', shanghai)).toEqual({ date: '2026-06-01', time: '09:00', weekday: '1', offset: '+08:00' });
  });
});

describe('calendar days', () => {
  it('count and step across months, leap days and DST', () => {
    expect(plusDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(plusDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(weekdayOf('2026-06-01')).toBe('1');
    expect(weekdayOf('2026-06-07')).toBe('7');
  });
});

describe('instants', () => {
  it('read the same in the fast form and in any other ISO form Temporal accepts', () => {
    expect(epochMs('2026-03-29T01:00:00Z')).toBe(Date.UTC(2026, 2, 29, 1));
    expect(epochMs('2026-03-29T01:00:00.250Z')).toBe(Date.UTC(2026, 2, 29, 1, 0, 0, 250));
    expect(epochMs('2026-03-29T01:00:00.250999Z')).toBe(Date.UTC(2026, 2, 29, 1, 0, 0, 250));
    expect(epochMs('2026-03-29T03:00:00+02:00')).toBe(Date.UTC(2026, 2, 29, 1));
    expect(instantOf(Date.UTC(2026, 2, 29, 1))).toBe('2026-03-29T01:00:00Z');
  });
});
