import { describe, expect, it } from 'vitest';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode, sameHash } from './recovery-codes';
import { generateTemporaryPassword } from './temporary-password';
import { checkPassword } from '../../../shared/auth/password-policy';

describe('recovery codes', () => {
  it('issues ten distinct codes of four groups of four', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
  });

  it('forgives case, spaces, missing hyphens and look-alike letters', () => {
    expect(normalizeRecoveryCode('AB12-cd34-EF56-gh78')).toBe('ab12cd34ef56gh78');
    expect(normalizeRecoveryCode(' ab12 cd34 ef56 gh78 ')).toBe('ab12cd34ef56gh78');
    expect(normalizeRecoveryCode('aB1L-cdO4-ef56-gh78')).toBe('ab11cd04ef56gh78');
    expect(normalizeRecoveryCode('ab12-cd34')).toBeNull();
    expect(normalizeRecoveryCode('ab12-cd34-ef56-ghu8')).toBeNull();
  });

  it('hashes with the salt, so equal codes stored twice look different', () => {
    const code = normalizeRecoveryCode(generateRecoveryCodes(1)[0]!)!;
    expect(hashRecoveryCode(code, 'salt-a')).not.toBe(hashRecoveryCode(code, 'salt-b'));
    expect(sameHash(hashRecoveryCode(code, 'salt-a'), hashRecoveryCode(code, 'salt-a'))).toBe(true);
    expect(sameHash(hashRecoveryCode(code, 'salt-a'), hashRecoveryCode(code, 'salt-b'))).toBe(false);
  });
});

describe('temporary passwords', () => {
  it('pass the password policy and differ each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const password = generateTemporaryPassword('li.wei');
      expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(checkPassword(password, 'li.wei')).toEqual([]);
      seen.add(password);
    }
    expect(seen.size).toBe(50);
  });
});
