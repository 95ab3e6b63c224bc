import { randomBytes } from 'node:crypto';
import { checkPassword } from '../../../shared/auth/password-policy';

/** How long a temporary password works if it is not used. */
export const temporaryPasswordLifetimeMs = 72 * 60 * 60 * 1000;

/**
 * How long after signing in with a temporary password that session may replace it without typing
 * it again. The forced-change screen comes right after the sign-in; a session left open longer must
 * give the temporary password again, as any password change asks for the current one.
 */
export const temporarySessionWindowMs = 15 * 60 * 1000;

// Lower-case letters and digits without look-alikes (0/o, 1/l/i), easy to read out over the phone.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A temporary password like `k7qm-x2fa-9trp-bn4e` (about 79 random bits) that passes the password policy. */
export function generateTemporaryPassword(username: string): string {
  for (;;) {
    const chars: string[] = [];
    while (chars.length < 16) {
      const byte = randomBytes(1)[0]!;
      // Rejection sampling keeps every character equally likely (31 does not divide 256).
      if (byte < 248) chars.push(alphabet[byte % 31]!);
    }
    const password = chars.join('').replace(/(.{4})(?=.)/g, '$1-');
    if (checkPassword(password, username).length === 0) return password;
  }
}
