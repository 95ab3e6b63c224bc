// The public shapes of the terminal simulator (index.ts re-exports them).
import type { Clock } from '../../platform/clock';
import type { BytePort } from '../port/byte-port';
import type { LinkTiming } from '../link/link-timing';
import type { BatchSummary } from './batch';
import type { PagingOptions } from './command-context';
import type { FaultPlan } from './fault-plan';
import type { LineModel } from './line-model';
import type { ProcessingTimes } from './processing-times';
import type { SimulatorEventListener } from './simulator-events';
import type { SimulatorStateInit, SlotName } from './terminal-state';

/** How to build a simulator. Every field is optional. */
export interface SimulatorOptions {
  /** JSON state file; created from initialState when missing, and then it wins over initialState. Written atomically. Memory only when omitted. */
  statePath?: string;
  /** Overrides of the demo state (defaultSimulatorState); identity and host merge field by field. */
  initialState?: Partial<SimulatorStateInit>;
  /** The cable: baud rate (10 bits a byte) and turnaround before each transmission. Omitted: no delays at all. */
  line?: LineModel;
  /** Faults to inject: a plan, or its text form (parseFaultSpec). */
  faults?: FaultPlan | string;
  /** Link timers; protocolTiming when omitted. */
  timing?: Partial<LinkTiming>;
  /** Processing times and reboot downtime; DEFAULT_PROCESSING_TIMES when omitted. */
  processing?: Partial<ProcessingTimes>;
  /** Fixed page sizes for GET_PARAMS and EXPORT_JOURNAL; pages fill up to maxBody when omitted. */
  paging?: PagingOptions;
  /** Receives every injected fault and notable link, command and power event. */
  onEvent?: SimulatorEventListener;
  /** Where every delay, timer and event time comes from; the process's clock by default (tests give a simulated one). */
  clock?: Clock;
}

/** What the terminal looks like right now, for tests and the demo UI. */
export interface SimulatorSnapshot {
  readonly vendor: string;
  readonly model: string;
  readonly serialNumber: string;
  readonly firmware: string;
  readonly maxBody: number;
  readonly activeSlot: SlotName;
  /** SHA-256 of the active canonical set, lower-case hex. */
  readonly activeDigestHex: string;
  readonly previousSlotPresent: boolean;
  readonly locked: boolean;
  readonly hostReachable: boolean;
  readonly batch: BatchSummary;
  /** Bytes received by the open stage; undefined without one. */
  readonly stagedBytes: number | undefined;
  /** Length BEGIN_STAGE announced; undefined without a stage. */
  readonly stageLength: number | undefined;
  /** The open stage passed VERIFY. */
  readonly stageVerified: boolean;
  /** The active slot's parameters plus A009 STAN and A00A batch number. */
  readonly params: Readonly<Record<string, string>>;
  /** False while rebooting or after a power loss, until the downtime is over. */
  readonly up: boolean;
  /** A port is attached. */
  readonly attached: boolean;
  readonly statePath: string | undefined;
}

/** A simulated RTP/1 terminal. */
export interface TerminalSimulator {
  /** Serves this port (a memory pair end, or openSerialPort on a pty); detaches any previous one. */
  attach(port: BytePort): void;
  /** Stops serving the port (does not close it); the terminal keeps running, RAM included. */
  detach(): void;
  /** The terminal's current state. */
  snapshot(): SimulatorSnapshot;
  /** Makes the acquirer's host reachable or not (SETTLE, SIGN_ON, ECHO_TEST answer 08 when not). */
  setHostReachable(reachable: boolean): void;
  /** Locks or unlocks the terminal (staging commands answer 0A while locked). */
  setLocked(locked: boolean): void;
  /** Adds `n` approved sales to the open batch, each with the next STAN. */
  addTransactions(n: number): void;
  /** Cuts the power: loses RAM (stage, duplicate memory, anything in flight), reloads the saved state, stays silent for the reboot downtime. */
  powerLoss(): void;
  /** Stops everything (timers, port listening); the port itself stays open. */
  close(): Promise<void>;
}
