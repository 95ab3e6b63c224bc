// A BytePort decorator that damages, drops or delays whole writes, to put faults on one direction
// of a line (the host link writes one frame or one control byte per write). Delays run on the
// line's clock.
import type { Scheduler } from '../../../../electron/main/platform/clock';
import type { BytePort } from '../../../../electron/main/terminal/port/byte-port';

/** What to do with one write: pass it (undefined), replace its bytes, drop it (bytes: null), or delay it. */
export type WriteFault = { bytes?: Uint8Array | null; delayMs?: number } | undefined;

/** Decides the fault of write number `index` (from 0). */
export type FaultPolicy = (bytes: Uint8Array, index: number) => WriteFault;

/** Wraps `port` so its writes pass through `policy`; order is kept even when a write is delayed. */
export function faultyPort(port: BytePort, policy: FaultPolicy, clock: Scheduler): BytePort & { writes: number } {
  let index = 0;
  let chain: Promise<void> = Promise.resolve();
  const wrapped = {
    path: port.path,
    writes: 0,
    write(bytes: Uint8Array): Promise<void> {
      const fault = policy(bytes, index++);
      wrapped.writes = index;
      const out = fault?.bytes === undefined ? bytes : fault.bytes;
      const delay = fault?.delayMs ?? 0;
      const run = async () => {
        if (delay > 0) await new Promise<void>((r) => clock.after(delay, r));
        if (out !== null && port.isOpen()) await port.write(out);
      };
      chain = chain.then(run, run);
      // A delayed write resolves at once, as if it sat in a slow cable; a dropped one vanishes.
      return delay > 0 ? Promise.resolve() : chain;
    },
    onData: (listener: (bytes: Uint8Array) => void) => port.onData(listener),
    onClose: (listener: Parameters<BytePort['onClose']>[0]) => port.onClose(listener),
    close: () => port.close(),
    isOpen: () => port.isOpen(),
  };
  return wrapped;
}

/** Flips one bit of byte `at` (default: the LRC, the last byte). */
export function corrupt(bytes: Uint8Array, at = bytes.length - 1): Uint8Array {
  const copy = bytes.slice();
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

/** True for a frame (starts with STX). */
export function isFrame(bytes: Uint8Array): boolean {
  return bytes.length > 1 && bytes[0] === 0x02;
}

/** True for the lone control byte `byte`. */
export function isControl(bytes: Uint8Array, byte: number): boolean {
  return bytes.length === 1 && bytes[0] === byte;
}
