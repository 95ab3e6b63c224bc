import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Codes issued per enrolment. */
export const recoveryCodeCount = 10;

// Crockford's base32: no I, L, O or U, so codes read aloud or copied by hand survive.
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** A fresh code, `xxxx-xxxx-xxxx-xxxx`: 16 characters of 5 bits = 80 random bits. */
export function generateRecoveryCode(): string {
  const bytes = randomBytes(16);
  // 32 divides 256, so taking the low 5 bits keeps every character equally likely.
  const chars = Array.from(bytes, (byte) => alphabet[byte & 31]).join('');
  return chars.replace(/(.{4})(?=.)/g, '$1-');
}

export function generateRecoveryCodes(count = recoveryCodeCount): string[] {
  return Array.from({ length: count }, generateRecoveryCode);
}

/** The code as typed, reduced to its 16 characters (case, spaces, hyphens and look-alikes forgiven), or null. */
export function normalizeRecoveryCode(input: string): string | null {
  const clean = input.toLowerCase().replace(/[\s-]/g, '').replace(/[il]/g, '1').replace(/o/g, '0');
  return clean.length === 16 && [...clean].every((ch) => alphabet.includes(ch)) ? clean : null;
}

/**
 * SHA-256 of salt and code. A fast hash is enough here: 80 random bits cannot be guessed offline,
 * unlike a password, and a slow KDF would make checking ten stored codes take seconds.
 */
export function hashRecoveryCode(normalized: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${normalized}`).digest('hex');
}

export function recoverySalt(): string {
  return randomBytes(16).toString('hex');
}

/** Constant-time comparison of two hex hashes. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
