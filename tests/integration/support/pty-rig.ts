// The one pty rig of the tests: the simulator on the terminal side of a fresh socat pty pair,
// through the real serialport binding. Each test opens the host side its own way (a raw host,
// the driver, the CLI, the terminal service) on `pair.hostPath`.
import type { BytePort } from '../../../electron/main/terminal/port/byte-port';
import { openSerialPort } from '../../../electron/main/terminal/port/serial-byte-port';
import { createPtyPair, type PtyPair } from '../../../electron/main/terminal/pty/socat-pty-pair';
import { createSimulator, type SimulatorOptions, type TerminalSimulator } from '../../../electron/main/terminal/simulator';

export interface SimulatorOnPty {
  readonly pair: PtyPair;
  readonly sim: TerminalSimulator;
  readonly terminalPort: BytePort;
  /** Closes the simulator, its port and the pair, in that order. */
  close(): Promise<void>;
}

export interface PtyRigOptions {
  /** Baud rate of the terminal side's port (default 115200). */
  readonly baudRate?: number;
  /** Where the host side's link goes (default: a temp path). */
  readonly hostPath?: string;
}

export async function simulatorOnPty(simulator: SimulatorOptions = {}, options: PtyRigOptions = {}): Promise<SimulatorOnPty> {
  const pair = await createPtyPair(options.hostPath === undefined ? {} : { hostPath: options.hostPath });
  const terminalPort = await openSerialPort(pair.terminalPath, { baudRate: options.baudRate ?? 115200 }).catch(async (error: unknown) => {
    await pair.close();
    throw error;
  });
  const sim = createSimulator(simulator);
  sim.attach(terminalPort);
  return {
    pair,
    sim,
    terminalPort,
    async close() {
      try {
        await sim.close();
        await terminalPort.close();
      } finally {
        await pair.close();
      }
    },
  };
}
