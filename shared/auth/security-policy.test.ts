import { describe, expect, it } from 'vitest';
import { defaultSecurityPolicy, parseIdleLockMinutes, rolesRequiringTwoFactor, securityPolicyPatchSchema, securityPolicySchema } from './security-policy';

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
  });

  it('takes "never" only as the word, never as 0, a negative number or text', () => {
    for (const idleLockMinutes of [0, -5, 1.5, 'abc', '', null, '10']) {
      expect(securityPolicyPatchSchema.safeParse({ idleLockMinutes }).success, JSON.stringify(idleLockMinutes)).toBe(false);
    }
    expect(securityPolicyPatchSchema.parse({ idleLockMinutes: 'never' })).toEqual({ idleLockMinutes: 'never' });
    expect(securityPolicyPatchSchema.parse({ idleLockMinutes: 1 })).toEqual({ idleLockMinutes: 1 });
    expect(securityPolicyPatchSchema.parse({ idleLockMinutes: 240 })).toEqual({ idleLockMinutes: 240 });
  });

  it('reads the minutes as typed in the form, saying what is wrong', () => {
    expect(parseIdleLockMinutes('')).toEqual({ ok: false, problem: 'idle-lock-empty' });
    expect(parseIdleLockMinutes('   ')).toEqual({ ok: false, problem: 'idle-lock-empty' });
    expect(parseIdleLockMinutes('abc')).toEqual({ ok: false, problem: 'idle-lock-not-a-number' });
    expect(parseIdleLockMinutes('1.5')).toEqual({ ok: false, problem: 'idle-lock-not-a-number' });
    expect(parseIdleLockMinutes('-5')).toEqual({ ok: false, problem: 'idle-lock-out-of-range' });
    expect(parseIdleLockMinutes('0')).toEqual({ ok: false, problem: 'idle-lock-out-of-range' });
    expect(parseIdleLockMinutes('241')).toEqual({ ok: false, problem: 'idle-lock-out-of-range' });
    expect(parseIdleLockMinutes(' 15 ')).toEqual({ ok: true, minutes: 15 });
    // Full-width digits from a Chinese input method are the same number.
    expect(parseIdleLockMinutes('１５')).toEqual({ ok: true, minutes: 15 });
  });
});
