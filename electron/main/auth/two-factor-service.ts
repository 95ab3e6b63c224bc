import { randomBytes } from 'node:crypto';
import { securityAuditActions } from '../../../shared/audit/audit-actions';
import { decodeBase32, encodeBase32 } from '../../../shared/auth/base32';
import { groupSecretForDisplay, otpauthUri } from '../../../shared/auth/otpauth-uri';
import type { Actor } from '../../../shared/auth/session';
import type { TwoFactorEnrolment, TwoFactorStatus } from '../../../shared/auth/two-factor';
import { AppError } from '../app-error';
import { reason } from '../../../shared/errors/reason';
import { fieldName } from '../crypto/encrypted-columns';
import type { FieldEncryption } from '../crypto/field-encryption';
import { defaultLockoutPolicy } from '../../../shared/auth/lockout';
import { createAttemptGuard, type AttemptPurpose } from './attempt-guard';
import { operatorEntry, requirePermission, type AuthDeps } from './auth-deps';
import { AuthError } from './auth-error';
import type { Operator } from './operator-repository';
import { qrSvgDataUrl } from './qr-code';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode, recoveryCodeCount, recoverySalt } from './recovery-codes';
import type { SecurityPolicyService } from './security-policy-service';
import { verifyTotp } from './totp';

/** Two-factor sign-in: enrolment with confirmation, recovery codes, and an admin's reset. */
export interface TwoFactorService {
  status(actor: Actor): TwoFactorStatus;
  /** Starts (or restarts) enrolment with a fresh secret; refused when already enrolled. */
  beginEnrolment(actor: Actor): Promise<TwoFactorEnrolment>;
  /** Confirms enrolment with the first valid code; answers the 10 recovery codes, shown once. */
  confirmEnrolment(actor: Actor, code: string): { recoveryCodes: string[] };
  /** Replaces the recovery codes; asks for a current code. */
  regenerateRecoveryCodes(actor: Actor, code: string): { recoveryCodes: string[] };
  /** An admin removes an operator's two-factor set-up (lost phone); they enrol again at next sign-in if required. */
  reset(actor: Actor, operatorId: number): void;
}

export interface TwoFactorServiceDeps extends AuthDeps {
  policy: SecurityPolicyService;
  encryption: FieldEncryption;
  /** The issuer authenticator apps show. */
  issuer?: string;
}

const secretField = fieldName({ table: 'operators', column: 'totp_secret' });
const pendingField = fieldName({ table: 'operators', column: 'totp_pending_secret' });

export function createTwoFactorService(deps: TwoFactorServiceDeps): TwoFactorService {
  const { operators: repo, audited } = deps.store;
  const now = deps.now ?? (() => new Date());
  const issuer = deps.issuer ?? 'RebindDesk';
  const guard = createAttemptGuard({ store: deps.store, now, lockout: deps.lockout ?? defaultLockoutPolicy });
  const entry = (actor: Actor, action: string, row: Operator, payload: Record<string, unknown>, at: Date) => operatorEntry(actor.username, action, row.id, payload, at);

  const self = (actor: Actor): Operator => {
    const row = repo.byId(actor.operatorId);
    if (!row) throw new AppError('not-found', reason('own-account-gone'));
    return row;
  };

  /** Fresh codes, stored hashed in the same transaction as the change that issues them. */
  const issueRecoveryCodes = (row: Operator, at: Date): string[] => {
    const codes = generateRecoveryCodes();
    const stored = codes.map((code) => {
      const salt = recoverySalt();
      return { salt, hash: hashRecoveryCode(normalizeRecoveryCode(code)!, salt) };
    });
    repo.replaceRecoveryCodes(row.id, stored, at.toISOString());
    return codes;
  };

  /**
   * Checks a code against `secretBase32` as one claimed attempt: a wrong one counts toward the
   * lockout and is audited like a failed sign-in, so a session cannot guess codes without limit.
   */
  const checkCode = (row: Operator, purpose: AttemptPurpose, secretBase32: string, code: string, lastStep: number | null): number => {
    const attempt = guard.claim(row.id, purpose);
    const check = verifyTotp(decodeBase32(secretBase32), code, now().getTime(), lastStep);
    if (check.ok) {
      attempt.succeeded('release');
      return check.step;
    }
    const reason = check.reason === 'replayed' ? 'code-reused' : 'bad-code';
    const suffix = attempt.failed(reason);
    throw new AuthError(
      'bad-code',
      (check.reason === 'replayed'
        ? 'That code was already used; wait for the next one.'
        : "That code does not match. Check that the phone's clock is right and enter the current 6-digit code.") + suffix,
    );
  };

  return {
    status(actor) {
      const row = self(actor);
      return {
        enrolled: row.totpSecret !== null,
        enrolmentPending: row.totpPendingSecret !== null,
        requiredByPolicy: deps.policy.get().twoFactorRequired[row.role],
        recoveryCodesLeft: row.totpSecret === null ? 0 : repo.unusedRecoveryCodes(row.id).length,
      };
    },

    async beginEnrolment(actor) {
      const row = self(actor);
      if (row.totpSecret !== null) {
        throw new AppError('conflict', reason('two-factor-already-set-up-move'));
      }
      // 160 bits, the HMAC-SHA-1 key size RFC 4226 recommends.
      const secretBase32 = encodeBase32(randomBytes(20));
      const at = now();
      audited(entry(actor, securityAuditActions.twoFactorEnrolmentStarted, row, { username: row.username }, at), () => {
        repo.setPendingTotp(row.id, deps.encryption.encrypt(pendingField, secretBase32), at.toISOString());
      });
      const uri = otpauthUri({ issuer, account: row.username, secretBase32 });
      return { otpauthUri: uri, qrCodeDataUrl: await qrSvgDataUrl(uri), secretBase32: groupSecretForDisplay(secretBase32) };
    },

    confirmEnrolment(actor, code) {
      const row = self(actor);
      if (row.totpSecret !== null) throw new AppError('conflict', reason('two-factor-already-set-up'));
      if (row.totpPendingSecret === null) throw new AppError('conflict', reason('two-factor-nothing-to-confirm'));
      const secretBase32 = deps.encryption.decrypt(pendingField, row.totpPendingSecret);
      const step = checkCode(row, 'confirm-two-factor-enrolment', secretBase32, code, null);
      const at = now();
      return audited(entry(actor, securityAuditActions.twoFactorEnrolled, row, { username: row.username, recoveryCodes: recoveryCodeCount }, at), () => {
        // Encrypted again for its own column: values are bound to the column they sit in.
        repo.confirmTotp(row.id, deps.encryption.encrypt(secretField, secretBase32), step, at.toISOString());
        return { recoveryCodes: issueRecoveryCodes(row, at) };
      });
    },

    regenerateRecoveryCodes(actor, code) {
      const row = self(actor);
      if (row.totpSecret === null) throw new AppError('conflict', reason('two-factor-not-set-up'));
      const step = checkCode(row, 'regenerate-recovery-codes', deps.encryption.decrypt(secretField, row.totpSecret), code, row.totpLastStep);
      const at = now();
      return audited(entry(actor, securityAuditActions.recoveryCodesRegenerated, row, { username: row.username, recoveryCodes: recoveryCodeCount }, at), () => {
        repo.setTotpStep(row.id, step);
        return { recoveryCodes: issueRecoveryCodes(row, at) };
      });
    },

    reset(actor, operatorId) {
      requirePermission(actor, 'operators.manage', 'action-reset-two-factor');
      const at = now();
      audited(
        (row) => entry(actor, securityAuditActions.twoFactorReset, row, { username: row.username, wasEnrolled: row.totpSecret !== null }, at),
        () => {
          const row = repo.byId(operatorId);
          if (!row) throw new AppError('not-found', reason('operator-not-found', { id: operatorId }));
          repo.clearTotp(row.id, at.toISOString());
          repo.deleteRecoveryCodes(row.id);
          return row;
        },
      );
    },
  };
}
