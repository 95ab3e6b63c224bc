import type { SignInRefusal } from '../../../shared/auth/session';
import { AppError } from '../app-error';

/** A refused sign-in step, with the reason the renderer acts on (e.g. count down `retryAfterMs`). */
export class AuthError extends AppError {
  readonly reason: SignInRefusal;
  /** For `wait`: milliseconds until the next attempt is checked. */
  readonly retryAfterMs: number | undefined;

  constructor(reason: SignInRefusal, message: string, retryAfterMs?: number) {
    super('forbidden', message);
    this.name = 'AuthError';
    this.reason = reason;
    this.retryAfterMs = retryAfterMs;
  }
}
