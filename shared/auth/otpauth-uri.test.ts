import { describe, expect, it } from 'vitest';
import { groupSecretForDisplay, otpauthUri } from './otpauth-uri';

describe('otpauthUri', () => {
  it('builds the key URI authenticator apps scan', () => {
    expect(otpauthUri({ issuer: 'RebindDesk', account: 'li.wei', secretBase32: 'GEZDGNBVGY3TQOJQ' })).toBe(
      'otpauth://totp/RebindDesk:li.wei?secret=GEZDGNBVGY3TQOJQ&issuer=RebindDesk&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('escapes the issuer and account', () => {
    const uri = otpauthUri({ issuer: 'Rebind Desk & Co', account: 'a:b', secretBase32: 'AAAA' });
    expect(uri).toContain('otpauth://totp/Rebind%20Desk%20%26%20Co:a%3Ab?');
    expect(uri).toContain('issuer=Rebind%20Desk%20%26%20Co');
  });

  it('groups the secret in fours for typing', () => {
    expect(groupSecretForDisplay('GEZDGNBVGY3TQOJQG')).toBe('GEZD GNBV GY3T QOJQ G');
  });
});
