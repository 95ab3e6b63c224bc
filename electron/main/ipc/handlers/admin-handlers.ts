import type Database from 'better-sqlite3';
import { AppError } from '../../app-error';
import type { SecurityServices } from '../../auth/security-services';
import { rotateDataKey } from '../../crypto/key-rotation';
import { revealableTerminalFields, type TerminalSecretReveal } from '../../terminal/service/terminal-secrets';
import type { HandlersFor } from './handler-types';

type AdminChannel =
  | 'operators:list'
  | 'operators:create'
  | 'operators:update'
  | 'operators:reset-password'
  | 'operators:unlock'
  | 'operators:reset-two-factor'
  | 'security:policy-get'
  | 'security:policy-update'
  | 'security:key-status'
  | 'security:rotate-key'
  | 'sensitive:reveal';

/** Operators, the security policy, data keys and reveals of encrypted fields. */
export function adminHandlers(
  services: SecurityServices,
  terminalSecrets: TerminalSecretReveal,
  connection: () => Database.Database,
  now: () => Date,
): HandlersFor<AdminChannel> {
  const { operators, twoFactor, policy, encryption, reveal } = services;
  return {
    'operators:list': (_input, { caller }) => ({ operators: operators.list(caller) }),
    'operators:create': (input, { caller }) => operators.create(caller, input),
    'operators:update': (input, { caller }) => operators.update(caller, input),
    'operators:reset-password': (input, { caller }) => operators.resetPassword(caller, input.id),
    'operators:unlock': (input, { caller }) => operators.unlock(caller, input.id),
    'operators:reset-two-factor': (input, { caller }) => {
      twoFactor.reset(caller, input.id);
      const operator = operators.list(caller).find((o) => o.id === input.id);
      if (!operator) throw new AppError('not-found', `No operator with id ${input.id}.`);
      return operator;
    },
    'security:policy-get': () => policy.get(),
    'security:policy-update': (input, { caller }) => policy.update(caller, input),
    'security:key-status': () => encryption.status(),
    'security:rotate-key': (_input, { caller }) => rotateDataKey(connection(), encryption.keyring, caller, { now }),
    'sensitive:reveal': async (input, { caller }) => {
      // Values read from the connected terminal, not stored: its serial number names it.
      if (input.entityType === 'terminal') {
        // Refused here, before the service: an unknown name is a wrong input, not a reveal to audit.
        if (!revealableTerminalFields.has(input.field)) throw new AppError('invalid-input', `terminal.${input.field} is not a secret terminal value; the only one is keyCheckValue.`, 'field');
        return { value: await terminalSecrets.reveal(caller, input.entityId, input.field) };
      }
      // Row ids are integers; other entities may use text ids.
      const id = /^\d{1,15}$/.test(input.entityId) ? Number(input.entityId) : input.entityId;
      return { value: reveal.revealField(caller, { type: input.entityType, id }, input.field) };
    },
  };
}
