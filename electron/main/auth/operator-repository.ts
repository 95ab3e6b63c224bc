import type Database from 'better-sqlite3';
import type { OperatorSummary } from '../../../shared/auth/operator';
import type { Role } from '../../../shared/auth/roles';
import { statementsOn } from '../db/statement-cache';

/** An operator row as stored. */
export interface OperatorRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  disabled: 0 | 1;
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

/** A new operator. */
export interface NewOperator {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  /** Set for an admin-made account: the password is temporary until this time. */
  temporaryUntil: string | null;
}

/** Prepared statements over `operators` and `recovery_codes`; every write runs in the caller's transaction. */
export interface OperatorRepository {
  byId(id: number): OperatorRow | undefined;
  byUsername(username: string): OperatorRow | undefined;
  list(): OperatorRow[];
  countAdmins(onlyEnabled: boolean): number;
  insert(operator: NewOperator, at: string): number;
  setPassword(id: number, hash: string, temporaryUntil: string | null, at: string): void;
  replaceHash(id: number, hash: string, at: string): void;
  markTemporaryUsed(id: number, at: string): void;
  recordFailure(id: number, state: { failedAttempts: number; retryNotBefore: number | null; locked: boolean }, at: string): void;
  recordSuccess(id: number, at: string): void;
  clearLockout(id: number, at: string): void;
  update(id: number, fields: { displayName: string; role: Role; disabled: boolean }, at: string): void;
  bumpSessionEpoch(id: number): void;
  setPendingTotp(id: number, secretBlob: string | null, at: string): void;
  confirmTotp(id: number, secretBlob: string, step: number, at: string): void;
  setTotpStep(id: number, step: number): void;
  clearTotp(id: number, at: string): void;
  unusedRecoveryCodes(operatorId: number): { id: number; salt: string; code_hash: string }[];
  replaceRecoveryCodes(operatorId: number, codes: { salt: string; hash: string }[], at: string): void;
  markRecoveryCodeUsed(id: number, at: string): void;
  deleteRecoveryCodes(operatorId: number): void;
}

/** The operator repository over the current connection. */
export function createOperatorRepository(connection: () => Database.Database): OperatorRepository {
  const { run, get, all } = statementsOn(connection);

  return {
    byId: (id) => get<OperatorRow>('SELECT * FROM operators WHERE id = ?', id),
    byUsername: (username) => get<OperatorRow>('SELECT * FROM operators WHERE username = ?', username),
    list: () => all<OperatorRow>('SELECT * FROM operators ORDER BY username'),
    countAdmins: (onlyEnabled) =>
      get<{ n: number }>(`SELECT count(*) AS n FROM operators WHERE role = 'admin'${onlyEnabled ? ' AND disabled = 0' : ''}`)!.n,
    insert: (op, at) =>
      Number(
        run(
          `INSERT INTO operators (username, display_name, role, password_hash, password_changed_at, must_change_password, temp_password_expires_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          op.username, op.displayName, op.role, op.passwordHash, at, op.temporaryUntil ? 1 : 0, op.temporaryUntil, at, at,
        ).lastInsertRowid,
      ),
    setPassword: (id, hash, temporaryUntil, at) =>
      void run(
        `UPDATE operators SET password_hash = ?, password_changed_at = ?, must_change_password = ?, temp_password_expires_at = ?,
           temp_password_used_at = NULL, updated_at = ? WHERE id = ?`,
        hash, at, temporaryUntil ? 1 : 0, temporaryUntil, at, id,
      ),
    replaceHash: (id, hash, at) => void run('UPDATE operators SET password_hash = ?, updated_at = ? WHERE id = ?', hash, at, id),
    markTemporaryUsed: (id, at) => void run('UPDATE operators SET temp_password_used_at = ?, updated_at = ? WHERE id = ?', at, at, id),
    recordFailure: (id, state, at) =>
      void run(
        'UPDATE operators SET failed_attempts = ?, retry_not_before = ?, locked = ?, updated_at = ? WHERE id = ?',
        state.failedAttempts, state.retryNotBefore, state.locked ? 1 : 0, at, id,
      ),
    recordSuccess: (id, at) =>
      void run('UPDATE operators SET failed_attempts = 0, retry_not_before = NULL, last_sign_in_at = ?, updated_at = ? WHERE id = ?', at, at, id),
    clearLockout: (id, at) =>
      void run('UPDATE operators SET failed_attempts = 0, retry_not_before = NULL, locked = 0, updated_at = ? WHERE id = ?', at, id),
    update: (id, fields, at) =>
      void run(
        'UPDATE operators SET display_name = ?, role = ?, disabled = ?, updated_at = ? WHERE id = ?',
        fields.displayName, fields.role, fields.disabled ? 1 : 0, at, id,
      ),
    bumpSessionEpoch: (id) => void run('UPDATE operators SET session_epoch = session_epoch + 1 WHERE id = ?', id),
    setPendingTotp: (id, blob, at) => void run('UPDATE operators SET totp_pending_secret = ?, updated_at = ? WHERE id = ?', blob, at, id),
    confirmTotp: (id, blob, step, at) =>
      void run('UPDATE operators SET totp_secret = ?, totp_pending_secret = NULL, totp_last_step = ?, updated_at = ? WHERE id = ?', blob, step, at, id),
    setTotpStep: (id, step) => void run('UPDATE operators SET totp_last_step = ? WHERE id = ?', step, id),
    clearTotp: (id, at) =>
      void run('UPDATE operators SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL, updated_at = ? WHERE id = ?', at, id),
    unusedRecoveryCodes: (operatorId) =>
      all('SELECT id, salt, code_hash FROM recovery_codes WHERE operator_id = ? AND used_at IS NULL ORDER BY id', operatorId),
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

/** The row as the renderer sees it, with lockout computed at `nowMs`. */
export function toOperatorSummary(row: OperatorRow, nowMs: number): OperatorSummary {
  const waiting = row.retry_not_before !== null && row.retry_not_before > nowMs;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    locked: row.locked === 1,
    retryNotBefore: waiting ? new Date(row.retry_not_before!).toISOString() : null,
    failedAttempts: row.failed_attempts,
    mustChangePassword: row.must_change_password === 1,
    twoFactorEnrolled: row.totp_secret !== null,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  };
}
