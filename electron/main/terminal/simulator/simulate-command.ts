// `rebind simulate`: a simulated terminal behind a pty pair, so any serial program (the console,
// `rebind info --port`, a terminal emulator) can open the host side like a real cable.
import { existsSync, lstatSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BytePort } from '../port/byte-port';
import { openSerialPort } from '../port/serial-byte-port';
import { createPtyPair } from '../pty/socat-pty-pair';
import type { PtyPair } from '../pty/socat-pty-pair';
import { createSimulator } from './simulator';
import type { SimulatorEvent } from './simulator-events';

/** Arguments of `rebind simulate`. */
export interface SimulateCommandArgs {
  /** Where the host side's symlink goes, e.g. /tmp/rebind-terminal. */
  link: string;
  /** State file; memory only when omitted. */
  state?: string;
  /** Line model baud rate; with latencyMs alone, 115200. No line model when both are omitted. */
  baud?: number;
  /** Turnaround before each transmission of the terminal; 0 when only baud is given. */
  latencyMs?: number;
  /** Fault spec (docs/simulator.md §5). */
  faults?: string;
}

/** Where the command writes its log lines. */
export interface SimulateCommandIo {
  log(line: string): void;
}

export interface RunningSimulation {
  /** Stops the simulator and removes the pty pair and its link. */
  stop(): Promise<void>;
}

/** Baud rate used for the line model when only --latency-ms is given. */
export const DEFAULT_CLI_BAUD = 115200;

/** After a disconnect fault, how long the "cable" stays unplugged before the link path comes back. */
export const REPLUG_DELAY_MS = 1000;

/** Starts a simulated terminal on a fresh pty pair whose host side is linked at `args.link`. */
export async function runSimulateCommand(args: SimulateCommandArgs, io: SimulateCommandIo): Promise<RunningSimulation> {
  checkArgs(args);
  const started = performance.now();
  const stamp = () => `${((performance.now() - started) / 1000).toFixed(3).padStart(8)}s`;
  const line = args.baud === undefined && args.latencyMs === undefined ? undefined : { baudRate: args.baud ?? DEFAULT_CLI_BAUD, turnaroundMs: args.latencyMs ?? 0 };

  let stopped = false;
  let pair: PtyPair | undefined;
  let port: BytePort | undefined;
  let replugging: Promise<void> | undefined;

  const simulator = createSimulator({
    ...(args.state === undefined ? {} : { statePath: args.state }),
    ...(line === undefined ? {} : { line }),
    ...(args.faults === undefined ? {} : { faults: args.faults }),
    onEvent: (event) => {
      io.log(`${stamp()} ${describeEvent(event)}`);
      // A disconnect unplugs the cable: the host side goes away too, then comes back at the same path.
      if (event.type === 'lifecycle' && event.what === 'port-lost' && !stopped && replugging === undefined) {
        replugging = replug().finally(() => (replugging = undefined));
      }
    },
  });

  const plug = async (): Promise<void> => {
    pair = await createPtyPair({ hostPath: args.link });
    port = await openSerialPort(pair.terminalPath, { baudRate: line?.baudRate ?? DEFAULT_CLI_BAUD });
    simulator.attach(port);
  };
  const unplug = async (): Promise<void> => {
    simulator.detach();
    await port?.close();
    await pair?.close();
    port = undefined;
    pair = undefined;
  };
  const replug = async (): Promise<void> => {
    await unplug();
    io.log(`${stamp()} cable unplugged; ${args.link} comes back in ${REPLUG_DELAY_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, REPLUG_DELAY_MS));
    if (stopped) return;
    try {
      await plug();
      io.log(`${stamp()} cable plugged in again at ${args.link}`);
    } catch (error) {
      io.log(`${stamp()} could not bring ${args.link} back: ${(error as Error).message}`);
    }
  };

  try {
    await plug();
  } catch (error) {
    await unplug().catch(() => undefined);
    await simulator.close();
    throw error;
  }
  const s = simulator.snapshot();
  io.log(`Simulated terminal ${s.vendor} ${s.model} SN ${s.serialNumber}, TID ${s.params['A001'] ?? '?'}, slot ${s.activeSlot} active.`);
  io.log(`Host side: ${args.link}  (open it as the terminal's serial port)`);
  io.log(`State: ${args.state ?? 'memory only (lost when this command ends)'}`);
  io.log(`Line: ${line === undefined ? 'no delays' : `${line.baudRate} baud, ${line.turnaroundMs} ms turnaround`}`);
  io.log(`Faults: ${args.faults === undefined || args.faults.trim() === '' ? 'none' : args.faults}`);

  return {
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await replugging;
      await simulator.close();
      await unplug();
    },
  };
}

/** One log line for an event. */
export function describeEvent(event: SimulatorEvent): string {
  return `${event.type.padEnd(9)} ${event.message}`;
}

function checkArgs(args: SimulateCommandArgs): void {
  if (args.link.trim() === '') throw new Error('--link needs a path for the host side, e.g. --link /tmp/rebind-terminal.');
  if (!existsSync(dirname(args.link))) throw new Error(`--link ${args.link}: the folder ${dirname(args.link)} does not exist.`);
  // socat replaces whatever is at the link path; only a leftover symlink may be replaced.
  if (existsSync(args.link) || isSymlink(args.link)) {
    if (!isSymlink(args.link)) throw new Error(`--link ${args.link} already exists and is not a symlink; choose another path so it is not overwritten.`);
  }
  if (args.baud !== undefined && (!Number.isInteger(args.baud) || args.baud < 50 || args.baud > 4_000_000)) {
    throw new Error(`--baud must be a whole number of bits per second from 50 to 4000000, got ${args.baud}.`);
  }
  if (args.latencyMs !== undefined && (!Number.isFinite(args.latencyMs) || args.latencyMs < 0 || args.latencyMs > 60_000)) {
    throw new Error(`--latency-ms must be from 0 to 60000, got ${args.latencyMs}.`);
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
