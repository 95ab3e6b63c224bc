import type { IpcErrorCode } from '../../shared/ipc/result';

/** A finer reason than the code, which the renderer says in the user's language with its parameters. */
export interface AppErrorReason {
  reason: string;
  params?: Record<string, string | number>;
}

/** An expected failure a service reports to the caller, with a stable code and a message that says what to do. */
export class AppError extends Error {
  /** Stable code the renderer translates. */
  readonly code: IpcErrorCode;
  /** The input field at fault, when there is one. */
  readonly field: string | undefined;
  /** The reason code and its parameters (a path, a size), when the renderer has a message for it. */
  readonly refusal: AppErrorReason | undefined;

  constructor(code: IpcErrorCode, message: string, field?: string, refusal?: AppErrorReason) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.refusal = refusal;
  }
}
