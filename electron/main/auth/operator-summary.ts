import type { OperatorSummary } from '../../../shared/auth/operator';
import type { Operator } from './operator-repository';

/** The operator as the renderer sees it, with lockout computed at `nowMs`. */
export function toOperatorSummary(operator: Operator, nowMs: number): OperatorSummary {
  const waiting = operator.retryNotBefore !== null && operator.retryNotBefore > nowMs;
  return {
    id: operator.id,
    username: operator.username,
    displayName: operator.displayName,
    role: operator.role,
    disabled: operator.disabled,
    deskLead: operator.deskLead,
    locked: operator.locked,
    retryNotBefore: waiting ? new Date(operator.retryNotBefore!).toISOString() : null,
    failedAttempts: operator.failedAttempts,
    mustChangePassword: operator.mustChangePassword,
    twoFactorEnrolled: operator.totpSecret !== null,
    createdAt: operator.createdAt,
    lastSignInAt: operator.lastSignInAt,
  };
}
