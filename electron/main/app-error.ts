import type { IpcErrorCode } from '../../shared/ipc/result';
import type { ReasonParam } from '../../shared/errors/reason';
import { inEnglish, type MainReason, type ReasonCode } from '../../shared/errors/reasons-en';

/** A finer reason than the code, which the renderer says in the user's language with its parameters. */
export interface AppErrorReason {
  reason: ReasonCode;
  params?: Record<string, ReasonParam>;
}

/**
 * An expected failure a service reports to the caller: a stable code, and the reason code with its
 * parameters that the renderer says in the user's language (`new AppError(code, reason(...))`). The
 * message is the reason in English, for the logs and the CLI. A throw without a reason does not
 * compile: the reason is the one way a refusal is worded.
 */
export class AppError extends Error {
  /** Stable code the renderer translates. */
  readonly code: IpcErrorCode;
  /** The input field at fault, when there is one. */
  readonly field: string | undefined;
  /** The reason code and its parameters (a path, a size). */
  readonly refusal: AppErrorReason;

  constructor(code: IpcErrorCode, why: MainReason, field?: string) {
    super(inEnglish(why));
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.refusal = { reason: why.code, params: why.params };
  }
}

/** The reason behind any error: an AppError's own code, else its message as it came (`detail-text`). */
export function reasonOfError(error: unknown): MainReason {
  if (error instanceof AppError) return { code: error.refusal.reason, params: error.refusal.params ?? {} };
  return { code: 'detail-text', params: { text: error instanceof Error ? error.message : String(error) } };
}
