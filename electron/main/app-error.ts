import type { IpcErrorCode } from '../../shared/ipc/result';

/** An expected failure a service reports to the caller, with a stable code and a message that says what to do. */
export class AppError extends Error {
  /** Stable code the renderer translates. */
  readonly code: IpcErrorCode;
  /** The input field at fault, when there is one. */
  readonly field: string | undefined;

  constructor(code: IpcErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }
}
