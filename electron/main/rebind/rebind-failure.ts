// How a failed step is classified: may the engine try again, and which outcome reason it leads to.
import type { RebindReason } from '../../../shared/rebind/rebind-outcome';
import { isLinkError, LinkAborted, LinkTimeout, TerminalRefused } from '../terminal/link/link-errors';
import { ResultCode } from '../../../shared/rtp';
import { OperationNotOwned } from './operation-owner';
import { reason, type Reason } from '../../../shared/errors/reason';
import { reasonOfError } from '../app-error';
import { inEnglish, type MainReason } from '../../../shared/errors/reasons-en';
import { TerminalUnreachable } from './terminal-link';

/** A deliberate stop inside a step: a check the engine itself made failed. `why` says which (its English is the message). */
export class RebindStop extends Error {
  constructor(
    readonly reason: RebindReason,
    readonly why: MainReason,
    readonly retryable: boolean,
  ) {
    super(inEnglish(why));
    this.name = 'RebindStop';
  }
}

/**
 * The engineer cancelled (the On-site Cancel, Ctrl-C in the CLI): thrown at the next safe point,
 * before a forward step or between the exchanges of one. Before COMMIT took effect the engine drops
 * the stage and reads the old set back; after it, it rolls back and reads back.
 */
export class RebindCancelled extends RebindStop {
  constructor() {
    super('cancelled', reason('stop-cancelled'), false);
    this.name = 'RebindCancelled';
  }
}

/** What a failure means for the engine. */
export interface FailureInfo {
  /** Trying the forward path again may work (the line, a reboot, a busy terminal). */
  retryable: boolean;
  /** The outcome reason it leads to when the terminal ends on the old set. */
  reason: RebindReason;
  /** The failure's message (it already says what to do next). */
  message: string;
  /** The same as a reason code with its parameters, for the outcome (a sentence as it came when the error has no code). */
  detail: Reason;
  /** The error's kind for the journal: link-failure, terminal-refused, … */
  kind: string;
}

/** Result codes that can clear up on a second try: wrong state (a reboot dropped the stage), digest mismatch, busy, storage. */
const RETRYABLE_RC = new Set<number>([ResultCode.WRONG_STATE, ResultCode.DIGEST_MISMATCH, ResultCode.BUSY, ResultCode.STORAGE_ERROR]);

/** Classifies any error thrown by a step. SQLite errors are not classified: the caller rethrows them. */
export function classifyFailure(error: unknown): FailureInfo {
  return { ...classify(error), detail: failureDetail(error) };
}

/** The reason behind an error: its own code when it has one, else its message as it came. */
export function failureDetail(error: unknown): MainReason {
  if (error instanceof RebindStop || error instanceof TerminalUnreachable) return error.why;
  return reasonOfError(error);
}

function classify(error: unknown): Omit<FailureInfo, 'detail'> {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RebindStop) return { retryable: error.retryable, reason: error.reason, message, kind: 'check-failed' };
  if (error instanceof TerminalRefused) {
    const reason: RebindReason =
      error.command === 'SIGN_ON' || error.command === 'ECHO_TEST'
        ? 'host-test-failed'
        : error.command === 'PRINT_TEST'
          ? 'print-failed'
          : error.command === 'SETTLE'
            ? 'settle-failed'
            : 'terminal-refused';
    return { retryable: RETRYABLE_RC.has(error.rc), reason, message, kind: 'terminal-refused' };
  }
  if (error instanceof TerminalUnreachable) return { retryable: true, reason: 'link-failed', message, kind: 'unreachable' };
  // The engineer asked to stop: trying again would undo the request.
  if (error instanceof LinkAborted) return { retryable: false, reason: 'interrupted', message, kind: error.kind };
  // A terminal stuck "in progress" would only spend the same minutes again on a second try.
  if (error instanceof LinkTimeout && error.reason !== 't2') return { retryable: false, reason: 'link-failed', message, kind: `${error.kind}:${error.reason}` };
  if (isLinkError(error)) {
    if (error.kind === 'protocol-violation') return { retryable: false, reason: 'protocol-error', message, kind: error.kind };
    return { retryable: true, reason: 'link-failed', message, kind: error.kind };
  }
  return { retryable: false, reason: 'protocol-error', message, kind: 'error' };
}

/**
 * True when the journal cannot be written, so the engine must stop at once: errors of the database
 * itself, and an operation this process no longer owns (a closed operation is never driven on).
 */
export function isDatabaseError(error: unknown): boolean {
  return error instanceof Error && (error instanceof OperationNotOwned || error.name === 'SqliteError' || (error as { code?: unknown }).code?.toString().startsWith('SQLITE_') === true);
}
