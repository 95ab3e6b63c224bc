/** Why a port closed: we closed it, or it went away (cable pulled, device reset, pty peer gone). */
export type PortCloseReason = { kind: 'closed-by-us' } | { kind: 'lost'; message: string };

/**
 * A duplex byte stream to a terminal, after node-serialport's binding seam: a real serial port,
 * a pseudo-terminal, or an in-memory line. The link layer sees only this.
 */
export interface BytePort {
  /** The device path (or a name for in-memory ports). */
  readonly path: string;
  /** Queues bytes for the wire; resolves once the OS (or the peer) has taken them. */
  write(bytes: Uint8Array): Promise<void>;
  /** Listens to received bytes, in order; returns the removal. */
  onData(listener: (bytes: Uint8Array) => void): () => void;
  /** Listens for the port closing; returns the removal. */
  onClose(listener: (reason: PortCloseReason) => void): () => void;
  /** Closes the port; safe to call twice. */
  close(): Promise<void>;
  /** False once closed or lost. */
  isOpen(): boolean;
}

export interface PortOpenOptions {
  baudRate: number;
}

/** Opens a port by path (the real serialport binding in the app; a pty or memory line in tests). */
export type PortOpener = (path: string, options: PortOpenOptions) => Promise<BytePort>;
