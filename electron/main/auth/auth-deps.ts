import type { z } from 'zod';
import { describeFirstIssue } from '../../../shared/ipc/describe-issue';
import { reason } from '../../../shared/errors/reason';
import type { MainReason, ReasonCode } from '../../../shared/errors/reasons-en';
import type { LockoutPolicy } from '../../../shared/auth/lockout';
import { checkPassword, maxPasswordLength, minPasswordLength, type CharacterClass, type PasswordProblem } from '../../../shared/auth/password-policy';
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
  const { field, message, reason: why } = describeFirstIssue(parsed.error);
  const error = new AppError('invalid-input', { code: why.code as ReasonCode, params: why.params }, field);
  // The logs keep the check's own words (a reserved name, a pattern), as the router's message does.
  error.message = `${field}: ${message}`;
  throw error;
}

/** Throws `forbidden` unless the actor's role grants `permission`. */
export function requirePermission(actor: Actor, permission: Permission, action: PermissionAction): void {
  if (!hasPermission(actor.role, permission)) throw new AppError('forbidden', reason('role-may-not', { role: reason(`role-${actor.role}`), action: reason(action) }));
}

/** What an operator tried that their role may not do, as a reason ("list operators"). */
export type PermissionAction = Extract<ReasonCode, `action-${string}`>;

/** Throws `invalid-input` listing every rule the password breaks. */
export function requireGoodPassword(password: string, username: string, field: string): void {
  const problems = checkPassword(password, username);
  const [first, ...others] = problems.map((p) => passwordProblemReason(p, Array.from(password).length));
  if (first) throw new AppError('invalid-input', others.reduce<MainReason>((said, next) => reason('sentences-joined', { first: said, second: next }), first), field);
}

const characterClassReasons: Record<CharacterClass, ReasonCode> = {
  'lower-case letters': 'character-class-lower',
  'upper-case letters': 'character-class-upper',
  digits: 'character-class-digits',
  'symbols or other characters': 'character-class-other',
};

function passwordProblemReason(problem: PasswordProblem, length: number): MainReason {
  switch (problem.code) {
    case 'too-short':
      return reason('password-too-short', { min: minPasswordLength, length });
    case 'too-long':
      return reason('password-too-long', { max: maxPasswordLength, length });
    case 'same-as-username':
      return reason('password-same-as-username');
    case 'one-character-class':
      return reason('password-one-character-class', { only: reason(characterClassReasons[problem.only ?? 'symbols or other characters']) });
  }
}

/** An audit entry about operator `operatorId` (null when the typed name matched no one). */
export function operatorEntry(actor: string, action: string, operatorId: number | null, payload: Record<string, unknown>, at: Date): AuditedEntry {
  return { actor, action, entity: { type: 'operator', id: operatorId ?? 'unknown' }, payload, at };
}
