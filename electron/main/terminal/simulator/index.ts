// The terminal simulator: RTP/1's terminal side, byte for byte, with persistence, a line model and
// fault injection (docs/simulator.md). Runs in-process (demo terminal), on a pty (tests) and from
// the CLI (`rebind simulate`).
export { createSimulator } from './simulator';
export type { SimulatorOptions, SimulatorSnapshot, TerminalSimulator } from './simulator-types';
export { defaultSimulatorState } from './default-state';
export type {
  AcquirerHostInit,
  JournalRecord,
  JournalStatus,
  JournalType,
  SimulatorStateInit,
  SlotName,
  TerminalIdentityInit,
} from './terminal-state';
export type { BatchSummary } from './batch';
export type { PagingOptions } from './command-context';
export { FAULT_KINDS, NO_FAULTS } from './fault-plan';
export type { FaultKind, FaultPlan, FaultRule } from './fault-plan';
export { parseFaultSpec } from './fault-spec';
export { BITS_PER_BYTE, byteTimeMs, lineLimitMs, wireTimeMs } from './line-model';
export type { LineModel } from './line-model';
export { DEFAULT_PROCESSING_TIMES, INSTANT_PROCESSING_TIMES } from './processing-times';
export type { ProcessingTimes } from './processing-times';
export type { LifecycleChange, LinkHappening, SimulatorEvent, SimulatorEventListener } from './simulator-events';
export { readStateFile, STATE_FILE_FORMAT, STATE_FILE_VERSION } from './state-store';
export { LATE_ACK_FACTOR } from './terminal-link';
export { DISCONNECT_AFTER_ACK_MS, LATE_RESPONSE_EXTRA_T1 } from './simulated-terminal';
export { DEFAULT_CLI_BAUD, describeEvent, REPLUG_DELAY_MS, runSimulateCommand } from './simulate-command';
export type { RunningSimulation, SimulateCommandArgs, SimulateCommandIo } from './simulate-command';
