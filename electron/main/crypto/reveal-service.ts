import type { Actor } from '../../../shared/auth/session';
import { AppError } from '../app-error';
import { reason } from '../../../shared/errors/reason';
import type { FieldReveal } from './reveal-field';

/** Secret values read from the connected terminal rather than stored; the terminal service supplies them. */
export interface LiveSecretSource {
  /** True for the field names the terminal holds secrets under (keyCheckValue). */
  isRevealable(field: string): boolean;
  /** The value, audited; `serialNumber` names the terminal. */
  reveal(actor: Actor, serialNumber: string, field: string): Promise<string | null>;
}

/** Which entity and field to reveal, as the contract parses it. */
export interface RevealRequest {
  entityType: string;
  entityId: string;
  field: string;
}

/** `sensitive:reveal`: a stored encrypted field, or a secret of the connected terminal. */
export function createRevealService(deps: { stored: FieldReveal; terminal: LiveSecretSource }) {
  return {
    async reveal(actor: Actor, request: RevealRequest): Promise<{ value: string | null }> {
      if (request.entityType === 'terminal') {
        // Refused before the reveal: an unknown name is a wrong input, not a reveal to audit.
        if (!deps.terminal.isRevealable(request.field)) {
          throw new AppError('invalid-input', reason('not-secret-terminal-field', { field: request.field }), 'field');
        }
        return { value: await deps.terminal.reveal(actor, request.entityId, request.field) };
      }
      // Row ids are integers; other entities may use text ids.
      const id = /^\d{1,15}$/.test(request.entityId) ? Number(request.entityId) : request.entityId;
      return { value: deps.stored.revealField(actor, { type: request.entityType, id }, request.field) };
    },
  };
}
