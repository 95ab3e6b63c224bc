import type { OperatorSummary } from '../../../shared/auth/operator';
import type { Actor } from '../../../shared/auth/session';
import { AppError } from '../app-error';
import { reason } from '../../../shared/errors/reason';
import type { SecurityServices } from './security-services';

/** An admin clears an operator's two-factor set-up; the answer is the operator as the list now shows them. */
export function resetTwoFactorOf({ operators, twoFactor }: Pick<SecurityServices, 'operators' | 'twoFactor'>, admin: Actor, operatorId: number): OperatorSummary {
  twoFactor.reset(admin, operatorId);
  const operator = operators.list(admin).find((o) => o.id === operatorId);
  if (!operator) throw new AppError('not-found', reason('operator-not-found', { id: operatorId }));
  return operator;
}
