import { securityAuditActions } from '../../../shared/audit/audit-actions';
import type { Role } from '../../../shared/auth/roles';
import type { Actor } from '../../../shared/auth/session';
import { AppError } from '../app-error';
import { reason, type Reason } from '../../../shared/errors/reason';
import { encryptedColumns, fieldName, type EncryptedColumn } from './encrypted-columns';
import type { EncryptedValueStore } from './encrypted-value-repository';
import type { FieldEncryption } from './field-encryption';

/** Shows the plain value of an encrypted field to an operator whose role may see it, and records that they did. */
export interface FieldReveal {
  canReveal(role: Role, entity: string, field: string): boolean;
  /**
   * Reads, decrypts and records the reveal in one transaction: the audit entry exists exactly
   * when the value was shown. A refused reveal is recorded too (in its own transaction).
   */
  revealField(actor: Actor, entity: { type: string; id: string | number }, field: string): string | null;
}

export interface FieldRevealDeps {
  store: EncryptedValueStore;
  encryption: FieldEncryption;
  columns?: readonly EncryptedColumn[];
  now?: () => Date;
}

export function createFieldReveal(deps: FieldRevealDeps): FieldReveal {
  const columns = deps.columns ?? encryptedColumns;
  const now = deps.now ?? (() => new Date());
  const find = (entity: string, field: string) => columns.find((c) => c.entity === entity && c.field === field);

  return {
    canReveal(role, entity, field) {
      return find(entity, field)?.revealRoles.includes(role) ?? false;
    },
    revealField(actor, entity, field) {
      const column = find(entity.type, field);
      if (!column) throw new AppError('not-found', reason('field-not-encrypted', { entity: entity.type, field }));
      const { values, audited } = deps.store;
      if (!column.revealRoles.includes(actor.role)) {
        // Recorded, then refused outside the operation so the entry is kept.
        audited({ actor: actor.username, action: securityAuditActions.fieldRevealRefused, entity, payload: { field, role: actor.role }, at: now() }, () => undefined);
        const [first, ...others] = column.revealRoles;
        if (first === undefined) throw new AppError('forbidden', reason('reveal-never-shown', { entity: entity.type, field }));
        throw new AppError('forbidden', reason('reveal-only-roles', { entity: entity.type, field, roles: eitherRole(first, others) }));
      }
      return audited(
        // The payload names the field, never the value.
        (plain) => ({ actor: actor.username, action: securityAuditActions.fieldRevealed, entity, payload: { field, empty: plain === null }, at: now() }),
        () => {
          const stored = values.read(column, entity.id);
          if (stored === undefined) throw new AppError('not-found', reason('entity-not-found', { entity: entity.type, id: entity.id }));
          return stored === null ? null : deps.encryption.decrypt(fieldName(column), stored);
        },
      );
    },
  };
}

/** "engineer or admin": the roles that may see a field, said in the user's language. */
function eitherRole(first: Role, others: readonly Role[]): Reason {
  const [next, ...rest] = others;
  return next === undefined ? reason(`role-${first}`) : reason('roles-either', { first: reason(`role-${first}`), second: eitherRole(next, rest) });
}
