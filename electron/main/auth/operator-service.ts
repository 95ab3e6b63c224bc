import { securityAuditActions } from '../../../shared/audit/audit-actions';
import {
  changePasswordInputSchema,
  createOperatorInputSchema,
  firstAdminInputSchema,
  updateOperatorInputSchema,
  type ChangePasswordInput,
  type CreateOperatorInput,
  type FirstAdminInput,
  type OperatorSummary,
  type TemporaryPassword,
  type UpdateOperatorInput,
} from '../../../shared/auth/operator';
import { defaultLockoutPolicy } from '../../../shared/auth/lockout';
import type { Actor } from '../../../shared/auth/session';
import { AppError } from '../app-error';
import { AuditLog } from '../audit/audit-log';
import { createAttemptGuard } from './attempt-guard';
import { parseInput, requireGoodPassword, requirePermission, type AuthDeps } from './auth-deps';
import { createOperatorRepository, toOperatorSummary, type OperatorRow } from './operator-repository';
import { currentScryptParams, hashPassword, verifyPassword } from './password-hash';
import { generateTemporaryPassword, temporaryPasswordLifetimeMs } from './temporary-password';

/** Operators: the first admin, accounts, roles, password resets and unlocking. */
export interface OperatorService {
  /** True while no admin exists: the first start asks for one. */
  needsFirstAdmin(): boolean;
  /** Creates the first admin with a password they chose; refused once any admin exists. */
  createFirstAdmin(input: FirstAdminInput): Promise<OperatorSummary>;
  /** Every operator (admin only). */
  list(actor: Actor): OperatorSummary[];
  /** Adds an operator with a temporary password, shown once to the admin. */
  create(actor: Actor, input: CreateOperatorInput): Promise<TemporaryPassword>;
  /** Changes name, role or disabled flag; refuses to leave no enabled admin. */
  update(actor: Actor, input: UpdateOperatorInput): OperatorSummary;
  /** Replaces the password with a one-time temporary one that must be changed at the next sign-in; also unlocks. */
  resetPassword(actor: Actor, operatorId: number): Promise<TemporaryPassword>;
  /** Clears a lockout. */
  unlock(actor: Actor, operatorId: number): OperatorSummary;
  /** The signed-in operator chooses a new password (also how a temporary one is replaced). */
  changeOwnPassword(actor: Actor, input: ChangePasswordInput): Promise<OperatorSummary>;
}

/** Creates the operator service. */
export function createOperatorService(deps: AuthDeps): OperatorService {
  const repo = createOperatorRepository(deps.connection);
  const now = deps.now ?? (() => new Date());
  const params = deps.scrypt ?? currentScryptParams;
  const lockout = deps.lockout ?? defaultLockoutPolicy;
  const transaction = <T>(work: () => T): T => deps.connection().transaction(work).immediate();
  const guard = createAttemptGuard({ connection: deps.connection, repo, now, lockout });
  const audit = (actor: string, action: string, row: Pick<OperatorRow, 'id'>, payload: Record<string, unknown>, at: Date) =>
    AuditLog.append(deps.connection(), { actor, action, entity: { type: 'operator', id: row.id }, payload }, at);

  const mustFind = (id: number): OperatorRow => {
    const row = repo.byId(id);
    if (!row) throw new AppError('not-found', `No operator with id ${id}.`);
    return row;
  };
  const summary = (id: number) => toOperatorSummary(mustFind(id), now().getTime());

  const issueTemporary = async (username: string) => {
    const password = generateTemporaryPassword(username);
    return { password, hash: await hashPassword(password, params) };
  };

  return {
    needsFirstAdmin: () => repo.countAdmins(false) === 0,

    async createFirstAdmin(raw) {
      const input = parseInput(firstAdminInputSchema, raw);
      if (repo.countAdmins(false) > 0) throw new AppError('conflict', 'An admin already exists; sign in, or ask an admin to add your account.');
      requireGoodPassword(input.password, input.username, 'password');
      const hash = await hashPassword(input.password, params);
      return transaction(() => {
        // Checked again after the await: two first-start forms may race.
        if (repo.countAdmins(false) > 0) throw new AppError('conflict', 'An admin was created meanwhile; sign in with that account.');
        const at = now();
        const id = repo.insert({ username: input.username, displayName: input.displayName, role: 'admin', passwordHash: hash, temporaryUntil: null }, at.toISOString());
        audit(input.username, securityAuditActions.firstAdminCreated, { id }, { username: input.username, displayName: input.displayName, role: 'admin' }, at);
        return summary(id);
      });
    },

    list(actor) {
      requirePermission(actor, 'operators.manage', 'list operators');
      const nowMs = now().getTime();
      return repo.list().map((row) => toOperatorSummary(row, nowMs));
    },

    async create(actor, raw) {
      requirePermission(actor, 'operators.manage', 'add operators');
      const input = parseInput(createOperatorInputSchema, raw);
      if (repo.byUsername(input.username)) throw new AppError('conflict', `The username ${input.username} is taken; choose another.`, 'username');
      const temporary = await issueTemporary(input.username);
      return transaction(() => {
        if (repo.byUsername(input.username)) throw new AppError('conflict', `The username ${input.username} is taken; choose another.`, 'username');
        const at = now();
        const expiresAt = new Date(at.getTime() + temporaryPasswordLifetimeMs).toISOString();
        const id = repo.insert({ username: input.username, displayName: input.displayName, role: input.role, passwordHash: temporary.hash, temporaryUntil: expiresAt }, at.toISOString());
        audit(actor.username, securityAuditActions.operatorCreated, { id }, { username: input.username, displayName: input.displayName, role: input.role }, at);
        return { operator: summary(id), temporaryPassword: temporary.password, expiresAt };
      });
    },

    update(actor, raw) {
      requirePermission(actor, 'operators.manage', 'change operators');
      const input = parseInput(updateOperatorInputSchema, raw);
      return transaction(() => {
        const row = mustFind(input.id);
        const next = {
          displayName: input.displayName ?? row.display_name,
          role: input.role ?? row.role,
          disabled: input.disabled ?? row.disabled === 1,
        };
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        if (next.displayName !== row.display_name) changes['displayName'] = { from: row.display_name, to: next.displayName };
        if (next.role !== row.role) changes['role'] = { from: row.role, to: next.role };
        if (next.disabled !== (row.disabled === 1)) changes['disabled'] = { from: row.disabled === 1, to: next.disabled };
        if (Object.keys(changes).length === 0) return summary(row.id);
        if (next.disabled && row.id === actor.operatorId) throw new AppError('conflict', 'You cannot disable your own account; ask another admin.', 'disabled');
        const stopsBeingAdmin = row.role === 'admin' && row.disabled === 0 && (next.role !== 'admin' || next.disabled);
        if (stopsBeingAdmin && repo.countAdmins(true) === 1) {
          throw new AppError('conflict', `${row.username} is the only enabled admin; make someone else admin first.`, changes['role'] ? 'role' : 'disabled');
        }
        const at = now();
        repo.update(row.id, next, at.toISOString());
        // A disabled account's open sessions end at once.
        if (next.disabled && row.disabled === 0) repo.bumpSessionEpoch(row.id);
        audit(actor.username, securityAuditActions.operatorUpdated, row, { username: row.username, changes }, at);
        return summary(row.id);
      });
    },

    async resetPassword(actor, operatorId) {
      requirePermission(actor, 'operators.manage', 'reset passwords');
      const target = mustFind(operatorId);
      const temporary = await issueTemporary(target.username);
      return transaction(() => {
        const row = mustFind(operatorId);
        const at = now();
        const expiresAt = new Date(at.getTime() + temporaryPasswordLifetimeMs).toISOString();
        repo.setPassword(row.id, temporary.hash, expiresAt, at.toISOString());
        repo.clearLockout(row.id, at.toISOString());
        // Whoever knew the old password must not stay signed in with it.
        repo.bumpSessionEpoch(row.id);
        audit(actor.username, securityAuditActions.passwordReset, row, { username: row.username, expiresAt, unlocked: row.locked === 1 || row.failed_attempts > 0 }, at);
        return { operator: summary(row.id), temporaryPassword: temporary.password, expiresAt };
      });
    },

    unlock(actor, operatorId) {
      requirePermission(actor, 'operators.manage', 'unlock accounts');
      return transaction(() => {
        const row = mustFind(operatorId);
        const at = now();
        repo.clearLockout(row.id, at.toISOString());
        audit(actor.username, securityAuditActions.operatorUnlocked, row, { username: row.username, wasLocked: row.locked === 1, failedAttempts: row.failed_attempts }, at);
        return summary(row.id);
      });
    },

    async changeOwnPassword(actor, raw) {
      const input = parseInput(changePasswordInputSchema, raw);
      const row = mustFind(actor.operatorId);
      // A wrong current password counts like a failed sign-in: an unattended session must not
      // become a way to guess the password without limit. Claimed before hashing, as sign-ins are.
      const attempt = guard.claim(row.id, 'change-password');
      const check = await verifyPassword(input.currentPassword, row.password_hash, params);
      if (!check.ok) {
        attempt.failed('wrong-current-password');
        throw new AppError('invalid-input', 'The current password is wrong.', 'currentPassword');
      }
      attempt.succeeded('reset');
      if (input.newPassword.normalize('NFKC') === input.currentPassword.normalize('NFKC')) {
        throw new AppError('invalid-input', 'Choose a new password that differs from the current one.', 'newPassword');
      }
      requireGoodPassword(input.newPassword, row.username, 'newPassword');
      const hash = await hashPassword(input.newPassword, params);
      return transaction(() => {
        const at = now();
        const wasTemporary = mustFind(row.id).must_change_password === 1;
        repo.setPassword(row.id, hash, null, at.toISOString());
        repo.clearLockout(row.id, at.toISOString());
        audit(actor.username, securityAuditActions.passwordChanged, row, { username: row.username, wasTemporary }, at);
        return summary(row.id);
      });
    },
  };
}
