import { describe, expect, it } from 'vitest';
import { countsForFirstTimeFix, firstTimeFixRate, isFirstTimeFix } from './first-time-fix';
import { reportBuckets } from './report-buckets';
import { granularityFor, reportPeriodSchema } from './service-report';

describe('first-time fix', () => {
  it('counts a case once a visit had an outcome, and calls it fixed only when rebound with no failure ever', () => {
    expect(countsForFirstTimeFix({ reachedRebound: false, failures: 0 })).toBe(false);
    expect(countsForFirstTimeFix({ reachedRebound: false, failures: 1 })).toBe(true);
    expect(isFirstTimeFix({ reachedRebound: true, failures: 0 })).toBe(true);
    // rebound → failed: the checklist found it not working after the rebound.
    expect(isFirstTimeFix({ reachedRebound: true, failures: 1 })).toBe(false);
    expect(firstTimeFixRate({ counted: 0, fixed: 0 })).toBeNull();
    expect(firstTimeFixRate({ counted: 4, fixed: 1 })).toBe(0.25);
  });
});

describe('report buckets', () => {
  it('cuts by day up to 31 days, by week up to 183, by month beyond', () => {
    expect([granularityFor(31), granularityFor(32), granularityFor(183), granularityFor(184)]).toEqual(['day', 'week', 'week', 'month']);
  });

  it('gives each local day its real length across a DST change, in the stored instant form', () => {
    // Berlin leaves summer time on Sunday 25 October 2026: that day is 25 hours long.
    const { buckets } = reportBuckets({ from: '2026-10-24', to: '2026-10-26', zone: 'Europe/Berlin' });
    expect(buckets).toEqual([
      { start: '2026-10-24', from: '2026-10-23T22:00:00.000Z', before: '2026-10-24T22:00:00.000Z' },
      { start: '2026-10-25', from: '2026-10-24T22:00:00.000Z', before: '2026-10-25T23:00:00.000Z' },
      { start: '2026-10-26', from: '2026-10-25T23:00:00.000Z', before: '2026-10-26T23:00:00.000Z' },
    ]);
  });

  it('refuses a period that ends before it starts or is longer than five years', () => {
    expect(reportPeriodSchema.safeParse({ from: '2026-12-02', to: '2026-12-01', zone: 'UTC' }).success).toBe(false);
    expect(reportPeriodSchema.safeParse({ from: '2020-01-01', to: '2026-12-01', zone: 'UTC' }).success).toBe(false);
    expect(reportPeriodSchema.safeParse({ from: '2026-12-01', to: '2026-12-01', zone: 'Mars/Olympus' }).success).toBe(false);
    expect(reportPeriodSchema.safeParse({ from: '2026-12-01', to: '2026-12-01', zone: 'UTC' }).success).toBe(true);
  });
});
