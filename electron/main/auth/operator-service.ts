import { securityAuditActions } from '../../../shared/audit/audit-actions';
import {
  changePasswordInputSchema,
  createOperatorInputSchema,
  firstAdminInputSchema,
  replaceTemporaryPasswordInputSchema,
  updateOperatorInputSchema,
  type ChangePasswordInput,
  type CreateOperatorInput,
  type FirstAdminInput,
  type OperatorSummary,
  type ReplaceTemporaryPasswordInput,
  type TemporaryPassword,
  type UpdateOperatorInput,
} from '../../../shared/auth/operator';
import { defaultLockoutPolicy } from '../../../shared/auth/lockout';
import type { Actor } from '../../../shared/auth/session';
import { reason } from '../../../shared/errors/reason';
import { AppError } from '../app-error';
import { createAttemptGuard } from './attempt-guard';
import { operatorEntry, parseInput, requireGoodPassword, requirePermission, type AuthDeps } from './auth-deps';
import type { Operator } from './operator-repository';
import { toOperatorSummary } from './operator-summary';
import { currentScryptParams, hashPassword, verifyPassword } from './password-hash';
import { generateTemporaryPassword, temporaryPasswordLifetimeMs, temporarySessionWindowMs } from './temporary-password';

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
  /** Changes name, role, disabled or desk-lead flag; refuses to leave no enabled admin, or a lead who is not desk. */
  update(actor: Actor, input: UpdateOperatorInput): OperatorSummary;
  /** Replaces the password with a one-time temporary one that must be changed at the next sign-in; also unlocks. */
  resetPassword(actor: Actor, operatorId: number): Promise<TemporaryPassword>;
  unlock(actor: Actor, operatorId: number): OperatorSummary;
  /** The signed-in operator chooses a new password (also how a temporary one is replaced). */
  changeOwnPassword(actor: Actor, input: ChangePasswordInput): Promise<OperatorSummary>;
  /**
   * The session that signed in with a temporary password replaces it without typing it again, within
   * `temporarySessionWindowMs` of that sign-in; refused (`temporary-session-expired`) otherwise.
   */
  replaceTemporaryPassword(session: TemporarySignIn, input: ReplaceTemporaryPasswordInput): Promise<OperatorSummary>;
}

/** The session facts `replaceTemporaryPassword` rests on (a Caller has them). */
export interface TemporarySignIn extends Actor {
  signedInAt: string;
  viaTemporaryPassword: boolean;
}

export function createOperatorService(deps: AuthDeps): OperatorService {
  const { operators: repo, audited } = deps.store;
  const now = deps.now ?? (() => new Date());
  const params = deps.scrypt ?? currentScryptParams;
  const lockout = deps.lockout ?? defaultLockoutPolicy;
  const guard = createAttemptGuard({ store: deps.store, now, lockout });

  const mustFind = (id: number): Operator => {
    const row = repo.byId(id);
    if (!row) throw new AppError('not-found', reason('operator-not-found', { id }));
    return row;
  };
  const summary = (id: number) => toOperatorSummary(mustFind(id), now().getTime());

  const issueTemporary = async (username: string) => {
    const password = generateTemporaryPassword(username);
    return { password, hash: await hashPassword(password, params) };
  };

  /** Checks and stores the operator's new password; `provedBy` says how they proved who they are, for the audit log. */
  const storeOwnPassword = async (actor: Actor, row: Operator, newPassword: string, provedBy: 'current-password' | 'temporary-sign-in') => {
    requireGoodPassword(newPassword, row.username, 'newPassword');
    const hash = await hashPassword(newPassword, params);
    const at = now();
    audited(
      (wasTemporary) => operatorEntry(actor.username, securityAuditActions.passwordChanged, row.id, { username: row.username, wasTemporary, provedBy }, at),
      () => {
        const latest = mustFind(row.id);
        // Reset by an admin during the hash: this change rests on a password that is gone.
        if (latest.passwordHash !== row.passwordHash) throw new AppError('conflict', reason('password-reset-meanwhile'));
        repo.setPassword(row.id, hash, null, at.toISOString());
        repo.clearLockout(row.id, at.toISOString());
        return latest.mustChangePassword;
      },
    );
    return summary(row.id);
  };

  return {
    needsFirstAdmin: () => repo.countAdmins(false) === 0,

    async createFirstAdmin(raw) {
      const input = parseInput(firstAdminInputSchema, raw);
      if (repo.countAdmins(false) > 0) throw new AppError('conflict', reason('admin-already-exists'));
      requireGoodPassword(input.password, input.username, 'password');
      const hash = await hashPassword(input.password, params);
      const at = now();
      return audited(
        (created) => operatorEntry(input.username, securityAuditActions.firstAdminCreated, created.id, { username: input.username, displayName: input.displayName, role: 'admin' }, at),
        () => {
          // Checked again after the await: two first-start forms may race.
          if (repo.countAdmins(false) > 0) throw new AppError('conflict', reason('admin-created-meanwhile'));
          const id = repo.insert({ username: input.username, displayName: input.displayName, role: 'admin', passwordHash: hash, temporaryUntil: null }, at.toISOString());
          return summary(id);
        },
      );
    },

    list(actor) {
      requirePermission(actor, 'operators.manage', 'action-list-operators');
      const nowMs = now().getTime();
      return repo.list().map((row) => toOperatorSummary(row, nowMs));
    },

    async create(actor, raw) {
      requirePermission(actor, 'operators.manage', 'action-add-operators');
      const input = parseInput(createOperatorInputSchema, raw);
      if (repo.byUsername(input.username)) throw new AppError('conflict', reason('username-taken', { username: input.username }), 'username');
      const temporary = await issueTemporary(input.username);
      const at = now();
      const expiresAt = new Date(at.getTime() + temporaryPasswordLifetimeMs).toISOString();
      return audited(
        (created) => operatorEntry(actor.username, securityAuditActions.operatorCreated, created.operator.id, { username: input.username, displayName: input.displayName, role: input.role }, at),
        () => {
          if (repo.byUsername(input.username)) throw new AppError('conflict', reason('username-taken', { username: input.username }), 'username');
          const id = repo.insert({ username: input.username, displayName: input.displayName, role: input.role, passwordHash: temporary.hash, temporaryUntil: expiresAt }, at.toISOString());
          return { operator: summary(id), temporaryPassword: temporary.password, expiresAt };
        },
      );
    },

    update(actor, raw) {
      requirePermission(actor, 'operators.manage', 'action-change-operators');
      const input = parseInput(updateOperatorInputSchema, raw);
      const at = now();
      const changed = audited(
        ({ row, changes }) => (changes === null ? null : operatorEntry(actor.username, securityAuditActions.operatorUpdated, row.id, { username: row.username, changes }, at)),
        () => {
          const row = mustFind(input.id);
          const role = input.role ?? row.role;
          // Only a desk operator is a lead; a role change away from desk ends it in the same update.
          if (input.deskLead === true && role !== 'desk') throw new AppError('invalid-input', reason('operator-lead-needs-desk', { role }), 'deskLead');
          const next = {
            displayName: input.displayName ?? row.displayName,
            role,
            disabled: input.disabled ?? row.disabled,
            deskLead: role === 'desk' && (input.deskLead ?? row.deskLead),
          };
          const changes: Record<string, { from: unknown; to: unknown }> = {};
          if (next.displayName !== row.displayName) changes['displayName'] = { from: row.displayName, to: next.displayName };
          if (next.role !== row.role) changes['role'] = { from: row.role, to: next.role };
          if (next.disabled !== row.disabled) changes['disabled'] = { from: row.disabled, to: next.disabled };
          if (next.deskLead !== row.deskLead) changes['deskLead'] = { from: row.deskLead, to: next.deskLead };
          if (Object.keys(changes).length === 0) return { row, changes: null };
          if (next.disabled && row.id === actor.operatorId) throw new AppError('conflict', reason('cannot-disable-own-account'), 'disabled');
          const stopsBeingAdmin = row.role === 'admin' && !row.disabled && (next.role !== 'admin' || next.disabled);
          if (stopsBeingAdmin && repo.countAdmins(true) === 1) {
            throw new AppError('conflict', reason('only-enabled-admin', { username: row.username }), changes['role'] ? 'role' : 'disabled');
          }
          repo.update(row.id, next, at.toISOString());
          // A disabled account's open sessions end at once.
          if (next.disabled && !row.disabled) repo.bumpSessionEpoch(row.id);
          return { row, changes };
        },
      );
      return summary(changed.row.id);
    },

    async resetPassword(actor, operatorId) {
      requirePermission(actor, 'operators.manage', 'action-reset-passwords');
      const target = mustFind(operatorId);
      const temporary = await issueTemporary(target.username);
      const at = now();
      const expiresAt = new Date(at.getTime() + temporaryPasswordLifetimeMs).toISOString();
      const row = audited(
        (row) => operatorEntry(actor.username, securityAuditActions.passwordReset, row.id, { username: row.username, expiresAt, unlocked: row.locked || row.failedAttempts > 0 }, at),
        () => {
          const row = mustFind(operatorId);
          repo.setPassword(row.id, temporary.hash, expiresAt, at.toISOString());
          repo.clearLockout(row.id, at.toISOString());
          // Whoever knew the old password must not stay signed in with it.
          repo.bumpSessionEpoch(row.id);
          return row;
        },
      );
      return { operator: summary(row.id), temporaryPassword: temporary.password, expiresAt };
    },

    unlock(actor, operatorId) {
      requirePermission(actor, 'operators.manage', 'action-unlock-accounts');
      const at = now();
      const row = audited(
        (row) => operatorEntry(actor.username, securityAuditActions.operatorUnlocked, row.id, { username: row.username, wasLocked: row.locked, failedAttempts: row.failedAttempts }, at),
        () => {
          const row = mustFind(operatorId);
          repo.clearLockout(row.id, at.toISOString());
          return row;
        },
      );
      return summary(row.id);
    },

    async changeOwnPassword(actor, raw) {
      const input = parseInput(changePasswordInputSchema, raw);
      const row = mustFind(actor.operatorId);
      // A wrong current password counts like a failed sign-in: an unattended session must not
      // become a way to guess the password without limit. Claimed before hashing, as sign-ins are.
      const attempt = guard.claim(row.id, 'change-password');
      const check = await verifyPassword(input.currentPassword, row.passwordHash, params);
      if (!check.ok) {
        attempt.failed('wrong-current-password');
        throw new AppError('invalid-input', reason('wrong-current-password'), 'currentPassword');
      }
      attempt.succeeded('reset');
      if (input.newPassword.normalize('NFKC') === input.currentPassword.normalize('NFKC')) {
        throw new AppError('invalid-input', reason('new-password-same-as-current'), 'newPassword');
      }
      return storeOwnPassword(actor, row, input.newPassword, 'current-password');
    },

    async replaceTemporaryPassword(session, raw) {
      const input = parseInput(replaceTemporaryPasswordInputSchema, raw);
      const row = mustFind(session.operatorId);
      const sinceSignIn = now().getTime() - Date.parse(session.signedInAt);
      if (!session.viaTemporaryPassword || !row.mustChangePassword || !(sinceSignIn <= temporarySessionWindowMs)) {
        throw new AppError('forbidden', reason('temporary-session-expired', { minutes: temporarySessionWindowMs / 60_000 }), 'currentPassword');
      }
      // The temporary password was read out to the operator: it must not become their own.
      if ((await verifyPassword(input.newPassword, row.passwordHash, params)).ok) {
        throw new AppError('invalid-input', reason('new-password-same-as-current'), 'newPassword');
      }
      return storeOwnPassword(session, row, input.newPassword, 'temporary-sign-in');
    },
  };
}
