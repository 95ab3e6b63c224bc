import type { ReasonParam } from '../errors/reason';

/** Error codes every IPC call may answer with; the renderer maps each to a message in the user's language. */
export const ipcErrorCodes = [
  'invalid-input',
  'unknown-channel',
  'untrusted-sender',
  'unauthenticated',
  'locked',
  'forbidden',
  'not-found',
  'conflict',
  'cancelled',
  'database-error',
  'backup-invalid',
  'terminal-link',
  'terminal-refused',
  'internal',
] as const;

export type IpcErrorCode = (typeof ipcErrorCodes)[number];

/**
 * What went wrong: a stable code, an English message for logs, the field at fault when known, and
 * for refused sign-ins and calls a finer `reason` the renderer translates (e.g. `bad-credentials`,
 * `password-change-required`) with, for `wait`, the milliseconds until the next attempt, and for
 * other reasons the parameters its message needs (`params`: a path, a size).
 */
export interface IpcError {
  code: IpcErrorCode;
  message: string;
  field?: string;
  reason?: string;
  retryAfterMs?: number;
  params?: Record<string, ReasonParam>;
}

/** The envelope every IPC call returns (Signal Desktop style): never a thrown error across the bridge. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Builds a success envelope. */
export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

/** Builds a failure envelope. */
export function fail<T = never>(code: IpcErrorCode, message: string, field?: string): IpcResult<T> {
  return field === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, field } };
}
