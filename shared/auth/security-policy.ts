import { z } from 'zod';
import { roles, type Role } from './roles';

const twoFactorRequiredSchema = z.strictObject({ desk: z.boolean(), engineer: z.boolean(), admin: z.boolean() });

/** The idle-lock minutes an admin may type. "Never" is chosen as such, never typed as 0. */
export const idleLockRange = { min: 1, max: 240 } as const;

/** The security settings an admin controls. */
export const securityPolicySchema = z.strictObject({
  /** Roles whose operators must enrol in two-factor sign-in before doing anything else. */
  twoFactorRequired: twoFactorRequiredSchema,
  /** Minutes without input before the renderer locks the screen; stored 0 means "never" (chosen explicitly). */
  idleLockMinutes: z.int().min(0).max(idleLockRange.max),
});
/** The security settings. */
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

/** A partial change; roles left out keep their setting. */
export const securityPolicyPatchSchema = z.strictObject({
  twoFactorRequired: twoFactorRequiredSchema.partial().strict().optional(),
  /** A whole number of minutes in `idleLockRange`, or the word `never`: a cleared field or a typo cannot turn the lock off. */
  idleLockMinutes: z
    .union([z.int().min(idleLockRange.min).max(idleLockRange.max), z.literal('never')], {
      error: `Use ${idleLockRange.min}–${idleLockRange.max} whole minutes, or "never" to turn the idle lock off.`,
    })
    .optional(),
});
/** A partial change of the security settings. */
export type SecurityPolicyPatch = z.infer<typeof securityPolicyPatchSchema>;

/** The policy of a new installation: two-factor optional, screen locks after 10 idle minutes. */
export const defaultSecurityPolicy: SecurityPolicy = {
  twoFactorRequired: { desk: false, engineer: false, admin: false },
  idleLockMinutes: 10,
};

/** Why the minutes typed in the form are refused; the renderer says each in the user's language. */
export type IdleLockProblem = 'idle-lock-empty' | 'idle-lock-not-a-number' | 'idle-lock-out-of-range';

/** Reads the idle-lock minutes as typed: a whole number in `idleLockRange`, or what is wrong with it. */
export function parseIdleLockMinutes(typed: string): { ok: true; minutes: number } | { ok: false; problem: IdleLockProblem } {
  // NFKC: full-width digits from a Chinese input method are the same number.
  const text = typed.normalize('NFKC').trim();
  if (text === '') return { ok: false, problem: 'idle-lock-empty' };
  if (!/^[+-]?\d+$/.test(text)) return { ok: false, problem: 'idle-lock-not-a-number' };
  const minutes = Number(text);
  if (minutes < idleLockRange.min || minutes > idleLockRange.max) return { ok: false, problem: 'idle-lock-out-of-range' };
  return { ok: true, minutes };
}

/** The roles that must use two-factor sign-in under `policy`. */
export function rolesRequiringTwoFactor(policy: SecurityPolicy): Role[] {
  return roles.filter((role) => policy.twoFactorRequired[role]);
}
