import type { SignInRefusal } from '../../../shared/auth/session';
import { AppError } from '../app-error';

/**
 * A refused sign-in step: an AppError whose reason is the sign-in refusal (the one reason mechanism;
 * the router sends it like any other), plus `retryAfterMs` the renderer counts down for `wait`.
 * Sign-in refusals are worded in the renderer only, so the English kept for the logs is the
 * service's own sentence (it names the attempts left).
 */
export class AuthError extends AppError {
  /** For `wait`: milliseconds until the next attempt is checked. */
  readonly retryAfterMs: number | undefined;

  constructor(refusal: SignInRefusal, english: string, retryAfterMs?: number) {
    super('forbidden', { code: refusal, params: {} });
    this.message = english;
    this.name = 'AuthError';
    this.retryAfterMs = retryAfterMs;
  }

  /** Why the step was refused (the reason's code). */
  get reason(): SignInRefusal {
    return this.refusal.reason as SignInRefusal;
  }
}
