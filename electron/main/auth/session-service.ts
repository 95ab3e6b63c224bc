import { randomBytes } from 'node:crypto';
import { anonymousActor, securityAuditActions } from '../../../shared/audit/audit-actions';
import { defaultLockoutPolicy } from '../../../shared/auth/lockout';
import { signInCodeInputSchema, signInInputSchema, type Actor, type SessionInfo, type SignInCodeInput, type SignInInput } from '../../../shared/auth/session';
import type { CallerView } from '../../../shared/auth/roles';
import { AppError } from '../app-error';
import { reason } from '../../../shared/errors/reason';
import type { FieldEncryption } from '../crypto/field-encryption';
import { createAttemptGuard } from './attempt-guard';
import { operatorEntry, parseInput, type AuthDeps } from './auth-deps';
import { AuthError } from './auth-error';
import type { Operator } from './operator-repository';
import { currentScryptParams, describeScryptParams, hashPassword, parsePasswordHash, verifyPassword } from './password-hash';
import { checkSecondFactor } from './second-factor';
import type { SecurityPolicyService } from './security-policy-service';

/** The operator behind a call, as the router and services see it; fresh from the database on every `current()`. */
export interface Caller extends Actor, CallerView {
  sessionId: string;
  displayName: string;
  signedInAt: string;
  /** This session was opened with a temporary password, so it may replace it without typing it again. */
  viaTemporaryPassword: boolean;
}

/** The answer of a sign-in step in main: with the session id, which the router keeps per window and never sends to the renderer. */
export type SignInStep =
  | { status: 'signed-in'; sessionId: string; session: SessionInfo }
  | { status: 'code-required'; challengeId: string; expiresAt: string };

/** Sign-in, sessions and "who is calling". */
export interface SessionService {
  /**
   * Step one: username and password. Answers with a session, or asks for a code when the operator
   * uses two-factor sign-in; `origin` (the calling window) is the only one that may answer it.
   */
  signIn(input: SignInInput, origin?: string): Promise<SignInStep>;
  /** Step two: an authenticator code or a recovery code for the challenge step one gave to `origin`. */
  completeSignIn(input: SignInCodeInput, origin?: string): SignInStep;
  /** The caller behind a session id, or null (unknown, signed out, account disabled, password reset since). */
  current(sessionId: string | null | undefined): Caller | null;
  /** The session as the renderer sees it. */
  info(caller: Caller): SessionInfo;
  /** Ends a session; unknown ids are ignored. */
  signOut(sessionId: string | null | undefined): void;
  /**
   * Asks the session's operator for their password again, to lift the idle lock. A wrong one
   * counts toward the lockout like a failed sign-in; the result is audited either way.
   */
  confirmPassword(caller: Caller, password: string): Promise<void>;
  /** Records that the window of `caller` locked itself after the idle time. */
  recordScreenLock(caller: Caller): void;
}

export interface SessionServiceDeps extends AuthDeps {
  policy: SecurityPolicyService;
  encryption: FieldEncryption;
  /** How long step two may take. */
  challengeTtlMs?: number;
}

interface Session {
  operatorId: number;
  /** Checked with the id: after a restore, the same id may belong to someone else. */
  username: string;
  epoch: number;
  signedInAt: string;
  viaTemporaryPassword: boolean;
}

interface Challenge {
  operatorId: number;
  /** The window that began the sign-in: a challenge id leaked to another window is worthless there. */
  origin: string;
  epoch: number;
  expiresAtMs: number;
}

// Callers that are not windows (tests, services) share one origin.
const directOrigin = 'direct';

/** Creates the session service; sessions and challenges live in memory and end with the process. */
export function createSessionService(deps: SessionServiceDeps): SessionService {
  const { operators: repo, audited } = deps.store;
  const now = deps.now ?? (() => new Date());
  const params = deps.scrypt ?? currentScryptParams;
  const lockout = deps.lockout ?? defaultLockoutPolicy;
  const challengeTtlMs = deps.challengeTtlMs ?? 5 * 60 * 1000;
  const sessions = new Map<string, Session>();
  const challenges = new Map<string, Challenge>();
  // An entry that records what happened without a change to stored data (a failed step, a lock).
  const record = (actor: string, action: string, operatorId: number | null, payload: Record<string, unknown>) =>
    audited(operatorEntry(actor, action, operatorId, payload, now()), () => undefined);

  // Unknown usernames cost one scrypt run too, so timing does not tell which names exist.
  let dummyHash: Promise<string> | null = null;
  const burnTime = async (password: string) => {
    dummyHash ??= hashPassword('not a real password', params);
    await verifyPassword(password, await dummyHash, params);
  };

  const guard = createAttemptGuard({ store: deps.store, now, lockout });

  const pendingFor = (row: Operator) => ({
    passwordChange: row.mustChangePassword,
    twoFactorEnrolment: deps.policy.get().twoFactorRequired[row.role] && row.totpSecret === null,
  });

  const toInfo = (row: Operator, session: Session): SessionInfo => ({
    operatorId: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    signedInAt: session.signedInAt,
    pending: pendingFor(row),
    deskLead: row.role === 'desk' && row.deskLead,
    idleLockMinutes: deps.policy.get().idleLockMinutes,
  });

  /** Records the success and opens the session; `extra` runs in the same transaction (consume a code). */
  const openSession = (row: Operator, method: string, extra: (at: Date) => Record<string, unknown> = () => ({})): SignInStep => {
    const at = now();
    const { session } = audited(
      ({ temporaryPassword, details }) => operatorEntry(row.username, securityAuditActions.signedIn, row.id, { method, temporaryPassword, ...details }, at),
      () => {
        const fresh = repo.byId(row.id) ?? row;
        repo.recordSuccess(row.id, at.toISOString());
        // A temporary password works for one sign-in; that session must replace it.
        if (fresh.mustChangePassword) repo.markTemporaryUsed(row.id, at.toISOString());
        const details = extra(at);
        const session: Session = { operatorId: row.id, username: row.username, epoch: fresh.sessionEpoch, signedInAt: at.toISOString(), viaTemporaryPassword: fresh.mustChangePassword };
        return { session, temporaryPassword: fresh.mustChangePassword, details };
      },
    );
    const sessionId = randomBytes(32).toString('base64url');
    sessions.set(sessionId, session);
    return { status: 'signed-in', sessionId, session: toInfo(repo.byId(row.id)!, session) };
  };

  const dropExpiredChallenges = (nowMs: number) => {
    for (const [id, challenge] of challenges) if (challenge.expiresAtMs <= nowMs) challenges.delete(id);
  };

  return {
    async signIn(raw, origin = directOrigin) {
      const input = parseInput(signInInputSchema, raw);
      const row = repo.byUsername(input.username);
      if (!row) {
        await burnTime(input.password);
        // The typed name is not logged: people type their password into the username field.
        record(anonymousActor, securityAuditActions.signInFailed, null, { reason: 'unknown-user' });
        throw new AuthError('bad-credentials', 'Wrong username or password.');
      }
      // Claimed (gated and counted) before hashing, so a burst cannot slip past the lockout.
      const attempt = guard.claim(row.id, 'sign-in');
      const check = await verifyPassword(input.password, row.passwordHash, params);
      const fresh = repo.byId(row.id);
      // Gone, or the password was reset during the await: the check above was against a stale hash.
      if (!fresh || fresh.passwordHash !== row.passwordHash) throw new AuthError('bad-credentials', 'Wrong username or password.');
      if (!check.ok) throw new AuthError('bad-credentials', `Wrong username or password.${attempt.failed('password')}`);
      // With two factors, the password alone does not end a run of failures: the code must follow.
      attempt.succeeded(fresh.totpSecret !== null ? 'release' : 'reset');
      if (fresh.disabled) throw new AuthError('disabled', 'This account is disabled. Ask an admin to enable it.');
      if (fresh.mustChangePassword) {
        if (fresh.temporaryPasswordUsedAt !== null) {
          throw new AuthError('temporary-password-used', 'This temporary password has already been used. Ask an admin for a new one.');
        }
        if (fresh.temporaryPasswordExpiresAt !== null && fresh.temporaryPasswordExpiresAt < now().toISOString()) {
          throw new AuthError('temporary-password-expired', 'This temporary password has expired. Ask an admin for a new one.');
        }
      }
      if (check.needsRehash) {
        // The stored parameters are below today's: renew the hash while the password is at hand.
        const renewed = await hashPassword(input.password, params);
        const from = parsePasswordHash(row.passwordHash);
        audited(
          (at) => at && operatorEntry(row.username, securityAuditActions.passwordRehashed, row.id, { from: from ? describeScryptParams(from.params) : 'unknown', to: describeScryptParams(params) }, at),
          () => {
            const latest = repo.byId(row.id);
            // Changed during the hashing: the renewed hash is of a password no longer in use.
            if (!latest || latest.passwordHash !== row.passwordHash) return null;
            const at = now();
            repo.replaceHash(row.id, renewed, at.toISOString());
            return at;
          },
        );
      }
      // Read once more after the awaits: an admin may have disabled the account meanwhile.
      const current = repo.byId(row.id);
      if (!current || current.disabled || current.sessionEpoch !== fresh.sessionEpoch) {
        throw new AuthError('disabled', 'This account was disabled or reset while signing in. Ask an admin.');
      }
      if (current.totpSecret !== null) {
        const nowMs = now().getTime();
        dropExpiredChallenges(nowMs);
        const challengeId = randomBytes(24).toString('base64url');
        challenges.set(challengeId, { operatorId: current.id, origin, epoch: current.sessionEpoch, expiresAtMs: nowMs + challengeTtlMs });
        return { status: 'code-required', challengeId, expiresAt: new Date(nowMs + challengeTtlMs).toISOString() };
      }
      return openSession(current, 'password');
    },

    completeSignIn(raw, origin = directOrigin) {
      const input = parseInput(signInCodeInputSchema, raw);
      const nowMs = now().getTime();
      dropExpiredChallenges(nowMs);
      const challenge = challenges.get(input.challengeId);
      if (challenge && challenge.origin !== origin) {
        // Answered as an unknown challenge, and kept: the window that began it may still finish it.
        const owner = repo.byId(challenge.operatorId);
        if (owner) record(owner.username, securityAuditActions.signInFailed, owner.id, { reason: 'challenge-from-another-window' });
        throw new AuthError('challenge-expired', 'The sign-in took too long or was reset; enter your password again.');
      }
      const row = challenge ? repo.byId(challenge.operatorId) : undefined;
      if (!challenge || !row || row.sessionEpoch !== challenge.epoch || row.totpSecret === null) {
        if (challenge) challenges.delete(input.challengeId);
        throw new AuthError('challenge-expired', 'The sign-in took too long or was reset; enter your password again.');
      }
      if (row.disabled) {
        challenges.delete(input.challengeId);
        throw new AuthError('disabled', 'This account is disabled. Ask an admin to enable it.');
      }
      let attempt;
      try {
        attempt = guard.claim(row.id, 'sign-in-code');
      } catch (error) {
        if (error instanceof AuthError && error.reason === 'locked') challenges.delete(input.challengeId);
        throw error;
      }

      const check = checkSecondFactor(repo, deps.encryption, row, input.code, nowMs);
      if (check.ok) {
        challenges.delete(input.challengeId);
        attempt.succeeded('reset');
        return openSession(row, check.method, check.consume);
      }
      const suffix = attempt.failed(check.reason);
      if (repo.byId(row.id)?.locked) challenges.delete(input.challengeId);
      throw new AuthError('bad-code', `${check.message}${suffix}`);
    },

    current(sessionId) {
      if (!sessionId) return null;
      const session = sessions.get(sessionId);
      if (!session) return null;
      const row = repo.byId(session.operatorId);
      if (!row || row.disabled || row.sessionEpoch !== session.epoch || row.username !== session.username) {
        sessions.delete(sessionId);
        return null;
      }
      return {
        sessionId,
        operatorId: row.id,
        username: row.username,
        displayName: row.displayName,
        role: row.role,
        signedInAt: session.signedInAt,
        viaTemporaryPassword: session.viaTemporaryPassword,
        pending: pendingFor(row),
        deskLead: row.role === 'desk' && row.deskLead,
      };
    },

    info(caller) {
      const row = repo.byId(caller.operatorId);
      const session = sessions.get(caller.sessionId);
      if (!row || !session) throw new AppError('forbidden', reason('session-ended'));
      return toInfo(row, session);
    },

    signOut(sessionId) {
      if (!sessionId) return;
      const session = sessions.get(sessionId);
      if (!session) return;
      sessions.delete(sessionId);
      const row = repo.byId(session.operatorId);
      if (row) record(row.username, securityAuditActions.signedOut, row.id, {});
    },

    async confirmPassword(caller, password) {
      const row = repo.byId(caller.operatorId);
      if (!row) throw new AuthError('disabled', 'Your account no longer exists; sign in again.');
      const attempt = guard.claim(row.id, 'unlock');
      const check = await verifyPassword(password, row.passwordHash, params);
      const fresh = repo.byId(row.id);
      if (!fresh || fresh.passwordHash !== row.passwordHash) throw new AuthError('bad-credentials', 'Wrong password.');
      if (!check.ok) throw new AuthError('bad-credentials', `Wrong password.${attempt.failed('password')}`);
      attempt.succeeded('reset');
      record(row.username, securityAuditActions.screenUnlocked, row.id, {});
    },

    recordScreenLock(caller) {
      record(caller.username, securityAuditActions.screenLocked, caller.operatorId, {});
    },
  };
}
