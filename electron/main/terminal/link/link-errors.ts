// Typed failures of the RTP/1 link and driver. Each carries a reason code with its parameters
// (shared/terminal/link-reasons-en.ts) that says what happened and what to do next, in the
// engineer's language on the On-site page and in English in the CLI and the logs (DESIGN.md §5).
import { reason, type Reason } from '../../../../shared/errors/reason';
import type { MainReason } from '../../../../shared/errors/reasons-en';
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

  protected constructor(code: AppError['code'], why: MainReason, command: string | undefined) {
    super(code, why);
    this.command = command;
  }
}

/** The line failed: no ACK after every transmission (EOT sent), no answer to ENQ, or the port was lost. */
export class LinkFailure extends LinkError {
  override readonly kind = 'link-failure';
  readonly reason: LinkFailureReason;

  /** Builds the failure; `detail` is appended to the standard advice. */
  constructor(reason: LinkFailureReason, command: string | undefined, detail?: string) {
    super('terminal-link', failureReason(reason, command, detail), command);
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
    super('terminal-link', timeoutReason(command, timeoutMs, reason, interims), command);
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
  /** What to do next, in a sentence (the reason's English). */
  advice: string;
  /** What to do next, as a reason (refusal.ts, adviceFor). */
  adviceReason?: MainReason;
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
    super('terminal-refused', refusalReason(details), details.command);
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
    super('cancelled', reason('link-cancelled', { command: command ?? reason('the-terminal-operation') }), command);
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
    super('terminal-link', reason('link-protocol-violation', { command, problem }), command);
    this.name = 'TerminalProtocolError';
    this.tag = tag;
  }
}

/** True for any typed link or driver error. */
export function isLinkError(error: unknown): error is LinkError {
  return error instanceof LinkError;
}

function failureReason(why: LinkFailureReason, command: string | undefined, detail: string | undefined): MainReason {
  const what = command ?? reason('the-request');
  const base: MainReason = why === 'no-answer' ? reason('link-no-answer') : reason(`link-${why}`, { command: what });
  return detail === undefined ? base : reason('with-detail', { text: base, detail });
}

function timeoutReason(command: string, timeoutMs: number, why: LinkTimeoutReason, interims: number): MainReason {
  return reason(`link-timeout-${why}`, { command, duration: duration(timeoutMs), interims });
}

function duration(ms: number): string {
  if (ms >= 120_000) return `${Math.round(ms / 6000) / 10} min`;
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}

function refusalReason(d: RefusalDetails): MainReason {
  const rcHex = d.rc.toString(16).padStart(2, '0').toUpperCase();
  const extras = [
    d.offendingTag === undefined ? undefined : reason('refused-offending-tag', { tag: d.offendingTag }),
    d.hostResponseCode === undefined ? undefined : reason('refused-host-response-code', { code: d.hostResponseCode }),
    d.roundTripMs === undefined ? undefined : reason('refused-host-round-trip', { ms: d.roundTripMs }),
    d.receivedSoFar === undefined ? undefined : reason('refused-staged-bytes', { bytes: d.receivedSoFar }),
  ].filter((x) => x !== undefined) as Reason[];
  return reason('terminal-refused', {
    command: d.command,
    rc: rcHex,
    meaning: meaningReason(d.rc),
    extras: extras.length === 0 ? '' : reason('refused-extras', { list: listReason(extras) }),
    advice: d.adviceReason ?? d.advice,
  });
}

const definedRcs = new Set(['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '0A', '7F']);

function meaningReason(rc: number): Reason {
  const hex = rc.toString(16).padStart(2, '0').toUpperCase();
  return reason(definedRcs.has(hex) ? `rc-meaning-${hex}` : 'rc-meaning-undefined');
}

function listReason(items: Reason[]): Reason {
  if (items.length === 1) return items[0]!;
  const names = ['a', 'b', 'c', 'd'];
  return reason(`list-${items.length}`, Object.fromEntries(items.map((item, i) => [names[i]!, item])));
}
