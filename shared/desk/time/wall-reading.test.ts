import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { daysBetween, instantToWallTime, weekdayOf } from './zoned';

// What Temporal says, read the slow way: the fast path must say exactly this.
function temporalWallTime(ms: number, zone: string) {
  const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  return { date: zoned.toPlainDate().toString(), time: zoned.toPlainTime().toString({ smallestUnit: 'minute' }), weekday: String(zoned.dayOfWeek), offset: zoned.offset };
}

// DST both ways, half-hour and 45-minute offsets, a 30-minute DST, and old local mean times with seconds.
const zones = ['Europe/Berlin', 'Asia/Shanghai', 'America/New_York', 'UTC', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu', 'Europe/Amsterdam', 'Africa/Monrovia'];
const instants = fc.integer({ min: Date.UTC(1000, 0, 2), max: Date.UTC(9999, 11, 30) });
const nearNow = fc.integer({ min: Date.UTC(1840, 0, 1), max: Date.UTC(2100, 0, 1) });

describe('reading the wall clock through Intl', () => {
  it('says what Temporal says, for any instant in any of the zones', () => {
    fc.assert(fc.property(fc.oneof(instants, nearNow), fc.constantFrom(...zones), (ms, zone) => {
      expect(instantToWallTime(ms, zone)).toEqual(temporalWallTime(ms, zone));
      expect(instantToWallTime(new Date(ms).toISOString(), zone)).toEqual(temporalWallTime(ms, zone));
    }), { numRuns: 3000 });
  });

  it('says it at the DST changes to the minute, and for an old local mean time to the second', () => {
    for (const iso of ['2026-03-29T00:59:59.999Z', '2026-03-29T01:00:00.000Z', '2026-10-25T00:59:59.999Z', '2026-10-25T01:00:00.000Z', '1899-06-01T00:00:00.000Z']) {
      const ms = Date.parse(iso);
      expect(instantToWallTime(ms, 'Europe/Berlin')).toEqual(temporalWallTime(ms, 'Europe/Berlin'));
    }
    expect(instantToWallTime(Date.parse('1900-06-01T00:00:00.000Z'), 'Asia/Shanghai').offset).toBe('+08:05:43');
  });

  it('leaves what it does not read to Temporal: offset zones, extreme years, and its errors', () => {
    expect(instantToWallTime('2027-01-05T02:00:00Z', '+05:30')).toEqual(temporalWallTime(Date.parse('2027-01-05T02:00:00Z'), '+05:30'));
    expect(instantToWallTime(Date.UTC(10000, 0, 1), 'UTC').date).toBe('+010000-01-01');
    expect(() => instantToWallTime(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('plain dates without Temporal', () => {
  const dates = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
  it('give the weekday and the days between as Temporal does', () => {
    fc.assert(fc.property(dates, dates, (a, b) => {
      expect(weekdayOf(a)).toBe(String(Temporal.PlainDate.from(a).dayOfWeek));
      expect(daysBetween(a, b)).toBe(Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b), { largestUnit: 'days' }).days);
    }), { numRuns: 3000 });
  });

  it('refuse a date that does not exist as Temporal does', () => {
    expect(() => weekdayOf('2027-02-30')).toThrow(RangeError);
    expect(() => daysBetween('2027-13-01', '2027-01-01')).toThrow(RangeError);
  });
});
