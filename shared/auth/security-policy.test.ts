import { describe, expect, it } from 'vitest';
import { defaultSecurityPolicy, rolesRequiringTwoFactor, securityPolicyPatchSchema, securityPolicySchema } from './security-policy';

describe('security policy', () => {
  it('has a valid default with two-factor optional', () => {
    expect(securityPolicySchema.parse(defaultSecurityPolicy)).toEqual(defaultSecurityPolicy);
    expect(rolesRequiringTwoFactor(defaultSecurityPolicy)).toEqual([]);
  });

  it('lists the roles that must use two-factor sign-in', () => {
    expect(rolesRequiringTwoFactor({ ...defaultSecurityPolicy, twoFactorRequired: { desk: false, engineer: true, admin: true } })).toEqual(['engineer', 'admin']);
  });

  it('refuses unknown roles and out-of-range idle minutes', () => {
    expect(securityPolicyPatchSchema.safeParse({ twoFactorRequired: { guest: true } }).success).toBe(false);
    expect(securityPolicyPatchSchema.safeParse({ idleLockMinutes: 241 }).success).toBe(false);
    expect(securityPolicyPatchSchema.safeParse({ idleLockMinutes: 0 }).success).toBe(true);
  });
});
