import { securityAuditActions } from '../../../../shared/audit/audit-actions';
import { maskLast4 } from '../../../../shared/auth/mask';
import { hasPermission } from '../../../../shared/auth/permissions';
import type { Actor } from '../../../../shared/auth/session';
import { TAG_INFO, tagFromText } from '../../../../shared/rtp/tags';
import type { TerminalParameters } from '../../../../shared/terminal/terminal-identity';
import { revealableTerminalFields } from '../../../../shared/terminal/revealable-fields';
import { AppError } from '../../app-error';
import { reason } from '../../../../shared/errors/reason';
import type { AuditedWrite } from '../../db/audited';
import type { TerminalService } from './terminal-service';


/** True for a parameter the protocol marks secret (the master key check value). */
export function isSecretParam(tagText: string): boolean {
  const tag = tagFromText(tagText);
  return tag !== undefined && TAG_INFO.get(tag)?.kind === 'secret';
}

/** Parameters as the Terminal page gets them: secret values masked, the rest as read. */
export function maskSecretParams(read: TerminalParameters): TerminalParameters {
  const params = Object.fromEntries(Object.entries(read.params).map(([tag, value]) => [tag, isSecretParam(tag) ? maskLast4(value) : value]));
  return { params, digest: read.digest };
}

/** Shows a secret value of the connected terminal to an operator allowed to see it, and records that they did. */
export interface TerminalSecretReveal {
  reveal(actor: Actor, serialNumber: string, field: string): Promise<string | null>;
}

/** Dependencies of the terminal reveal. */
export interface TerminalSecretRevealDeps {
  terminal: TerminalService;
  audited: AuditedWrite;
  now: () => Date;
}

/**
 * Creates the reveal of terminal secrets. The value is read from the terminal again (it is what
 * the terminal holds now, not what the page read earlier), and returned only once its audit entry
 * is written; a refusal is audited too.
 */
export function createTerminalSecretReveal(deps: TerminalSecretRevealDeps): TerminalSecretReveal {
  // A reveal changes nothing stored: the operation is its entry alone.
  const record = (actor: Actor, action: string, serialNumber: string, payload: Record<string, unknown>) =>
    deps.audited({ actor: actor.username, action, entity: { type: 'terminal', id: serialNumber }, payload, at: deps.now() }, () => undefined);

  return {
    async reveal(actor, serialNumber, field) {
      const tag = revealableTerminalFields.get(field);
      if (tag === undefined) throw new AppError('invalid-input', reason('secret-field-unknown', { field }), 'field');
      if (!hasPermission(actor.role, 'terminal.reveal-secrets')) {
        record(actor, securityAuditActions.fieldRevealRefused, serialNumber, { field, role: actor.role });
        throw new AppError('forbidden', reason('secret-role-not-allowed', { role: actor.role, field }));
      }
      const state = deps.terminal.state();
      if (state.status !== 'connected' || state.identity?.serialNumber !== serialNumber) {
        throw new AppError('conflict', reason('terminal-not-connected', { serial: serialNumber }));
      }
      const read = await deps.terminal.readParams();
      const value = Object.hasOwn(read.params, tag) ? read.params[tag]! : null;
      // The payload names the field, never the value.
      record(actor, securityAuditActions.fieldRevealed, serialNumber, { field, tag, empty: value === null });
      return value;
    },
  };
}
