import { describe, expect, it } from 'vitest';
import { hotp, totp, totpStep, verifyTotp } from './totp';

// RFC 6238 appendix B uses the 20-byte ASCII secret "12345678901234567890" for SHA-1.
const rfcSecret = Buffer.from('12345678901234567890', 'ascii');

describe('TOTP (RFC 6238 appendix B, SHA-1)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('at %i s gives %s with 8 digits, and its last 6 with 6 digits', (seconds, code) => {
    expect(totp(rfcSecret, seconds * 1000, 8)).toBe(code);
    expect(totp(rfcSecret, seconds * 1000, 6)).toBe(code.slice(2));
  });

  it('matches the HOTP vectors of RFC 4226 appendix D', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, counter) => hotp(rfcSecret, counter))).toEqual(expected);
  });

  it('counts 30-second steps from the epoch', () => {
    expect(totpStep(59_000)).toBe(1);
    expect(totpStep(60_000)).toBe(2);
  });
});

describe('verifyTotp', () => {
  const now = 1_700_000_000_000;
  const step = totpStep(now);
  const codeAt = (s: number) => hotp(rfcSecret, s);

  it('accepts the current code and the ones a step before and after', () => {
    expect(verifyTotp(rfcSecret, codeAt(step), now, null)).toEqual({ ok: true, step });
    expect(verifyTotp(rfcSecret, codeAt(step - 1), now, null)).toEqual({ ok: true, step: step - 1 });
    expect(verifyTotp(rfcSecret, codeAt(step + 1), now, null)).toEqual({ ok: true, step: step + 1 });
  });

  it('refuses codes two steps away', () => {
    expect(verifyTotp(rfcSecret, codeAt(step - 2), now, null)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyTotp(rfcSecret, codeAt(step + 2), now, null)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a code whose step was already used, and older ones', () => {
    expect(verifyTotp(rfcSecret, codeAt(step), now, step)).toEqual({ ok: false, reason: 'replayed' });
    expect(verifyTotp(rfcSecret, codeAt(step - 1), now, step)).toEqual({ ok: false, reason: 'replayed' });
    expect(verifyTotp(rfcSecret, codeAt(step + 1), now, step)).toEqual({ ok: true, step: step + 1 });
  });

  it('refuses what is not six digits, and forgives spaces', () => {
    expect(verifyTotp(rfcSecret, '12345', now, null)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyTotp(rfcSecret, 'abcdef', now, null)).toEqual({ ok: false, reason: 'invalid' });
    const code = codeAt(step);
    expect(verifyTotp(rfcSecret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toEqual({ ok: true, step });
  });

  it('refuses a code made with another secret', () => {
    const other = Buffer.from('09876543210987654321', 'ascii');
    expect(verifyTotp(other, codeAt(step), now, null).ok).toBe(false);
  });
});
