import type { z } from 'zod';
import { describeFirstIssue } from '../../../shared/ipc/describe-issue';
import type { ReasonCode } from '../../../shared/errors/reasons-en';
import type { LockoutPolicy } from '../../../shared/auth/lockout';
import { checkPassword } from '../../../shared/auth/password-policy';
import { hasPermission, type Permission } from '../../../shared/auth/permissions';
import type { Actor } from '../../../shared/auth/session';
import { AppError } from '../app-error';
import type { AuditedEntry, AuditedWrite } from '../db/audited';
import type { OperatorRepository } from './operator-repository';
import type { ScryptParams } from './password-hash';

/** Where the auth services keep operators, and how they change them: one audited operation each. */
export interface AuthStore {
  operators: OperatorRepository;
  audited: AuditedWrite;
}

/** What the auth services share: the store, the clock and tunables that tests lower. */
export interface AuthDeps {
  store: AuthStore;
  now?: () => Date;
  /** scrypt parameters for new hashes (tests use cheap ones). */
  scrypt?: ScryptParams;
  lockout?: LockoutPolicy;
}

/** Parses input a service received from somewhere other than the router, with the router's message. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { field, message, reason } = describeFirstIssue(parsed.error);
  throw new AppError('invalid-input', `${field}: ${message}`, field, { reason: reason.code as ReasonCode, params: reason.params });
}

/** Throws `forbidden` unless the actor's role grants `permission`. */
export function requirePermission(actor: Actor, permission: Permission, what: string): void {
  if (!hasPermission(actor.role, permission)) throw new AppError('forbidden', `Your role (${actor.role}) may not ${what}.`);
}

/** Throws `invalid-input` listing every rule the password breaks. */
export function requireGoodPassword(password: string, username: string, field: string): void {
  const problems = checkPassword(password, username);
  if (problems.length > 0) throw new AppError('invalid-input', problems.map((p) => p.message).join(' '), field);
}

/** An audit entry about operator `operatorId` (null when the typed name matched no one). */
export function operatorEntry(actor: string, action: string, operatorId: number | null, payload: Record<string, unknown>, at: Date): AuditedEntry {
  return { actor, action, entity: { type: 'operator', id: operatorId ?? 'unknown' }, payload, at };
}
