// How a caller reaches one terminal. Defined beside the driver, below the rebinding engine and
// the terminal service, so both can use it without the terminal layer importing the engine.
import type { LinkLogSink } from '../link/link-log';
import type { RtpDriver } from './rtp-driver';

/** An open line to a terminal: a driver over a freshly opened port. */
export interface TerminalConnection {
  readonly driver: RtpDriver;
  /** Closes the driver and its port; never throws. */
  close(): Promise<void>;
}

/** How to reach one terminal: its port path (for the journal) and a way to (re)open it. */
export interface TerminalAccess {
  /** The port path, e.g. /dev/ttyUSB0; recorded in the journal. */
  readonly path: string;
  /**
   * Opens the port and wraps it in a driver logging to `log` (it does not send ENQ). Called again
   * after every failure: a pulled cable, a rebooted terminal or a lost pty all start from a fresh port.
   */
  connect(log: LinkLogSink): Promise<TerminalConnection>;
}
