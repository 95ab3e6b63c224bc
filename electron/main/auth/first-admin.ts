import type { FirstAdminInput } from '../../../shared/auth/operator';
import type { SessionInfo } from '../../../shared/auth/session';
import { AppError } from '../app-error';
import { reason } from '../../../shared/errors/reason';
import type { SecurityServices } from './security-services';

/**
 * Creates the first admin and signs them in at once (they just typed the password). The session id
 * is returned for the caller to bind to its window; it never leaves main.
 */
export async function createFirstAdminAndSignIn(
  { operators, sessions }: Pick<SecurityServices, 'operators' | 'sessions'>,
  input: FirstAdminInput,
  origin: string,
): Promise<{ sessionId: string; session: SessionInfo }> {
  await operators.createFirstAdmin(input);
  const step = await sessions.signIn({ username: input.username, password: input.password }, origin);
  if (step.status !== 'signed-in') throw new AppError('internal', reason('first-admin-not-signed-in'));
  return { sessionId: step.sessionId, session: step.session };
}
