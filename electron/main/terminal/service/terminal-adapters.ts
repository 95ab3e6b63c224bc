import { systemClock } from '../../platform/clock';
import type { Clock } from '../../platform/clock';
import { RtpDriver, toTerminalIdentity } from '../driver';
import { createMemoryPortPair } from '../port/memory-port';
import { createSimulator } from '../simulator';
import type { DemoTerminal, SessionFactory } from './terminal-session';

/** Options of the app's terminal adapters. */
export interface TerminalAdapterOptions {
  /** Where the demo terminal keeps its state, so it survives restarts like a real one. */
  demoStatePath: string;
  /** The demo terminal's line model; null for no delays (tests). */
  demoLine: { baudRate: number; turnaroundMs: number } | null;
  /** The clock of the driver's link and of the demo terminal; the process's by default. */
  clock?: Clock;
}

/** The RTP/1 driver behind the Terminal page, and the simulator as the demo terminal. */
export function createTerminalAdapters(options: TerminalAdapterOptions): { openSession: SessionFactory; startDemoTerminal: () => Promise<DemoTerminal> } {
  const clock = options.clock ?? systemClock;
  const openSession: SessionFactory = async (port, log, options = {}) => {
    const driver = new RtpDriver(port, { log: { append: log }, clock, ...(options.baudRate === undefined ? {} : { baudRate: options.baudRate }) });
    await driver.open(options.signal ? { signal: options.signal } : {});
    return {
      identify: async () => toTerminalIdentity(await driver.hello()),
      readBatch: () => driver.getBatch(),
      readParams: async () => {
        const readback = await driver.getParams();
        return { params: readback.params, digest: readback.digestHex };
      },
      close: () => driver.release(),
    };
  };

  const startDemoTerminal = async (): Promise<DemoTerminal> => {
    let pair = createMemoryPortPair('demo');
    const simulator = createSimulator({ statePath: options.demoStatePath, clock, ...(options.demoLine ? { line: options.demoLine } : {}) });
    simulator.attach(pair.terminal);
    return {
      port: pair.host,
      replug() {
        simulator.detach();
        void pair.host.close();
        pair = createMemoryPortPair('demo');
        simulator.attach(pair.terminal);
        return pair.host;
      },
      control(controls) {
        if (controls.hostReachable !== undefined) simulator.setHostReachable(controls.hostReachable);
        if (controls.locked !== undefined) simulator.setLocked(controls.locked);
        if (controls.addTransactions) simulator.addTransactions(controls.addTransactions);
      },
      close: async () => {
        await simulator.close();
        await pair.host.close();
      },
    };
  };

  return { openSession, startDemoTerminal };
}

