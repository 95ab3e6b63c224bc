import type { BatchSummary, TerminalIdentity, TerminalParameters } from '../../../../shared/terminal/terminal-identity';
import type { BytePort } from '../port/byte-port';
import type { NewLinkLogEntry } from './link-log-buffer';

/** What the Terminal page needs from a connected terminal, whatever protocol driver is behind it. */
export interface TerminalSession {
  /** Identifies the terminal (RTP/1 HELLO). */
  identify(): Promise<TerminalIdentity>;
  /** Reads the open batch. */
  readBatch(): Promise<BatchSummary>;
  /** Reads every parameter and the digest of the canonical set. */
  readParams(): Promise<TerminalParameters>;
  /** Stops using the port (the port itself is closed by its owner). */
  close(): Promise<void>;
}

/** Options of a session. */
export interface SessionOptions {
  /** Cancels the ENQ handshake. */
  signal?: AbortSignal;
  /** The line's baud rate (serial ports; not the in-memory demo line): it bounds how long a frame may take to arrive. */
  baudRate?: number;
}

/** Opens a protocol session on a port (ENQ handshake included), logging every byte event. */
export type SessionFactory = (port: BytePort, log: (entry: NewLinkLogEntry) => void, options?: SessionOptions) => Promise<TerminalSession>;

/** Training switches of the demo terminal. */
export interface DemoControls {
  hostReachable?: boolean | undefined;
  locked?: boolean | undefined;
  addTransactions?: number | undefined;
}

/** The built-in demo terminal: a simulator served on one end of an in-memory line. */
export interface DemoTerminal {
  /** The host end, to open a session on. */
  port: BytePort;
  /** A fresh line to the same simulator (the old one is dropped), as a re-plugged cable would give. */
  replug(): BytePort;
  /** Flips the training switches. */
  control(controls: DemoControls): void;
  /** Stops the simulator and closes the line. */
  close(): Promise<void>;
}
