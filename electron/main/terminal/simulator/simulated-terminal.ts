// The simulated terminal: persistent state plus RAM (stage, duplicate memory, the request in
// progress), the duplicate-suppression rule of PROTOCOL.md §2, power cycles, and the port it
// serves. Commands run in request-executor.ts; the link layer is terminal-link.ts.
import { bytesEqual, bytesToHex } from '../../../../shared/bytes';
import { byteTlv, Command, commandName, encodeResponse, ResultCode, resultCodeMeaning, Tag } from '../../../../shared/rtp';
import type { RtpRequest } from '../../../../shared/rtp';
import type { Clock } from '../../platform/clock';
import type { BytePort, PortCloseReason } from '../port/byte-port';
import { responseTimeoutFor } from '../link/link-timing';
import type { LinkTiming } from '../link/link-timing';
import { batchSummary, withSales } from './batch';
import type { CommandServices, PagingOptions } from './command-context';
import { faultTarget } from './fault-injector';
import type { FaultInjector } from './fault-injector';
import type { LineModel } from './line-model';
import type { ProcessingTimes } from './processing-times';
import { executeRequest } from './request-executor';
import type { SendOutcome } from './response-sender';
import type { EmitEvent } from './simulator-events';
import type { SimulatorSnapshot, TerminalSimulator } from './simulator-types';
import type { Stage } from './stage';
import type { StateStore } from './state-store';
import { TerminalLink } from './terminal-link';
import { TimerGroup } from './timer-group';
import { activeDigest, reportedParams } from './terminal-state';
import type { SimulatorStateInit } from './terminal-state';

/** How much later than T2 a late-response fault answers, as a fraction of T1. */
export const LATE_RESPONSE_EXTRA_T1 = 0.25;

/** How long after its ACK a disconnect fault pulls the cable. */
export const DISCONNECT_AFTER_ACK_MS = 10;

/** Everything a simulated terminal is built from (simulator.ts resolves the options). */
export interface SimulatedTerminalParts {
  readonly store: StateStore;
  readonly line: LineModel | undefined;
  readonly timing: LinkTiming;
  readonly times: ProcessingTimes;
  readonly paging: PagingOptions;
  readonly faults: FaultInjector;
  readonly emit: EmitEvent;
  readonly clock: Clock;
}

/** The last executed request and its final response, replayed for a duplicate. */
interface DuplicateMemory {
  readonly request: Uint8Array;
  readonly response: Uint8Array;
}

/** A terminal implementing RTP/1's terminal side. */
export class SimulatedTerminal implements TerminalSimulator {
  private state: SimulatorStateInit;
  private stage: Stage | undefined;
  private memory: DuplicateMemory | undefined;
  private inProgress: Uint8Array | undefined;
  /** Bumped by every power cycle: work started in an older epoch stops at its next step. */
  private epoch = 0;
  private down = false;
  private closed = false;
  private link: TerminalLink | undefined;
  /** Processing steps, late answers and the reboot downtime: all cut off by a power cycle. */
  private readonly timers: TimerGroup;
  private readonly services: CommandServices;

  /** Loads the saved state; the terminal starts up (not rebooting) and unattached. */
  constructor(private readonly parts: SimulatedTerminalParts) {
    this.state = parts.store.load();
    this.timers = new TimerGroup(parts.clock);
    this.services = {
      state: () => this.state,
      persist: (next) => this.persist(next),
      getStage: () => this.stage,
      setStage: (stage) => {
        this.stage = stage;
      },
      times: parts.times,
      paging: parts.paging,
      sleep: (ms) => this.timers.sleep(ms),
      interim: (request, percent) => this.interim(request, percent),
      checkpoint: (cmd) => this.checkpoint(cmd),
      emit: parts.emit,
      now: () => parts.clock.now(),
    };
  }

  attach(port: BytePort): void {
    if (this.closed) throw new Error('This simulator was closed; create a new one.');
    this.detachLink();
    const { line, timing, faults, emit, clock } = this.parts;
    this.link = new TerminalLink(port, { line, timing, faults, emit, clock, maxBody: this.state.identity.maxBody }, {
      onRequest: (body, acked) => this.onRequest(body, acked),
      isDown: () => this.down,
      onPortClosed: (reason) => this.onPortClosed(port, reason),
    });
    emit({ type: 'lifecycle', what: 'attached', message: `Serving ${port.path}.` });
  }

  detach(): void {
    if (this.detachLink()) this.parts.emit({ type: 'lifecycle', what: 'detached', message: 'Port detached.' });
  }

  snapshot(): SimulatorSnapshot {
    const s = this.state;
    return {
      vendor: s.identity.vendor,
      model: s.identity.model,
      serialNumber: s.identity.serialNumber,
      firmware: s.identity.firmware,
      maxBody: s.identity.maxBody,
      activeSlot: s.activeSlot,
      activeDigestHex: bytesToHex(activeDigest(s)),
      previousSlotPresent: s.previousPresent,
      locked: s.locked,
      hostReachable: s.host.reachable,
      batch: batchSummary(s),
      stagedBytes: this.stage?.received,
      stageLength: this.stage?.length,
      stageVerified: this.stage?.verified !== undefined,
      params: reportedParams(s),
      up: !this.down,
      attached: this.link !== undefined,
      statePath: this.parts.store.path,
    };
  }

  setHostReachable(reachable: boolean): void {
    this.save({ ...this.state, host: { ...this.state.host, reachable } });
  }

  setLocked(locked: boolean): void {
    this.save({ ...this.state, locked });
  }

  addTransactions(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > 10_000) throw new Error(`addTransactions takes a whole number from 0 to 10000, got ${n}.`);
    this.save(withSales(this.state, n, new Date()));
  }

  powerLoss(): void {
    this.restart('power-loss', 'Power lost');
  }

  async close(): Promise<void> {
    this.closed = true;
    this.epoch++;
    this.detachLink();
    this.timers.cancelAll();
  }

  /** A good request frame arrived and is being ACKed. */
  private onRequest(body: Uint8Array, acked: Promise<boolean>): void {
    const epoch = this.epoch;
    const cmd = body.length >= 2 ? body[1] : undefined;
    const { emit } = this.parts;
    if (this.inProgress !== undefined && bytesEqual(body, this.inProgress)) {
      emit({ type: 'link', what: 'duplicate-in-progress', message: `Duplicate of ${faultTarget(cmd)} still running: ACKed, the answer follows when it is done.` });
      return;
    }
    const memory = this.memory;
    if (memory !== undefined && bytesEqual(body, memory.request)) {
      emit({ type: 'link', what: 'duplicate-replayed', message: `Duplicate of the last ${faultTarget(cmd)}: stored response sent again, not executed.` });
      void acked.then((ok) => {
        if (ok && epoch === this.epoch) void this.respond(memory.response, cmd);
      });
      return;
    }
    if (this.inProgress !== undefined) {
      emit({ type: 'link', what: 'busy', message: `${faultTarget(cmd)} arrived while another command runs: RC 07 busy.` });
      const busy = encodeResponse({ seq: body[0] ?? 0, cmd: cmd ?? 0, rc: ResultCode.BUSY, tlvs: [] });
      void acked.then((ok) => {
        if (ok && epoch === this.epoch) void this.respond(busy, cmd);
      });
      return;
    }
    this.inProgress = body.slice();
    void this.run(this.inProgress, cmd, acked, epoch);
  }

  /** Executes a new request after its ACK, stores its final response, and sends it. */
  private async run(body: Uint8Array, cmd: number | undefined, acked: Promise<boolean>, epoch: number): Promise<void> {
    try {
      await this.execute(body, cmd, acked, epoch);
    } finally {
      // Whatever ended it (a detach before the ACK left, a fault, a close), it is not running any more.
      if (this.inProgress === body) this.inProgress = undefined;
    }
  }

  private async execute(body: Uint8Array, cmd: number | undefined, acked: Promise<boolean>, epoch: number): Promise<void> {
    const { emit, faults, timing } = this.parts;
    const current = () => epoch === this.epoch;
    // An ACK that never left (the port was detached or the terminal restarted) means the request was never taken.
    if (!(await acked) || !current()) return;
    if (faults.take('disconnect', cmd)) {
      emit({ type: 'fault', fault: 'disconnect', command: faultTarget(cmd), message: `Fault: line disconnected after ACKing ${faultTarget(cmd)}.` });
      this.inProgress = undefined;
      // A moment after the ACK, so the ACK itself still reaches the host.
      if (!(await this.timers.sleep(DISCONNECT_AFTER_ACK_MS)) || !current()) return;
      await this.link?.port.close();
      return;
    }
    const executed = await executeRequest(body, this.services);
    if (executed === undefined || !current()) return;
    if (faults.take('late-response', cmd)) {
      const delay = responseTimeoutFor(timing, executed.cmd) + timing.t1Ms * LATE_RESPONSE_EXTRA_T1;
      emit({ type: 'fault', fault: 'late-response', command: faultTarget(cmd), message: `Fault: response to ${faultTarget(cmd)} held back ${Math.round(delay)} ms (past T2).` });
      if (!(await this.timers.sleep(delay)) || !current()) return;
    }
    const rebooting = executed.cmd === Command.REBOOT && executed.rc === ResultCode.OK;
    // REBOOT clears the duplicate memory; every other answer, error RCs included, counts as executed.
    this.memory = rebooting ? undefined : { request: body, response: executed.response };
    this.inProgress = undefined;
    const rc = executed.rc;
    emit({
      type: 'command',
      command: commandName(executed.cmd),
      seq: executed.seq,
      rc,
      message: `${commandName(executed.cmd)} seq=${executed.seq} → RC ${rc.toString(16).padStart(2, '0').toUpperCase()} ${resultCodeMeaning(rc)}${executed.detail === '' ? '' : ` (${executed.detail})`}`,
    });
    await this.respond(executed.response, cmd);
    if (rebooting && current()) this.restart('rebooting', 'REBOOT');
  }

  private respond(response: Uint8Array, cmd: number | undefined): Promise<SendOutcome> {
    return this.link === undefined ? Promise.resolve('cancelled') : this.link.sendResponse(response, cmd);
  }

  private async interim(request: RtpRequest, percent: number): Promise<boolean> {
    const epoch = this.epoch;
    const body = encodeResponse({ seq: request.seq, cmd: request.cmd, rc: ResultCode.IN_PROGRESS, tlvs: [byteTlv(Tag.F010, percent)] });
    await this.respond(body, request.cmd);
    return epoch === this.epoch;
  }

  /** The mid-command fault point: a power-loss or reboot fault restarts the terminal here. */
  private checkpoint(cmd: number): boolean {
    const { faults, emit } = this.parts;
    const target = faultTarget(cmd);
    if (faults.take('power-loss', cmd)) {
      emit({ type: 'fault', fault: 'power-loss', command: target, message: `Fault: power lost during ${target}, before the slot flip.` });
      this.restart('power-loss', `Power lost during ${target}`);
      return false;
    }
    if (faults.take('reboot', cmd)) {
      emit({ type: 'fault', fault: 'reboot', command: target, message: `Fault: terminal rebooted in the middle of ${target}.` });
      this.restart('rebooting', `Rebooted during ${target}`);
      return false;
    }
    return true;
  }

  /** Reboot or power loss: RAM is gone, the saved state comes back, and the terminal is deaf for the downtime. */
  private restart(what: 'rebooting' | 'power-loss', why: string): void {
    if (this.closed) return;
    this.epoch++;
    this.timers.cancelAll();
    this.link?.reset();
    this.stage = undefined;
    this.memory = undefined;
    this.inProgress = undefined;
    this.state = this.parts.store.load();
    this.down = true;
    const downtime = this.parts.times.rebootMs;
    this.parts.emit({ type: 'lifecycle', what, message: `${why}: stage and duplicate memory lost; silent for ${downtime} ms.` });
    this.timers.after(downtime, () => {
      this.down = false;
      this.link?.reset();
      this.parts.emit({ type: 'lifecycle', what: 'up', message: `Terminal up again (slot ${this.state.activeSlot} active).` });
    });
  }

  /** Saves for a command; false (RC 09) when storage fails, leaving the state as it was. */
  private persist(next: SimulatorStateInit): boolean {
    try {
      this.save(next);
      return true;
    } catch (error) {
      this.parts.emit({ type: 'lifecycle', what: 'storage-error', message: `Storage error, answering RC 09: ${(error as Error).message}` });
      return false;
    }
  }

  /** Saves, then adopts: RAM never runs ahead of what a power loss would reload. */
  private save(next: SimulatorStateInit): void {
    this.parts.store.save(next);
    this.state = next;
  }

  private onPortClosed(port: BytePort, reason: PortCloseReason): void {
    if (this.link?.port !== port) return;
    this.detachLink();
    const message = reason.kind === 'lost' ? `Port lost: ${reason.message}` : 'Port closed.';
    this.parts.emit({ type: 'lifecycle', what: 'port-lost', message });
  }

  private detachLink(): boolean {
    const link = this.link;
    if (link === undefined) return false;
    this.link = undefined;
    link.close();
    return true;
  }
}
