import type { FeatureModule } from '../ipc/compose-modules';
import type { SecurityServices } from './security-services';

type TwoFactorChannel = 'two-factor:status' | 'two-factor:begin' | 'two-factor:confirm' | 'two-factor:regenerate-codes';

/** The signed-in operator's own two-factor set-up. */
export function createTwoFactorModule({ twoFactor }: Pick<SecurityServices, 'twoFactor'>): FeatureModule<TwoFactorChannel> {
  const handlers: FeatureModule<TwoFactorChannel>['handlers'] = {
    'two-factor:status': (_input, { caller }) => twoFactor.status(caller),
    'two-factor:begin': (_input, { caller }) => twoFactor.beginEnrolment(caller),
    'two-factor:confirm': (input, { caller }) => twoFactor.confirmEnrolment(caller, input.code),
    'two-factor:regenerate-codes': (input, { caller }) => twoFactor.regenerateRecoveryCodes(caller, input.code),
  };
  return { handlers };
}
