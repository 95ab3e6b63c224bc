import { z } from 'zod';
import { roles, type Role } from './roles';

const twoFactorRequiredSchema = z.strictObject({ desk: z.boolean(), engineer: z.boolean(), admin: z.boolean() });

/** The security settings an admin controls. */
export const securityPolicySchema = z.strictObject({
  /** Roles whose operators must enrol in two-factor sign-in before doing anything else. */
  twoFactorRequired: twoFactorRequiredSchema,
  /** Minutes without input before the renderer locks the screen; 0 turns the lock off. */
  idleLockMinutes: z.int().min(0).max(240),
});
/** The security settings. */
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

/** A partial change; roles left out keep their setting. */
export const securityPolicyPatchSchema = z.strictObject({
  twoFactorRequired: twoFactorRequiredSchema.partial().strict().optional(),
  idleLockMinutes: z.int().min(0).max(240).optional(),
});
/** A partial change of the security settings. */
export type SecurityPolicyPatch = z.infer<typeof securityPolicyPatchSchema>;

/** The policy of a new installation: two-factor optional, screen locks after 10 idle minutes. */
export const defaultSecurityPolicy: SecurityPolicy = {
  twoFactorRequired: { desk: false, engineer: false, admin: false },
  idleLockMinutes: 10,
};

/** The roles that must use two-factor sign-in under `policy`. */
export function rolesRequiringTwoFactor(policy: SecurityPolicy): Role[] {
  return roles.filter((role) => policy.twoFactorRequired[role]);
}
