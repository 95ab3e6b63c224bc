import { Command, INTER_BYTE_TIMEOUT_MS, MAX_TRANSMISSIONS, QUIET_BEFORE_NAK_MS, T1_MS, T2_DEFAULT_MS, T2_LONG_MS } from '../../../../shared/rtp';

/** The link's timers (PROTOCOL.md §1-2). Both the host link and the simulator use them. */
export interface LinkTiming {
  /** Wait for ACK/NAK after sending a frame. */
  t1Ms: number;
  /** A frame whose bytes stop for longer than this is dropped. */
  interByteMs: number;
  /** After a LEN/ETX error, the receiver NAKs once the line has been quiet this long. */
  quietMs: number;
  /** Wait for the response after ACK, for most commands. */
  t2DefaultMs: number;
  /** Wait for the response of SETTLE, SIGN_ON and ECHO_TEST. */
  t2LongMs: number;
  /** Transmissions of one frame before EOT and a link failure. */
  maxTransmissions: number;
  /** How long one command may stay "in progress", per kind of command (commandBoundFor). */
  commandBounds: Readonly<Record<CommandKind, CommandBound>>;
}

/**
 * Kinds of command by how long the terminal may work on them: SETTLE uploads a batch to the
 * acquirer, SIGN_ON and ECHO_TEST wait for its host, everything else is the terminal's own work.
 */
export type CommandKind = 'settle' | 'host-test' | 'terminal';

/**
 * The bound on one command beyond T2. Each interim RC 7F restarts T2 (PROTOCOL.md §2), so without
 * these a terminal that answers "in progress" forever would hold the link forever.
 */
export interface CommandBound {
  /** Interim answers taken; the next one ends the command with LinkTimeout('too-many-interims'). */
  maxInterims: number;
  /** Time from the request's ACK to its final answer; past it, LinkTimeout('over-budget'). */
  budgetMs: number;
}

/** SETTLE: a full batch over a slow dial-up host can take minutes; ten is far beyond any real one. */
export const SETTLE_BUDGET_MS = 10 * 60_000;
/** SETTLE: one interim a second for the whole budget. */
export const SETTLE_MAX_INTERIMS = 600;
/** SIGN_ON and ECHO_TEST: the host's own retries included, five minutes. */
export const HOST_TEST_BUDGET_MS = 5 * 60_000;
/** SIGN_ON and ECHO_TEST: one interim a second for the whole budget. */
export const HOST_TEST_MAX_INTERIMS = 300;
/** HELLO, reads, staging, COMMIT, PRINT_TEST, REBOOT: the terminal's own work, never minutes. */
export const TERMINAL_COMMAND_BUDGET_MS = 30_000;
/** The terminal's own commands: a few interims at most (none is expected). */
export const TERMINAL_COMMAND_MAX_INTERIMS = 10;

/** The bounds named above, by kind. */
export const protocolCommandBounds: Readonly<Record<CommandKind, CommandBound>> = {
  settle: { maxInterims: SETTLE_MAX_INTERIMS, budgetMs: SETTLE_BUDGET_MS },
  'host-test': { maxInterims: HOST_TEST_MAX_INTERIMS, budgetMs: HOST_TEST_BUDGET_MS },
  terminal: { maxInterims: TERMINAL_COMMAND_MAX_INTERIMS, budgetMs: TERMINAL_COMMAND_BUDGET_MS },
};

/** The timers PROTOCOL.md prescribes. */
export const protocolTiming: LinkTiming = {
  t1Ms: T1_MS,
  interByteMs: INTER_BYTE_TIMEOUT_MS,
  quietMs: QUIET_BEFORE_NAK_MS,
  t2DefaultMs: T2_DEFAULT_MS,
  t2LongMs: T2_LONG_MS,
  maxTransmissions: MAX_TRANSMISSIONS,
  commandBounds: protocolCommandBounds,
};

/**
 * The protocol's timers divided by `factor`, for tests that exercise many timeouts. Some tests
 * must still use `protocolTiming` so the real values are covered.
 */
export function scaledTiming(factor: number): LinkTiming {
  return {
    ...protocolTiming,
    t1Ms: protocolTiming.t1Ms / factor,
    interByteMs: protocolTiming.interByteMs / factor,
    quietMs: protocolTiming.quietMs / factor,
    t2DefaultMs: protocolTiming.t2DefaultMs / factor,
    t2LongMs: protocolTiming.t2LongMs / factor,
    // Budgets shrink with the timers; interim counts stay, they are not times.
    commandBounds: {
      settle: scaledBound(protocolCommandBounds.settle, factor),
      'host-test': scaledBound(protocolCommandBounds['host-test'], factor),
      terminal: scaledBound(protocolCommandBounds.terminal, factor),
    },
  };
}

function scaledBound(bound: CommandBound, factor: number): CommandBound {
  return { maxInterims: bound.maxInterims, budgetMs: bound.budgetMs / factor };
}

/** The kind of `command` for its bounds. */
export function commandKindOf(command: number): CommandKind {
  if (command === Command.SETTLE) return 'settle';
  if (command === Command.SIGN_ON || command === Command.ECHO_TEST) return 'host-test';
  return 'terminal';
}

/** The interim and total-time bound of `command` under `timing`. */
export function commandBoundFor(timing: LinkTiming, command: number): CommandBound {
  return timing.commandBounds[commandKindOf(command)];
}

/** T2 for a command under `timing`: the long wait for SETTLE, SIGN_ON and ECHO_TEST, the default for the rest. */
export function responseTimeoutFor(timing: LinkTiming, command: number): number {
  return command === Command.SETTLE || command === Command.SIGN_ON || command === Command.ECHO_TEST ? timing.t2LongMs : timing.t2DefaultMs;
}

/** Milliseconds `byteCount` bytes take on a serial line at `baudRate`, 8N1 (10 bits per byte). */
export function wireTimeMs(byteCount: number, baudRate: number): number {
  return (byteCount * 10 * 1000) / baudRate;
}
