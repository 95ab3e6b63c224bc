// What the rebinding engine is built from and what its callers hand it. The engine knows nothing
// of Electron: the app, the CLI and the tests supply a database connection, a way to reach the
// terminal, a clock and the operator's name.
import type Database from 'better-sqlite3';
import type { RebindEventListener } from '../../../shared/rebind/rebind-events';
import type { WorkOrder } from '../../../shared/rebind/work-order';
import type { FieldEncryption } from '../crypto/field-encryption';
import type { Clock } from '../platform/clock';
import type { TerminalAccess } from '../terminal/driver/terminal-access';
import type { LinkLogSink } from '../terminal/link/link-log';
import type { LeasePolicy, OperationOwner } from './operation-owner';

// Defined beside the driver so the terminal service can hand one out without importing the engine.
export type { TerminalAccess, TerminalConnection } from '../terminal/driver/terminal-access';

/**
 * Time as the engine sees it: the journal's and audit's wall time, step durations and deadlines,
 * the pause between reconnections. Tests may slow or speed it; the terminal's own timers (T1, T2)
 * run on the link's clock (RtpLinkOptions.clock).
 */
export type RebindClock = Pick<Clock, 'now' | 'monoMs' | 'sleep'>;

/** How hard the engine tries before it gives up. */
export interface RebindPolicy {
  /** After a failure, how long to keep trying to reach the terminal (reopen, ENQ, HELLO). Covers a reboot (a few seconds) and a USB re-plug. */
  reconnectWithinMs: number;
  /** Pause between reconnection attempts. */
  retryIntervalMs: number;
  /** Forward attempts per session before a failure before COMMIT ends in a restore instead of a retry. */
  maxAttempts: number;
  /** Settle rounds before COMMIT when sales keep arriving, before giving up. */
  maxSettleRounds: number;
}

/** The policy for real terminals: 30 s to come back (REBOOT downtime, re-plug), 3 attempts. */
export const defaultRebindPolicy: Readonly<RebindPolicy> = {
  reconnectWithinMs: 30_000,
  retryIntervalMs: 500,
  maxAttempts: 3,
  maxSettleRounds: 3,
};

export interface RebindEngineDeps {
  /** The app database (migrated to 0003 or later). */
  connection: () => Database.Database;
  /** The field encryption of that database (the app's keyring, or the CLI's): the journal keeps key indexes and check values encrypted. */
  encryption: Pick<FieldEncryption, 'encrypt' | 'decrypt'>;
  clock?: Partial<RebindClock>;
  policy?: Partial<RebindPolicy>;
  /** Whose operations this engine runs; this process by default (tests give two engines two owners). */
  owner?: OperationOwner;
  /** Lease length and renewal interval (operation-owner.ts). */
  lease?: Partial<LeasePolicy>;
  /** Runs `renew` every `ms` until the returned function is called; an unref'd setInterval by default. */
  every?: (ms: number, renew: () => void) => () => void;
}

/** A new rebind. */
export interface RunRequest {
  terminal: TerminalAccess;
  /** The new bank's parameter set, tags to values (checked again here, PROTOCOL.md §4). */
  params: Readonly<Record<string, string>>;
  workOrder: WorkOrder;
  /** The desk case the rebind is for, stored by id in the journal. */
  caseId?: string | undefined;
  /** The operator's username ("cli" for the command line); every journal write is audited under it. */
  actor: string;
  onEvent?: RebindEventListener;
  /** Also receives every link line of the session, as it is written (the CLI's --log file). */
  linkLog?: LinkLogSink;
  /** Cancels at the next safe point: before COMMIT the stage is dropped (restored, or refused at identify); after it, ROLLBACK and read-back. */
  signal?: AbortSignal;
}

/** Finishing or undoing an interrupted rebind. */
export interface RecoverRequest {
  terminal: TerminalAccess;
  /** `resume` finishes the rebind (and restores if a check fails); `restore` goes back to the old set. */
  mode: 'resume' | 'restore';
  actor: string;
  /** Recover this operation; by default the open operation of the terminal that answers. */
  operationId?: number;
  onEvent?: RebindEventListener;
  /** Also receives every link line of the session, as it is written (the CLI's --log file). */
  linkLog?: LinkLogSink;
  /** Cancels a resume at the next safe point, which then undoes the rebind (a restore is never cancelled: it is the way back). */
  signal?: AbortSignal;
}
