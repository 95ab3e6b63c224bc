// Reaching a terminal on a serial port (or a pty) by path: what the CLI and the app hand the
// engine. Every connect opens the path anew, so a USB terminal that re-enumerated after a reboot
// or a re-plug is found again at the same path.
import type { Clock } from '../../platform/clock';
import type { LinkTiming } from '../link/link-timing';
import type { PortOpener } from '../port/byte-port';
import { openSerialPort } from '../port/serial-byte-port';
import { RtpDriver } from './rtp-driver';
import type { TerminalAccess } from './terminal-access';

/** Options of a serial terminal. */
export interface SerialAccessOptions {
  baudRate: number;
  /** Link timers; PROTOCOL.md's by default. */
  timing?: LinkTiming;
  /** How to open the path; node-serialport by default. */
  openPort?: PortOpener;
  /** The link's clock; the process's by default. */
  clock?: Clock;
}

/** The terminal at `path`. */
export function serialTerminalAccess(path: string, options: SerialAccessOptions): TerminalAccess {
  const open = options.openPort ?? openSerialPort;
  return {
    path,
    async connect(log) {
      const port = await open(path, { baudRate: options.baudRate });
      const driver = new RtpDriver(port, { baudRate: options.baudRate, log, ...(options.timing === undefined ? {} : { timing: options.timing }), ...(options.clock === undefined ? {} : { clock: options.clock }) });
      return { driver, close: () => driver.close().catch(() => undefined) };
    },
  };
}
