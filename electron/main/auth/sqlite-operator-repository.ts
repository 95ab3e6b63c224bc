import type Database from 'better-sqlite3';
import type { Role } from '../../../shared/auth/roles';
import { auditedOn } from '../db/audited';
import { statementsOn } from '../db/statement-cache';
import type { AuthStore } from './auth-deps';
import type { Operator, OperatorRepository } from './operator-repository';

/** An operator row as stored (migration 0002). */
interface OperatorRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  disabled: 0 | 1;
  desk_lead: 0 | 1;
  password_hash: string;
  password_changed_at: string;
  must_change_password: 0 | 1;
  temp_password_expires_at: string | null;
  temp_password_used_at: string | null;
  failed_attempts: number;
  retry_not_before: number | null;
  locked: 0 | 1;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
  session_epoch: number;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

export function toOperator(row: OperatorRow): Operator {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    deskLead: row.desk_lead === 1,
    passwordHash: row.password_hash,
    passwordChangedAt: row.password_changed_at,
    mustChangePassword: row.must_change_password === 1,
    temporaryPasswordExpiresAt: row.temp_password_expires_at,
    temporaryPasswordUsedAt: row.temp_password_used_at,
    failedAttempts: row.failed_attempts,
    retryNotBefore: row.retry_not_before,
    locked: row.locked === 1,
    totpSecret: row.totp_secret,
    totpPendingSecret: row.totp_pending_secret,
    totpLastStep: row.totp_last_step,
    sessionEpoch: row.session_epoch,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

const flag = (value: boolean) => (value ? 1 : 0);

/** The operator repository over `operators` and `recovery_codes` of the current connection. */
export function createSqliteOperatorRepository(connection: () => Database.Database): OperatorRepository {
  const { run, get, all } = statementsOn(connection);
  const one = (sql: string, ...params: unknown[]) => {
    const row = get<OperatorRow>(sql, ...params);
    return row === undefined ? undefined : toOperator(row);
  };

  return {
    byId: (id) => one('SELECT * FROM operators WHERE id = ?', id),
    byUsername: (username) => one('SELECT * FROM operators WHERE username = ?', username),
    list: () => all<OperatorRow>('SELECT * FROM operators ORDER BY username').map(toOperator),
    countAdmins: (onlyEnabled) =>
      get<{ n: number }>(`SELECT count(*) AS n FROM operators WHERE role = 'admin'${onlyEnabled ? ' AND disabled = 0' : ''}`)!.n,
    insert: (op, at) =>
      Number(
        run(
          `INSERT INTO operators (username, display_name, role, password_hash, password_changed_at, must_change_password, temp_password_expires_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          op.username, op.displayName, op.role, op.passwordHash, at, flag(op.temporaryUntil !== null), op.temporaryUntil, at, at,
        ).lastInsertRowid,
      ),
    setPassword: (id, hash, temporaryUntil, at) =>
      void run(
        `UPDATE operators SET password_hash = ?, password_changed_at = ?, must_change_password = ?, temp_password_expires_at = ?,
           temp_password_used_at = NULL, updated_at = ? WHERE id = ?`,
        hash, at, flag(temporaryUntil !== null), temporaryUntil, at, id,
      ),
    replaceHash: (id, hash, at) => void run('UPDATE operators SET password_hash = ?, updated_at = ? WHERE id = ?', hash, at, id),
    markTemporaryUsed: (id, at) => void run('UPDATE operators SET temp_password_used_at = ?, updated_at = ? WHERE id = ?', at, at, id),
    recordFailure: (id, state, at) =>
      void run(
        'UPDATE operators SET failed_attempts = ?, retry_not_before = ?, locked = ?, updated_at = ? WHERE id = ?',
        state.failedAttempts, state.retryNotBefore, flag(state.locked), at, id,
      ),
    recordSuccess: (id, at) =>
      void run('UPDATE operators SET failed_attempts = 0, retry_not_before = NULL, last_sign_in_at = ?, updated_at = ? WHERE id = ?', at, at, id),
    clearLockout: (id, at) =>
      void run('UPDATE operators SET failed_attempts = 0, retry_not_before = NULL, locked = 0, updated_at = ? WHERE id = ?', at, id),
    update: (id, fields, at) =>
      void run('UPDATE operators SET display_name = ?, role = ?, disabled = ?, desk_lead = ?, updated_at = ? WHERE id = ?', fields.displayName, fields.role, flag(fields.disabled), flag(fields.deskLead), at, id),
    bumpSessionEpoch: (id) => void run('UPDATE operators SET session_epoch = session_epoch + 1 WHERE id = ?', id),
    setPendingTotp: (id, blob, at) => void run('UPDATE operators SET totp_pending_secret = ?, updated_at = ? WHERE id = ?', blob, at, id),
    confirmTotp: (id, blob, step, at) =>
      void run('UPDATE operators SET totp_secret = ?, totp_pending_secret = NULL, totp_last_step = ?, updated_at = ? WHERE id = ?', blob, step, at, id),
    setTotpStep: (id, step) => void run('UPDATE operators SET totp_last_step = ? WHERE id = ?', step, id),
    clearTotp: (id, at) =>
      void run('UPDATE operators SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL, updated_at = ? WHERE id = ?', at, id),
    unusedRecoveryCodes: (operatorId) =>
      all<{ id: number; salt: string; code_hash: string }>('SELECT id, salt, code_hash FROM recovery_codes WHERE operator_id = ? AND used_at IS NULL ORDER BY id', operatorId).map(
        (row) => ({ id: row.id, salt: row.salt, codeHash: row.code_hash }),
      ),
    replaceRecoveryCodes: (operatorId, codes, at) => {
      run('DELETE FROM recovery_codes WHERE operator_id = ?', operatorId);
      for (const code of codes) {
        run('INSERT INTO recovery_codes (operator_id, salt, code_hash, created_at) VALUES (?, ?, ?, ?)', operatorId, code.salt, code.hash, at);
      }
    },
    markRecoveryCodeUsed: (id, at) => void run('UPDATE recovery_codes SET used_at = ? WHERE id = ? AND used_at IS NULL', at, id),
    deleteRecoveryCodes: (operatorId) => void run('DELETE FROM recovery_codes WHERE operator_id = ?', operatorId),
  };
}

/** The auth store over the current connection: the operator repository and audited() on the same connection. */
export function createSqliteAuthStore(connection: () => Database.Database): AuthStore {
  return { operators: createSqliteOperatorRepository(connection), audited: auditedOn(connection) };
}
