// Reaching the terminal, again and again if need be: open the port, ENQ, HELLO. After a failure
// the engine never trusts the old connection; it opens a fresh one and asks the terminal.
import { reason } from '../../../shared/errors/reason';
import { inEnglish, type MainReason } from '../../../shared/errors/reasons-en';
import { reasonOfError } from '../app-error';
import type { HelloIdentity } from '../terminal/driver/terminal-identity';
import type { LinkLogSink } from '../terminal/link/link-log';
import type { RebindClock, TerminalAccess, TerminalConnection } from './engine-types';

/** A connection with the identity its HELLO returned. */
export interface ConnectedTerminal {
  connection: TerminalConnection;
  identity: HelloIdentity;
}

/** Opens the port and says ENQ; closes the port again when nobody answers. */
export async function openLine(access: TerminalAccess, log: LinkLogSink): Promise<TerminalConnection> {
  const connection = await access.connect(log);
  try {
    await connection.driver.open();
    return connection;
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/** Thrown when the terminal could not be reached in time; `last` is the last attempt's error. */
export class TerminalUnreachable extends Error {
  /** The same as a reason, for the outcome and the On-site page. */
  readonly why: MainReason;

  constructor(
    readonly attempts: number,
    readonly withinMs: number,
    readonly last: unknown,
  ) {
    const why = reason('terminal-unreachable-within', { seconds: Math.round(withinMs / 1000), attempts, last: reasonOfError(last) });
    super(inEnglish(why));
    this.why = why;
    this.name = 'TerminalUnreachable';
  }
}

/** Thrown when the port itself cannot be opened (wrong path, no permission): retrying the line will not help. */
export class PortOpenFailed extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'PortOpenFailed';
  }
}

/**
 * Open, ENQ and HELLO until it works or `withinMs` has passed: the port may be gone for a moment (a USB
 * terminal re-enumerating), the terminal may be deaf while it restarts, or busy finishing a command.
 * With `failFastOnOpen`, a port that cannot be opened at the first attempt throws PortOpenFailed at
 * once (a typed path that does not exist should not make the engineer wait).
 */
export async function connectWithRetry(
  access: TerminalAccess,
  log: LinkLogSink,
  clock: RebindClock,
  withinMs: number,
  intervalMs: number,
  failFastOnOpen = false,
): Promise<ConnectedTerminal> {
  const deadline = clock.monoMs() + withinMs;
  let attempts = 0;
  let last: unknown;
  for (;;) {
    attempts++;
    let connection: TerminalConnection | undefined;
    try {
      connection = await access.connect(log);
    } catch (error) {
      if (failFastOnOpen && attempts === 1) throw new PortOpenFailed(error);
      last = error;
    }
    if (connection !== undefined) {
      try {
        await connection.driver.open();
        return { connection, identity: await connection.driver.hello() };
      } catch (error) {
        last = error;
        await connection.close();
      }
    }
    if (clock.monoMs() + intervalMs > deadline) throw new TerminalUnreachable(attempts, withinMs, last);
    await clock.sleep(intervalMs);
  }
}
