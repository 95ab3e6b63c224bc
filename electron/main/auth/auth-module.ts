import type { SessionState } from '../../../shared/ipc/contract-security';
import type { SignInStepView } from '../../../shared/auth/session';
import type { FeatureModule } from '../ipc/compose-modules';
import type { CallContext } from '../ipc/router';
import { createFirstAdminAndSignIn } from './first-admin';
import type { SecurityServices } from './security-services';
import type { SignInStep } from './session-service';

type AuthChannel =
  | 'auth:needs-first-admin'
  | 'auth:create-first-admin'
  | 'auth:sign-in'
  | 'auth:sign-in-code'
  | 'auth:session'
  | 'auth:sign-out'
  | 'auth:change-password'
  | 'auth:replace-temporary-password'
  | 'auth:lock'
  | 'auth:unlock';

/**
 * Sign-in, sign-out, the first admin, one's own password and the idle lock. Binding a session to
 * the calling window and the lock flag are the router's (CallContext); the rest is one service call.
 */
export function createAuthModule(security: Pick<SecurityServices, 'operators' | 'sessions'>): FeatureModule<AuthChannel> {
  const { operators, sessions } = security;
  /** Binds a completed sign-in to the window and answers without the session id, which stays in main. */
  const present = (step: SignInStep, context: CallContext): SignInStepView => {
    if (step.status === 'code-required') return step;
    context.attachSession(step.sessionId);
    return { status: 'signed-in', session: step.session };
  };

  const state = (context: CallContext, locked: boolean): SessionState =>
    context.caller ? { session: sessions.info(context.caller), locked } : { session: null, locked: false };

  const handlers: FeatureModule<AuthChannel>['handlers'] = {
    'auth:needs-first-admin': () => ({ needsFirstAdmin: operators.needsFirstAdmin() }),
    'auth:create-first-admin': async (input, context) => {
      const { sessionId, session } = await createFirstAdminAndSignIn(security, input, context.window);
      context.attachSession(sessionId);
      return session;
    },
    'auth:sign-in': async (input, context) => present(await sessions.signIn(input, context.window), context),
    'auth:sign-in-code': (input, context) => present(sessions.completeSignIn(input, context.window), context),
    'auth:session': (_input, context) => state(context, context.locked),
    'auth:sign-out': (_input, context) => {
      context.endSession();
      return null;
    },
    'auth:change-password': async (input, context) => {
      await operators.changeOwnPassword(context.caller, input);
      return sessions.info(context.caller);
    },
    'auth:replace-temporary-password': async (input, context) => {
      await operators.replaceTemporaryPassword(context.caller, input);
      return sessions.info(context.caller);
    },
    'auth:lock': (_input, context) => {
      if (!context.locked) {
        sessions.recordScreenLock(context.caller);
        context.setLocked(true);
      }
      return state(context, true);
    },
    'auth:unlock': async (input, context) => {
      if (context.locked) {
        await sessions.confirmPassword(context.caller, input.password);
        context.setLocked(false);
      }
      return state(context, false);
    },
  };
  return { handlers };
}
