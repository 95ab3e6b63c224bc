// HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA-1. Lives in main because HMAC needs
// node:crypto; the pure parts (base32, the otpauth URI) are in shared/auth.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { totpParameters } from '../../../shared/auth/otpauth-uri';

/** The HOTP value for `counter`, `digits` long (6 for the app, 8 for the RFC's test vectors). */
export function hotp(secret: Uint8Array, counter: number, digits: number = totpParameters.digits): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  // Dynamic truncation (RFC 4226 §5.3): 31 bits from the offset named by the last nibble.
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step a moment falls in (30-second steps from the Unix epoch). */
export function totpStep(epochMs: number, periodSeconds: number = totpParameters.periodSeconds): number {
  return Math.floor(epochMs / 1000 / periodSeconds);
}

export function totp(secret: Uint8Array, epochMs: number, digits: number = totpParameters.digits): string {
  return hotp(secret, totpStep(epochMs), digits);
}

/** The outcome of checking a code: the step it matched, or why it was refused. */
export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'invalid' | 'replayed' };

/**
 * Checks a 6-digit code against the steps before, at and after now (±1 step for clock drift and
 * typing time). A step at or before `lastAcceptedStep` is refused as replayed: each code works
 * once, and never after a later one was used.
 */
export function verifyTotp(secret: Uint8Array, code: string, epochMs: number, lastAcceptedStep: number | null, window = 1): TotpCheck {
  const typed = Buffer.from(code.replace(/\s/g, ''), 'utf8');
  if (!/^\d{6}$/.test(typed.toString())) return { ok: false, reason: 'invalid' };
  const now = totpStep(epochMs);
  let matched: number | null = null;
  // Every candidate is computed and compared, so the time taken does not say which one matched.
  for (let step = now - window; step <= now + window; step++) {
    if (step < 0) continue;
    const expected = Buffer.from(hotp(secret, step), 'utf8');
    if (timingSafeEqual(expected, typed)) matched = step;
  }
  if (matched === null) return { ok: false, reason: 'invalid' };
  if (lastAcceptedStep !== null && matched <= lastAcceptedStep) return { ok: false, reason: 'replayed' };
  return { ok: true, step: matched };
}
