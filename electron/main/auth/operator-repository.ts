import type { Role } from '../../../shared/auth/roles';

/** An operator as the auth services see it. */
export interface Operator {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  /** A desk operator marked lead by an admin (reads the Reports page); always false for other roles. */
  deskLead: boolean;
  passwordHash: string;
  passwordChangedAt: string;
  /** The password is temporary (made by an admin) and must be replaced at the next sign-in. */
  mustChangePassword: boolean;
  temporaryPasswordExpiresAt: string | null;
  temporaryPasswordUsedAt: string | null;
  failedAttempts: number;
  /** Epoch milliseconds before which no attempt is allowed, or null. */
  retryNotBefore: number | null;
  locked: boolean;
  /** The encrypted authenticator secret, once enrolment is confirmed. */
  totpSecret: string | null;
  /** The encrypted secret of an enrolment not confirmed yet. */
  totpPendingSecret: string | null;
  /** The last authenticator time step used, so a code works once. */
  totpLastStep: number | null;
  /** Bumped when every open session of the operator must end (disabled, password reset). */
  sessionEpoch: number;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
}

export interface NewOperator {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  /** Set for an admin-made account: the password is temporary until this time. */
  temporaryUntil: string | null;
}

/** An unused recovery code, stored salted and hashed. */
export interface StoredRecoveryCode {
  id: number;
  salt: string;
  codeHash: string;
}

/** Operators and their recovery codes; every write runs in the caller's audited operation. */
export interface OperatorRepository {
  byId(id: number): Operator | undefined;
  byUsername(username: string): Operator | undefined;
  list(): Operator[];
  countAdmins(onlyEnabled: boolean): number;
  insert(operator: NewOperator, at: string): number;
  setPassword(id: number, hash: string, temporaryUntil: string | null, at: string): void;
  replaceHash(id: number, hash: string, at: string): void;
  markTemporaryUsed(id: number, at: string): void;
  recordFailure(id: number, state: { failedAttempts: number; retryNotBefore: number | null; locked: boolean }, at: string): void;
  recordSuccess(id: number, at: string): void;
  clearLockout(id: number, at: string): void;
  update(id: number, fields: { displayName: string; role: Role; disabled: boolean; deskLead: boolean }, at: string): void;
  bumpSessionEpoch(id: number): void;
  setPendingTotp(id: number, secretBlob: string | null, at: string): void;
  confirmTotp(id: number, secretBlob: string, step: number, at: string): void;
  setTotpStep(id: number, step: number): void;
  clearTotp(id: number, at: string): void;
  unusedRecoveryCodes(operatorId: number): StoredRecoveryCode[];
  replaceRecoveryCodes(operatorId: number, codes: { salt: string; hash: string }[], at: string): void;
  markRecoveryCodeUsed(id: number, at: string): void;
  deleteRecoveryCodes(operatorId: number): void;
}
