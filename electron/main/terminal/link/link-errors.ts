// Typed failures of the RTP/1 link and driver. Each message says what happened and what to do
// next, because it reaches the engineer on site unchanged (DESIGN.md §5).
import { AppError } from '../../app-error';

/** Why the link gave up on the line itself. */
export type LinkFailureReason =
  /** A frame got no ACK after every transmission; EOT was sent. */
  | 'no-ack'
  /** ENQ got no ACK: nobody is answering on this port. */
  | 'no-answer'
  /** The terminal sent EOT instead of (re)sending its answer: it gave up waiting for our ACK. */
  | 'terminal-gave-up'
  /** The port closed under us: cable pulled, device reset, pty peer gone. */
  | 'port-lost'
  /** Writing to the port failed or did not finish in time. */
  | 'write-failed'
  /** The link was closed by this program. */
  | 'closed';

/** Which typed link error this is, for the UI and the CLI's exit codes. */
export type LinkErrorKind = 'link-failure' | 'link-timeout' | 'terminal-refused' | 'link-aborted' | 'protocol-violation';

/** Base of every link and driver error. */
export abstract class LinkError extends AppError {
  /** Discriminator that survives structured cloning as text. */
  abstract readonly kind: LinkErrorKind;
  /** The command the failure belongs to, e.g. "COMMIT"; undefined for ENQ and the line itself. */
  readonly command: string | undefined;

  protected constructor(code: AppError['code'], message: string, command: string | undefined) {
    super(code, message);
    this.command = command;
  }
}

/** The line failed: no ACK after every transmission (EOT sent), no answer to ENQ, or the port was lost. */
export class LinkFailure extends LinkError {
  override readonly kind = 'link-failure';
  /** What failed. */
  readonly reason: LinkFailureReason;

  /** Builds the failure; `detail` is appended to the standard advice. */
  constructor(reason: LinkFailureReason, command: string | undefined, detail?: string) {
    super('terminal-link', failureMessage(reason, command, detail), command);
    this.name = 'LinkFailure';
    this.reason = reason;
  }
}

/** Which bound of a command ran out (link-timing.ts, CommandBound). */
export type LinkTimeoutReason =
  /** T2: no answer at all within T2 after the ACK or the last interim. */
  | 't2'
  /** The terminal answered "in progress" (RC 7F) more often than the command allows. */
  | 'too-many-interims'
  /** The terminal kept the command in progress longer than its total time allows. */
  | 'over-budget';

/** What a LinkTimeout other than a plain T2 knows. */
export interface LinkTimeoutDetails {
  /** Which bound ran out; 't2' by default. */
  reason?: LinkTimeoutReason;
  /** Interim answers taken before the bound ran out. */
  interims?: number;
}

/**
 * A bound of the command ran out: T2 (the terminal acknowledged the request but sent no final
 * answer in time), its interim count or its total time. EOT has been sent.
 */
export class LinkTimeout extends LinkError {
  override readonly kind = 'link-timeout';
  /** Which bound ran out. */
  readonly reason: LinkTimeoutReason;
  /** The bound that ran out, in milliseconds: T2, or the command's total time (for too-many-interims, T2). */
  readonly timeoutMs: number;
  /** Interim answers taken before it ran out. */
  readonly interims: number;

  /** Builds the timeout for `command` after `timeoutMs`. */
  constructor(command: string, timeoutMs: number, details: LinkTimeoutDetails = {}) {
    const reason = details.reason ?? 't2';
    const interims = details.interims ?? 0;
    super('terminal-link', timeoutMessage(command, timeoutMs, reason, interims), command);
    this.name = 'LinkTimeout';
    this.reason = reason;
    this.timeoutMs = timeoutMs;
    this.interims = interims;
  }
}

/** What the terminal said when it refused a request (an RC other than 00 and 7F). */
export interface RefusalDetails {
  /** The request's command name, e.g. "BEGIN_STAGE". */
  command: string;
  /** The result code. */
  rc: number;
  /** Its name in code, e.g. "BATCH_NOT_EMPTY". */
  rcName: string;
  /** Its English meaning from PROTOCOL.md, e.g. "batch not empty: settle first". */
  meaning: string;
  /** F020: the offending tag (4 hex digits) of an RC 03. */
  offendingTag?: string;
  /** F030: the acquirer host's field-39 response code of an RC 08. */
  hostResponseCode?: string;
  /** F031: the round trip to the acquirer host of an RC 08, in ms. */
  roundTripMs?: number;
  /** F061: bytes the terminal has staged, on a PUT_STAGE RC 04. */
  receivedSoFar?: number;
  /** F008: digest of the staged bytes (lower-case hex), on VERIFY_STAGE answers. */
  stagedDigestHex?: string;
  /** What to do next, in a sentence. */
  advice: string;
}

/** The terminal answered with an error RC. The fields carry the TLVs that explain it. */
export class TerminalRefused extends LinkError {
  override readonly kind = 'terminal-refused';
  /** The result code. */
  readonly rc: number;
  /** Its name in code, e.g. "LOCKED". */
  readonly rcName: string;
  /** Its English meaning. */
  readonly meaning: string;
  /** F020, when present. */
  readonly offendingTag: string | undefined;
  /** F030, when present. */
  readonly hostResponseCode: string | undefined;
  /** F031, when present. */
  readonly roundTripMs: number | undefined;
  /** F061, when present. */
  readonly receivedSoFar: number | undefined;
  /** F008 as lower-case hex, when present. */
  readonly stagedDigestHex: string | undefined;
  /** What to do next. */
  readonly advice: string;

  /** Builds the refusal; the message names command, RC, meaning, the explaining TLVs and the advice. */
  constructor(details: RefusalDetails) {
    super('terminal-refused', refusalMessage(details), details.command);
    this.name = 'TerminalRefused';
    this.rc = details.rc;
    this.rcName = details.rcName;
    this.meaning = details.meaning;
    this.offendingTag = details.offendingTag;
    this.hostResponseCode = details.hostResponseCode;
    this.roundTripMs = details.roundTripMs;
    this.receivedSoFar = details.receivedSoFar;
    this.stagedDigestHex = details.stagedDigestHex;
    this.advice = details.advice;
  }
}

/** The operation was cancelled through its AbortSignal (or the link was closed while it waited). */
export class LinkAborted extends LinkError {
  override readonly kind = 'link-aborted';

  /** Builds the cancellation of `command` (undefined for ENQ or a queued call). */
  constructor(command: string | undefined) {
    super('cancelled', `${command ?? 'The terminal operation'} was cancelled. The link is still usable; start the step again when ready.`, command);
    this.name = 'LinkAborted';
  }
}

/** The terminal's answer breaks RTP/1: a required tag is missing or a value cannot be read. */
export class TerminalProtocolError extends LinkError {
  override readonly kind = 'protocol-violation';
  /** The tag at fault (4 hex digits), when one is. */
  readonly tag: string | undefined;

  /** Builds the error; `problem` says what is wrong, e.g. "F002 max body is missing". */
  constructor(command: string, problem: string, tag?: string) {
    super(
      'terminal-link',
      `The terminal's answer to ${command} does not follow RTP/1: ${problem}. Check that the terminal runs RTP/1 firmware; export the link log and send it to support.`,
      command,
    );
    this.name = 'TerminalProtocolError';
    this.tag = tag;
  }
}

/** True for any typed link or driver error. */
export function isLinkError(error: unknown): error is LinkError {
  return error instanceof LinkError;
}

function failureMessage(reason: LinkFailureReason, command: string | undefined, detail: string | undefined): string {
  const what = command ?? 'the request';
  const base = (() => {
    switch (reason) {
      case 'no-ack':
        return `The terminal did not acknowledge ${what} after 3 transmissions; EOT was sent. Check the cable, that the terminal is on and in PC-download mode, and the baud rate, then try again.`;
      case 'no-answer':
        return 'The terminal did not answer ENQ after 3 tries. Check the cable, that the terminal is on and in PC-download mode, and that the port and baud rate are right.';
      case 'terminal-gave-up':
        return `The terminal gave up sending its answer to ${what} (it sent EOT: our acknowledgements did not reach it). Check the cable, then read the terminal's state before repeating the step.`;
      case 'port-lost':
        return `The serial port went away during ${what} (cable pulled or device reset). Plug the cable back in, reopen the port, and read the terminal's state before repeating the step.`;
      case 'write-failed':
        return `Sending ${what} to the port failed. Check the cable and the port, reopen it, then try again.`;
      case 'closed':
        return `The link was closed during ${what}. Reopen the port to continue.`;
    }
  })();
  return detail === undefined ? base : `${base} (${detail})`;
}

function timeoutMessage(command: string, timeoutMs: number, reason: LinkTimeoutReason, interims: number): string {
  const stuck = `It may be stuck: look at its screen, restart it if nothing moves, then read its state (HELLO, GET_BATCH) before repeating the step.`;
  switch (reason) {
    case 't2':
      return `The terminal acknowledged ${command} but sent no answer within ${duration(timeoutMs)}. It may still be working: wait a moment, read its state (HELLO, GET_BATCH), then repeat the step if needed.`;
    case 'too-many-interims':
      return `The terminal answered "in progress" to ${command} ${interims} times without finishing, more than ${command} may take; EOT was sent. ${stuck}`;
    case 'over-budget':
      return `The terminal kept ${command} in progress for ${duration(timeoutMs)} (${interims} "in progress" answers) without finishing, longer than ${command} may take; EOT was sent. ${stuck}`;
  }
}

function duration(ms: number): string {
  if (ms >= 120_000) return `${Math.round(ms / 6000) / 10} min`;
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}

function refusalMessage(d: RefusalDetails): string {
  const rcHex = d.rc.toString(16).padStart(2, '0').toUpperCase();
  const extras = [
    d.offendingTag === undefined ? undefined : `offending tag ${d.offendingTag}`,
    d.hostResponseCode === undefined ? undefined : `host response code ${d.hostResponseCode}`,
    d.roundTripMs === undefined ? undefined : `host round trip ${d.roundTripMs} ms`,
    d.receivedSoFar === undefined ? undefined : `terminal has ${d.receivedSoFar} bytes staged`,
  ].filter((x): x is string => x !== undefined);
  return `The terminal refused ${d.command}: RC ${rcHex} ${d.meaning}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}. ${d.advice}`;
}
