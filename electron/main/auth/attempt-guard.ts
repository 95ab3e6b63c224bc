// Every check of a secret (password, authenticator code, recovery code) goes through here, so the
// lockout counts and gates them all the same way. scrypt is asynchronous: with "gate, hash, then
// count" forty attempts sent at once all pass the gate before the first one is counted. So an
// attempt is claimed first, in one synchronous write that gates it and counts it as a failure
// (before any hashing); the check's outcome then settles the claim. A crash mid-check leaves the
// failure counted, which is the safe side.

import { securityAuditActions } from '../../../shared/audit/audit-actions';
import { delayAfterFailures, gateAttempt, recordFailure, type LockoutPolicy, type LockoutState } from '../../../shared/auth/lockout';
import { operatorEntry, type AuthStore } from './auth-deps';
import { AuthError } from './auth-error';
import type { Operator } from './operator-repository';

/** What an attempt was for; written with each failure so the audit log tells sign-ins from other checks. */
export type AttemptPurpose = 'sign-in' | 'sign-in-code' | 'unlock' | 'change-password' | 'regenerate-recovery-codes' | 'confirm-two-factor-enrolment';

/** A claimed attempt: already counted as a failure until it is settled. */
export interface AttemptClaim {
  /** The failure count this claim left. */
  readonly count: number;
  /**
   * The check failed: the counted failure stays; records it (and the lock, if this claim locked the
   * account) and answers what the user must do next, as a sentence to append.
   */
  failed(reason: string): string;
  /**
   * The check passed. Refused (`locked`) when another attempt locked the account meanwhile.
   * `reset` ends the run of failures (a full sign-in, an unlock); `release` only takes back this
   * claim, leaving earlier failures counted (a right password before its code, a code without the password).
   */
  succeeded(mode: 'reset' | 'release'): void;
}

export interface AttemptGuardDeps {
  store: AuthStore;
  now: () => Date;
  lockout: LockoutPolicy;
}

/** Claims attempts against the lockout. */
export interface AttemptGuard {
  /** Gates and counts an attempt of `operatorId` in one transaction; throws `locked` or `wait` without counting. */
  claim(operatorId: number, purpose: AttemptPurpose): AttemptClaim;
}

const stateOf = (row: Operator): LockoutState => ({ failedAttempts: row.failedAttempts, notBefore: row.retryNotBefore, locked: row.locked });

/** The refusal for a gate that said no. */
function refusal(row: Operator, nowMs: number): AuthError | null {
  const decision = gateAttempt(stateOf(row), nowMs);
  if (decision.allowed) return null;
  if (decision.reason === 'locked') {
    return new AuthError('locked', `This account is locked after ${row.failedAttempts} failed attempts in a row. Ask an admin to unlock it.`);
  }
  const seconds = Math.ceil(decision.retryAfterMs / 1000);
  return new AuthError('wait', `Too many failed attempts: wait ${seconds} s before trying again.`, decision.retryAfterMs);
}

export function createAttemptGuard(deps: AttemptGuardDeps): AttemptGuard {
  const { now, lockout } = deps;
  const { operators: repo, audited } = deps.store;
  const entry = (row: Operator, action: string, payload: Record<string, unknown>, at: Date) => operatorEntry(row.username, action, row.id, payload, at);
  // Sign-ins keep the payload they always had; other checks say what they were for.
  const purposeField = (purpose: AttemptPurpose) => (purpose === 'sign-in' || purpose === 'sign-in-code' ? {} : { purpose });

  return {
    claim(operatorId, purpose) {
      // Not audited yet: the claim is counted now and recorded when the check settles it.
      const claimed = audited(null, () => {
        const row = repo.byId(operatorId);
        if (!row) throw new AuthError('disabled', 'This account no longer exists.');
        const at = now();
        const refused = refusal(row, at.getTime());
        if (refused) throw refused;
        const next = recordFailure(stateOf(row), at.getTime(), lockout);
        repo.recordFailure(row.id, { failedAttempts: next.failedAttempts, retryNotBefore: next.notBefore, locked: next.locked }, at.toISOString());
        return { row, next };
      });
      const { row, next } = claimed;
      let settled = false;
      const settle = () => {
        if (settled) throw new Error('An attempt was settled twice.');
        settled = true;
      };

      return {
        count: next.failedAttempts,
        failed(reason) {
          settle();
          const { counted, lockedNow, at } = audited(
            ({ counted, lockedNow, at }) => [
              entry(row, securityAuditActions.signInFailed, { reason, failedAttempts: counted.failedAttempts, ...purposeField(purpose) }, at),
              ...(lockedNow ? [entry(row, securityAuditActions.accountLocked, { failedAttempts: counted.failedAttempts, ...purposeField(purpose) }, at)] : []),
            ],
            () => {
              const fresh = repo.byId(row.id) ?? row;
              // A run reset after this claim (a success claimed later, an admin's unlock) supersedes it:
              // the failure is recorded, but the count the reset left stands.
              const superseded = fresh.failedAttempts < next.failedAttempts;
              const counted = superseded ? stateOf(fresh) : next;
              return { counted, lockedNow: counted.locked && !superseded, at: now() };
            },
          );
          if (lockedNow) return ' The account is now locked; ask an admin to unlock it.';
          return counted.notBefore !== null ? ` Wait ${Math.ceil((counted.notBefore - at.getTime()) / 1000)} s before the next try.` : '';
        },
        succeeded(mode) {
          settle();
          // Recorded, then refused outside the transaction so the entry is kept.
          const refused = audited(
            (lockedMeanwhile) =>
              lockedMeanwhile && entry(row, securityAuditActions.signInFailed, { reason: 'locked-while-checking', failedAttempts: lockedMeanwhile.failedAttempts, ...purposeField(purpose) }, lockedMeanwhile.at),
            (): { failedAttempts: number; at: Date } | null => {
              const fresh = repo.byId(row.id) ?? row;
              const at = now();
              // Locked by this very claim (it was the last allowed attempt, and right) is no lock at all.
              const lockedByThis = next.locked && fresh.failedAttempts === next.failedAttempts;
              if (fresh.locked && !lockedByThis) return { failedAttempts: fresh.failedAttempts, at };
              if (mode === 'reset') {
                repo.clearLockout(row.id, at.toISOString());
                return null;
              }
              // Take back this claim only; later claims (still being checked) keep theirs. A run reset
              // meanwhile no longer holds this claim, so there is nothing to take back.
              if (fresh.failedAttempts < next.failedAttempts) return null;
              const failedAttempts = fresh.failedAttempts - 1;
              const retryNotBefore = delayAfterFailures(failedAttempts, lockout) > 0 ? fresh.retryNotBefore : null;
              repo.recordFailure(row.id, { failedAttempts, retryNotBefore, locked: false }, at.toISOString());
              return null;
            },
          );
          if (refused) throw new AuthError('locked', 'This account was locked by other failed attempts while this one was checked. Ask an admin to unlock it.');
        },
      };
    },
  };
}
