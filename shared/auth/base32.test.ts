import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../bytes';
import { Base32Error, decodeBase32, encodeBase32 } from './base32';

describe('base32 (RFC 4648 §10 vectors)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%j ↔ %s', (text, encoded) => {
    expect(encodeBase32(encodeUtf8(text))).toBe(encoded);
    expect(decodeBase32(encoded)).toEqual(encodeUtf8(text));
  });

  it('encodes the RFC 6238 test secret as authenticator apps show it', () => {
    expect(encodeBase32(encodeUtf8('12345678901234567890'))).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('reads padding, lower case, spaces and hyphens as typed', () => {
    expect(decodeBase32('mzxw 6ytb-oi======')).toEqual(encodeUtf8('foobar'));
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => decodeBase32('MZXW1')).toThrow(Base32Error);
    expect(() => decodeBase32('MZXW1')).toThrow(/"1"/);
  });

  it('round-trips random bytes', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 73 + n * 11) & 0xff);
      expect(decodeBase32(encodeBase32(bytes))).toEqual(bytes);
    }
  });
});
