import type { SecurityServices } from '../../auth/security-services';
import type { HandlersFor } from './handler-types';

type TwoFactorChannel = 'two-factor:status' | 'two-factor:begin' | 'two-factor:confirm' | 'two-factor:regenerate-codes';

/** The signed-in operator's own two-factor set-up. */
export function twoFactorHandlers({ twoFactor }: Pick<SecurityServices, 'twoFactor'>): HandlersFor<TwoFactorChannel> {
  return {
    'two-factor:status': (_input, { caller }) => twoFactor.status(caller),
    'two-factor:begin': (_input, { caller }) => twoFactor.beginEnrolment(caller),
    'two-factor:confirm': (input, { caller }) => twoFactor.confirmEnrolment(caller, input.code),
    'two-factor:regenerate-codes': (input, { caller }) => twoFactor.regenerateRecoveryCodes(caller, input.code),
  };
}
