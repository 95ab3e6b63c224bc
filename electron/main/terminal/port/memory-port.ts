import type { Scheduler } from '../../platform/clock';
import type { BytePort, PortCloseReason } from './byte-port';

/** Two connected in-memory ports: bytes written on one arrive, in order and asynchronously, at the other. */
export interface MemoryPortPair {
  host: BytePort;
  terminal: BytePort;
  /** Simulates a pulled cable: both ends report `lost`. */
  unplug(): void;
}

class MemoryPort implements BytePort {
  peer: MemoryPort | null = null;
  private open = true;
  private readonly dataListeners = new Set<(bytes: Uint8Array) => void>();
  private readonly closeListeners = new Set<(reason: PortCloseReason) => void>();

  constructor(
    readonly path: string,
    private readonly later: (fn: () => void) => void,
  ) {}

  write(bytes: Uint8Array): Promise<void> {
    if (!this.open) return Promise.reject(new Error(`${this.path} is closed.`));
    const copy = bytes.slice();
    const peer = this.peer;
    // Delivered on a later turn, like a real port: a writer never sees its own reply synchronously.
    this.later(() => peer?.deliver(copy));
    return Promise.resolve();
  }

  deliver(bytes: Uint8Array): void {
    if (!this.open) return;
    for (const listener of this.dataListeners) listener(bytes);
  }

  onData(listener: (bytes: Uint8Array) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (reason: PortCloseReason) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  end(reason: PortCloseReason): void {
    if (!this.open) return;
    this.open = false;
    for (const listener of this.closeListeners) listener(reason);
  }

  async close(): Promise<void> {
    this.end({ kind: 'closed-by-us' });
    this.peer?.end({ kind: 'lost', message: 'The other end closed the line.' });
  }

  isOpen(): boolean {
    return this.open;
  }
}

/**
 * Creates a connected pair of in-memory ports (the first-class mock of the binding seam). Bytes
 * cross on the next turn of the event loop, or through `scheduler` when given (a simulated clock,
 * so delivery takes its place among the clock's timers).
 */
export function createMemoryPortPair(name = 'memory', scheduler?: Scheduler): MemoryPortPair {
  const later = scheduler === undefined ? (fn: () => void) => void setImmediate(fn) : (fn: () => void) => void scheduler.after(0, fn);
  const host = new MemoryPort(`${name}:host`, later);
  const terminal = new MemoryPort(`${name}:terminal`, later);
  host.peer = terminal;
  terminal.peer = host;
  return {
    host,
    terminal,
    unplug() {
      host.end({ kind: 'lost', message: 'The cable was unplugged.' });
      terminal.end({ kind: 'lost', message: 'The cable was unplugged.' });
    },
  };
}
