import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPastIsoDate, isCalendarDay, isIsoDate } from './calendar-date';

describe('calendar dates', () => {
  it('knows the lengths of months and the leap years', () => {
    expect(isCalendarDay(2024, 2, 29)).toBe(true);
    expect(isCalendarDay(2000, 2, 29)).toBe(true);
    expect(isCalendarDay(1900, 2, 29)).toBe(false);
    expect(isCalendarDay(2026, 2, 29)).toBe(false);
    expect(isCalendarDay(2026, 4, 31)).toBe(false);
    expect(isCalendarDay(2026, 12, 31)).toBe(true);
    expect(isCalendarDay(2026, 13, 1)).toBe(false);
    expect(isCalendarDay(2026, 1, 0)).toBe(false);
  });

  it('agrees with the platform’s calendar on every day from 1800 to 2200 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const date = new Date(Date.UTC(year, month - 1, day));
        expect(isCalendarDay(year, month, day)).toBe(date.getUTCMonth() === month - 1 && date.getUTCDate() === day);
      }),
    );
  });

  it('reads YYYY-MM-DD only', () => {
    expect(isIsoDate('2026-12-01')).toBe(true);
    expect(isIsoDate('2026-2-01')).toBe(false);
    expect(isIsoDate('2026/12/01')).toBe(false);
    expect(isIsoDate('2026-12-01T00:00:00Z')).toBe(false);
  });

  it('refuses a malformed or unreal date, an empty one, and one after today', () => {
    expect(checkPastIsoDate('2026-02-30').errors).toEqual([{ code: 'desk-date-bad', params: { value: '2026-02-30' } }]);
    expect(checkPastIsoDate('').errors.map((e) => e.code)).toEqual(['desk-field-required']);
    expect(checkPastIsoDate('2026-12-02', { today: '2026-12-01' }).errors).toEqual([{ code: 'desk-date-in-future', params: { date: '2026-12-02', today: '2026-12-01' } }]);
    expect(checkPastIsoDate(' 2026-12-01 ', { today: '2026-12-01' })).toMatchObject({ ok: true, value: '2026-12-01' });
  });
});
