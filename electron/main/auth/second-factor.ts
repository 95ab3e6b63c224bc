import { decodeBase32 } from '../../../shared/auth/base32';
import { fieldName } from '../crypto/encrypted-columns';
import type { FieldEncryption } from '../crypto/field-encryption';
import type { OperatorRepository, Operator } from './operator-repository';
import { hashRecoveryCode, normalizeRecoveryCode, sameHash } from './recovery-codes';
import { verifyTotp } from './totp';

/** A typed second factor, checked: how to use it up, or why it was refused. */
export type SecondFactorCheck =
  | { ok: true; method: 'totp' | 'recovery-code'; consume: (at: Date) => Record<string, unknown> }
  | { ok: false; reason: 'bad-code' | 'code-reused' | 'bad-recovery-code'; message: string };

const totpSecretField = fieldName({ table: 'operators', column: 'totp_secret' });

/**
 * Checks a 6-digit authenticator code or a recovery code for `row`. Nothing is written here: the
 * caller runs `consume` (store the step, or mark the code used) in the transaction that opens the
 * session, so a code is spent exactly when it signed someone in.
 */
export function checkSecondFactor(repo: OperatorRepository, encryption: FieldEncryption, row: Operator, code: string, nowMs: number): SecondFactorCheck {
  const typed = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(typed)) {
    if (row.totpSecret === null) return { ok: false, reason: 'bad-code', message: 'This account has no authenticator set up.' };
    const secret = decodeBase32(encryption.decrypt(totpSecretField, row.totpSecret));
    const check = verifyTotp(secret, typed, nowMs, row.totpLastStep);
    if (check.ok) {
      return {
        ok: true,
        method: 'totp',
        consume: () => {
          repo.setTotpStep(row.id, check.step);
          return {};
        },
      };
    }
    return check.reason === 'replayed'
      ? { ok: false, reason: 'code-reused', message: 'That code was already used; wait for the next one.' }
      : { ok: false, reason: 'bad-code', message: 'That code is not valid; enter the current code from your authenticator app.' };
  }
  const normalized = normalizeRecoveryCode(typed);
  const match = normalized === null ? undefined : repo.unusedRecoveryCodes(row.id).find((stored) => sameHash(hashRecoveryCode(normalized, stored.salt), stored.codeHash));
  if (!match) return { ok: false, reason: 'bad-recovery-code', message: 'That is not an unused recovery code of this account.' };
  return {
    ok: true,
    method: 'recovery-code',
    consume: (at) => {
      repo.markRecoveryCodeUsed(match.id, at.toISOString());
      return { recoveryCodesLeft: repo.unusedRecoveryCodes(row.id).length };
    },
  };
}
