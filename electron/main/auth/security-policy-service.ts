import { securityAuditActions } from '../../../shared/audit/audit-actions';
import { hasPermission } from '../../../shared/auth/permissions';
import { defaultSecurityPolicy, securityPolicySchema, type SecurityPolicy, type SecurityPolicyPatch } from '../../../shared/auth/security-policy';
import type { Actor } from '../../../shared/auth/session';
import { AppError } from '../app-error';
import { reason } from '../../../shared/errors/reason';
import type { SecurityPolicyStore } from './security-policy-repository';

/** The admin-controlled security settings: two-factor per role, idle lock minutes. */
export interface SecurityPolicyService {
  get(): SecurityPolicy;
  /** Changes the policy and records what changed, in one transaction. */
  update(actor: Actor, patch: SecurityPolicyPatch): SecurityPolicy;
}

const keys = Object.keys(securityPolicySchema.shape) as (keyof SecurityPolicy)[];

/** A policy value as the audit log records it: the stored 0 of the idle lock reads "never". */
function auditValue(key: keyof SecurityPolicy, value: unknown): unknown {
  return key === 'idleLockMinutes' && value === 0 ? 'never' : value;
}

export function createSecurityPolicyService(store: SecurityPolicyStore, now: () => Date = () => new Date()): SecurityPolicyService {
  const get = (): SecurityPolicy => {
    const stored = store.policy.storedValues();
    const merged: Record<string, unknown> = structuredClone(defaultSecurityPolicy);
    // Known keys only: a row named `__proto__` (a crafted backup) must not reach the object.
    for (const key of keys) {
      const json = stored.get(key);
      if (json !== undefined) merged[key] = JSON.parse(json);
    }
    // A value this build does not understand falls back to the default, as settings do.
    for (const key of keys) {
      if (!securityPolicySchema.shape[key].safeParse(merged[key]).success) merged[key] = structuredClone(defaultSecurityPolicy[key]);
    }
    return securityPolicySchema.parse(merged);
  };

  return {
    get,
    update(actor, patch) {
      if (!hasPermission(actor.role, 'security.policy')) throw new AppError('forbidden', reason('security-policy-admin-only'));
      const at = now();
      return store.audited(
        ({ changes }) =>
          Object.keys(changes).length === 0
            ? null
            : { actor: actor.username, action: securityAuditActions.policyChanged, entity: { type: 'security-policy', id: 'policy' }, payload: { changes }, at },
        () => {
          const before = get();
          const after: SecurityPolicy = {
            twoFactorRequired: { ...before.twoFactorRequired, ...patch.twoFactorRequired },
            // "never" is stored as 0, which the session passes on as "no idle lock".
            idleLockMinutes: patch.idleLockMinutes === 'never' ? 0 : (patch.idleLockMinutes ?? before.idleLockMinutes),
          };
          const changes: Record<string, { from: unknown; to: unknown }> = {};
          for (const key of keys) {
            if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
            changes[key] = { from: auditValue(key, before[key]), to: auditValue(key, after[key]) };
            store.policy.write(key, JSON.stringify(after[key]), at.toISOString(), actor.username);
          }
          return { after, changes };
        },
      ).after;
    },
  };
}
