// Sign-in throttling as pure arithmetic: the service stores the count and the "not before" time,
// and nothing ever sleeps (a sleeping main process would freeze the window).

/** When delays start, when the account locks and how long the first delay is. */
export interface LockoutPolicy {
  /** Failures allowed in a row without any delay. */
  freeFailures: number;
  /** After this many failures in a row the account is locked until an admin unlocks it. */
  lockAfter: number;
  /** The delay after the first failure beyond `freeFailures`; each further failure doubles it. */
  baseDelayMs: number;
}

/** The policy in force: 3 free failures, then 1 s, 2 s, 4 s …; locked at the 5th failure. */
export const defaultLockoutPolicy: LockoutPolicy = { freeFailures: 3, lockAfter: 5, baseDelayMs: 1000 };

/** The stored sign-in state of one operator. */
export interface LockoutState {
  failedAttempts: number;
  /** Epoch ms before which no attempt is checked; null for none. */
  notBefore: number | null;
  /** Locked until an admin unlocks the account. */
  locked: boolean;
}

/** The delay imposed after `failures` failures in a row (0 while they are free). */
export function delayAfterFailures(failures: number, policy: LockoutPolicy = defaultLockoutPolicy): number {
  if (failures <= policy.freeFailures) return 0;
  return policy.baseDelayMs * 2 ** (failures - policy.freeFailures - 1);
}

/** The state after one more failure at `nowMs`. */
export function recordFailure(state: LockoutState, nowMs: number, policy: LockoutPolicy = defaultLockoutPolicy): LockoutState {
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= policy.lockAfter) return { failedAttempts, notBefore: null, locked: true };
  const delay = delayAfterFailures(failedAttempts, policy);
  return { failedAttempts, notBefore: delay > 0 ? nowMs + delay : null, locked: false };
}

/** Whether an attempt at `nowMs` may be checked at all. */
export type AttemptGate = { allowed: true } | { allowed: false; reason: 'locked' } | { allowed: false; reason: 'wait'; retryAfterMs: number };

/** Decides whether an attempt may proceed; a refused attempt is not counted as a failure. */
export function gateAttempt(state: LockoutState, nowMs: number): AttemptGate {
  if (state.locked) return { allowed: false, reason: 'locked' };
  if (state.notBefore !== null && nowMs < state.notBefore) return { allowed: false, reason: 'wait', retryAfterMs: state.notBefore - nowMs };
  return { allowed: true };
}
