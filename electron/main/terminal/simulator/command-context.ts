// What a command handler sees of the terminal: the request, the state, the stage, the clock, and
// the two things a long command can do mid-way (send progress, hit a fault checkpoint).
import type { RtpRequest, Tlv } from '../../../../shared/rtp';
import type { ProcessingTimes } from './processing-times';
import type { EmitEvent } from './simulator-events';
import type { Stage } from './stage';
import type { SimulatorStateInit } from './terminal-state';

/** Items per page of the paged reads; undefined fills pages up to maxBody. */
export interface PagingOptions {
  /** Parameter TLVs per GET_PARAMS page (docs/protocol.md vectors use 8). */
  paramsPerPage?: number;
  /** Journal records per EXPORT_JOURNAL page (docs/protocol.md vectors use 2). */
  recordsPerPage?: number;
}

/** The terminal as every command sees it, whatever the request. */
export interface CommandServices {
  /** The current persistent state. */
  state(): SimulatorStateInit;
  /** Saves and adopts a new state; false when storage failed (answer RC 09). */
  persist(next: SimulatorStateInit): boolean;
  /** The open stage (RAM). */
  getStage(): Stage | undefined;
  /** Opens, replaces or drops the stage. */
  setStage(stage: Stage | undefined): void;
  readonly times: ProcessingTimes;
  /** Page sizes. */
  readonly paging: PagingOptions;
  /** Waits `ms`; false when a reboot or power loss cut the command off (return undefined then). */
  sleep(ms: number): Promise<boolean>;
  /** Sends an interim response (RC 7F, F010 = percent) and waits for the host's ACK; false when cut off. */
  interim(request: RtpRequest, percent: number): Promise<boolean>;
  /** The mid-command fault point for reboot and power-loss faults; false when one struck (return undefined). */
  checkpoint(cmd: number): boolean;
  readonly emit: EmitEvent;
  /** Local time for new journal records. */
  now(): Date;
}

/** One command's context: the services plus the request it runs. */
export interface CommandContext extends CommandServices {
  readonly request: RtpRequest;
}

/** A final answer: result code and response TLVs. */
export interface CommandResult {
  readonly rc: number;
  readonly tlvs: readonly Tlv[];
}

/** Runs a command; undefined when a reboot or power loss cut it off (nothing is sent). */
export type CommandHandler = (ctx: CommandContext) => Promise<CommandResult | undefined>;

/** A handler and whether it keeps its own time and fault checkpoint (else the executor does both). */
export interface CommandEntry {
  readonly run: CommandHandler;
  /** True: the handler sleeps its own processing time and calls checkpoint() itself, mid-way. */
  readonly ownsTiming?: boolean;
}

/** Shorthand for an answer. */
export function answer(rc: number, tlvs: readonly Tlv[] = []): CommandResult {
  return { rc, tlvs };
}
