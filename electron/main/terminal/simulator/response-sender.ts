// Sends response frames the way PROTOCOL.md §1 makes every sender do: wait T1 for ACK/NAK, send
// again on NAK or silence, EOT after the last transmission. One response is in flight at a time;
// the link tells it when the host ACKs, NAKs or moves on. Outgoing-frame faults strike here.
import { EOT } from '../../../../shared/rtp';
import type { Scheduler } from '../../platform/clock';
import type { LinkTiming } from '../link/link-timing';
import { faultTarget } from './fault-injector';
import type { FaultInjector } from './fault-injector';
import type { PacedLine, SendResult, Transmission } from './paced-line';
import type { EmitEvent } from './simulator-events';
import { TimerGroup } from './timer-group';

/** How a response ended: ACKed, given up with EOT, dropped because the host moved on, or cut off by a reset. */
export type SendOutcome = 'acked' | 'failed' | 'moved-on' | 'cancelled';

interface Job {
  readonly frame: Uint8Array;
  readonly cmd: number | undefined;
  readonly resolve: (outcome: SendOutcome) => void;
  transmissions: number;
  /** The frame is out and T1 runs. */
  waiting: boolean;
  done: boolean;
  cancelT1?: () => void;
  /** The transmission going out, so a response the host no longer wants can be called off. */
  transmission?: Transmission;
}

export interface ResponseSenderDeps {
  readonly line: PacedLine;
  readonly timing: LinkTiming;
  readonly faults: FaultInjector;
  readonly emit: EmitEvent;
  readonly clock: Scheduler;
}

/** The terminal's transmitter of response frames. */
export class ResponseSender {
  private active: Job | undefined;
  private readonly queue: Job[] = [];
  private readonly timers: TimerGroup;

  /** Creates an idle sender. */
  constructor(private readonly deps: ResponseSenderDeps) {
    this.timers = new TimerGroup(deps.clock);
  }

  /** True while a response is being sent or waits for its ACK. */
  get busy(): boolean {
    return this.active !== undefined;
  }

  /** Queues a response frame; resolves with how it ended. `cmd` is for fault targeting and logs. */
  send(frame: Uint8Array, cmd: number | undefined): Promise<SendOutcome> {
    return new Promise<SendOutcome>((resolve) => {
      this.queue.push({ frame, cmd, resolve, transmissions: 0, waiting: false, done: false });
      this.pump();
    });
  }

  /** The host ACKed; true when a response was waiting for it. */
  ack(): boolean {
    if (this.active === undefined) return false;
    this.finish(this.active, 'acked');
    return true;
  }

  /** The host NAKed: send again now, or give up after the last transmission. */
  nak(): void {
    const job = this.active;
    // A NAK while the frame is still going out refers to an earlier copy; T1 covers this one.
    if (job === undefined || !job.waiting) return;
    job.cancelT1?.();
    this.retry(job);
  }

  /** The host sent something else instead of ACK: drop the response in flight. */
  movedOn(): void {
    if (this.active !== undefined) this.finish(this.active, 'moved-on');
  }

  /** Drops every response, in flight or queued (reboot, power loss, detach). */
  cancel(): void {
    this.timers.cancelAll();
    const jobs = [...(this.active === undefined ? [] : [this.active]), ...this.queue.splice(0)];
    this.active = undefined;
    for (const job of jobs) {
      job.done = true;
      job.resolve('cancelled');
    }
  }

  private pump(): void {
    if (this.active !== undefined) return;
    const next = this.queue.shift();
    if (next === undefined) return;
    this.active = next;
    void this.transmit(next);
  }

  private async transmit(job: Job): Promise<void> {
    job.transmissions++;
    job.waiting = false;
    const { faults, emit, line, timing } = this.deps;
    const target = faultTarget(job.cmd);
    if (job.transmissions > 1) emit({ type: 'link', what: 'retransmit', message: `Response to ${target} sent again (transmission ${job.transmissions} of ${timing.maxTransmissions}).` });
    let result: SendResult;
    if (faults.take('drop-frame', job.cmd)) {
      emit({ type: 'fault', fault: 'drop-frame', command: target, message: `Fault: response frame to ${target} lost on the wire (transmission ${job.transmissions}).` });
      result = await line.pretendSend(job.frame.length);
    } else {
      let bytes = job.frame;
      if (faults.take('corrupt', job.cmd)) {
        bytes = job.frame.slice();
        // Never STX: a damaged frame must still look like a frame, so the host can NAK it.
        const index = 1 + faults.pick(bytes.length - 1);
        bytes[index] = bytes[index]! ^ (1 + faults.pick(255));
        emit({ type: 'fault', fault: 'corrupt', command: target, message: `Fault: byte ${index} of the response frame to ${target} corrupted (transmission ${job.transmissions}).` });
      }
      job.transmission = line.startSend(bytes);
      result = await job.transmission.done;
    }
    if (job.done) return;
    if (result === 'cancelled') {
      this.finish(job, 'cancelled');
      return;
    }
    job.waiting = true;
    job.cancelT1 = this.timers.after(timing.t1Ms, () => this.retry(job));
  }

  private retry(job: Job): void {
    if (job.done) return;
    job.waiting = false;
    if (job.transmissions < this.deps.timing.maxTransmissions) {
      void this.transmit(job);
      return;
    }
    this.deps.emit({ type: 'link', what: 'eot-sent', message: `No ACK for the response to ${faultTarget(job.cmd)} after ${job.transmissions} transmissions: EOT.` });
    // EOT is queued on the line before the next response can start.
    void this.deps.line.send(Uint8Array.of(EOT));
    this.finish(job, 'failed');
  }

  private finish(job: Job, outcome: SendOutcome): void {
    if (job.done) return;
    job.done = true;
    job.cancelT1?.();
    // A copy still waiting for its turnaround is not sent once the host has ACKed or moved on.
    job.transmission?.cancelIfNotStarted();
    if (this.active === job) this.active = undefined;
    job.resolve(outcome);
    this.pump();
  }
}
