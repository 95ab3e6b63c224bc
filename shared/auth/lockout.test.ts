import { describe, expect, it } from 'vitest';
import { defaultLockoutPolicy, delayAfterFailures, gateAttempt, recordFailure, type LockoutState } from './lockout';

const fresh: LockoutState = { failedAttempts: 0, notBefore: null, locked: false };

describe('lockout', () => {
  it('lets three failures pass, delays the fourth by 1 s and locks at the fifth', () => {
    let state = fresh;
    const now = 1_000_000;
    const seen: LockoutState[] = [];
    for (let i = 0; i < 5; i++) {
      state = recordFailure(state, now, defaultLockoutPolicy);
      seen.push(state);
    }
    expect(seen.map((s) => s.notBefore && s.notBefore - now)).toEqual([null, null, null, 1000, null]);
    expect(seen.map((s) => s.locked)).toEqual([false, false, false, false, true]);
  });

  it('doubles the delay with each failure beyond the free ones', () => {
    const policy = { freeFailures: 3, lockAfter: 10, baseDelayMs: 1000 };
    expect([4, 5, 6, 7, 8].map((n) => delayAfterFailures(n, policy))).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(delayAfterFailures(3, policy)).toBe(0);
  });

  it('refuses attempts during the delay and while locked, without counting them', () => {
    expect(gateAttempt({ failedAttempts: 4, notBefore: 5000, locked: false }, 4200)).toEqual({ allowed: false, reason: 'wait', retryAfterMs: 800 });
    expect(gateAttempt({ failedAttempts: 4, notBefore: 5000, locked: false }, 5000)).toEqual({ allowed: true });
    expect(gateAttempt({ failedAttempts: 5, notBefore: null, locked: true }, 9e12)).toEqual({ allowed: false, reason: 'locked' });
    expect(gateAttempt(fresh, 0)).toEqual({ allowed: true });
  });
});
