import type { FeatureModule } from '../ipc/compose-modules';
import type { SecurityServices } from './security-services';
import { resetTwoFactorOf } from './two-factor-reset';

type AdminChannel =
  | 'operators:list'
  | 'operators:create'
  | 'operators:update'
  | 'operators:reset-password'
  | 'operators:unlock'
  | 'operators:reset-two-factor'
  | 'security:policy-get'
  | 'security:policy-update';

/** Operators and the security policy (the Operators page). */
export function createAdminModule(security: Pick<SecurityServices, 'operators' | 'twoFactor' | 'policy'>): FeatureModule<AdminChannel> {
  const { operators, policy } = security;
  const handlers: FeatureModule<AdminChannel>['handlers'] = {
    'operators:list': (_input, { caller }) => ({ operators: operators.list(caller) }),
    'operators:create': (input, { caller }) => operators.create(caller, input),
    'operators:update': (input, { caller }) => operators.update(caller, input),
    'operators:reset-password': (input, { caller }) => operators.resetPassword(caller, input.id),
    'operators:unlock': (input, { caller }) => operators.unlock(caller, input.id),
    'operators:reset-two-factor': (input, { caller }) => resetTwoFactorOf(security, caller, input.id),
    'security:policy-get': () => policy.get(),
    'security:policy-update': (input, { caller }) => policy.update(caller, input),
  };
  return { handlers };
}
