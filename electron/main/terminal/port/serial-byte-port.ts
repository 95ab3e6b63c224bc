import { SerialPort } from 'serialport';
import type { BytePort, PortCloseReason, PortOpener } from './byte-port';
import { explainOpenError } from './serial-port-errors';

/** Opens a real serial port (or a pty path) through node-serialport, 8N1, no flow control. */
export const openSerialPort: PortOpener = (path, options) =>
  new Promise<BytePort>((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: options.baudRate, dataBits: 8, stopBits: 1, parity: 'none', autoOpen: false });
    port.open((error) => {
      if (error) reject(explainOpenError(path, error));
      else resolve(wrap(path, port));
    });
  });

function wrap(path: string, port: SerialPort): BytePort {
  let closedByUs = false;
  const closeListeners = new Set<(reason: PortCloseReason) => void>();
  port.on('close', (error?: Error & { disconnected?: boolean }) => {
    const reason: PortCloseReason = closedByUs
      ? { kind: 'closed-by-us' }
      : { kind: 'lost', message: error?.message ?? `${path} went away (cable pulled or device reset).` };
    for (const listener of closeListeners) listener(reason);
  });
  // Errors after open surface as a close; without a listener node would throw them.
  port.on('error', () => undefined);

  return {
    path,
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        // node-serialport queues writes on a closed port until it reopens; fail instead, so no caller waits forever.
        if (!port.isOpen) return reject(new Error(`${path} is closed.`));
        port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (error) => {
          if (error) reject(error);
          else port.drain((drainError) => (drainError ? reject(drainError) : resolve()));
        });
      }),
    onData(listener) {
      const handler = (chunk: Buffer) => listener(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      port.on('data', handler);
      return () => port.off('data', handler);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!port.isOpen) return resolve();
        closedByUs = true;
        port.close(() => resolve());
      }),
    isOpen: () => port.isOpen,
  };
}
