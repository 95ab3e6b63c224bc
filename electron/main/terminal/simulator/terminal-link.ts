// The terminal's side of the link layer (PROTOCOL.md §1) on one attached port: decodes what the
// host sends, answers ACK/NAK, sends responses through the ResponseSender, notices when the host
// moves on, and ignores everything while the terminal is down. Incoming-frame faults strike here.
import { ACK, ENQ, EOT, FrameDecoder, NAK, encodeFrame } from '../../../../shared/rtp';
import type { DecoderEvent } from '../../../../shared/rtp';
import type { Clock } from '../../platform/clock';
import type { BytePort, PortCloseReason } from '../port/byte-port';
import type { LinkTiming } from '../link/link-timing';
import { faultTarget } from './fault-injector';
import type { FaultInjector } from './fault-injector';
import type { LineModel } from './line-model';
import { PacedLine } from './paced-line';
import { ResponseSender } from './response-sender';
import type { SendOutcome } from './response-sender';
import type { EmitEvent } from './simulator-events';
import { TimerGroup } from './timer-group';

/** How late a late-ack fault sends the ACK, as a multiple of T1. */
export const LATE_ACK_FACTOR = 1.25;

/** What the link needs from the terminal behind it. */
export interface LinkOwner {
  /** A good request frame; `acked` resolves true once its ACK is out (or lost on purpose), false if cut off. */
  onRequest(body: Uint8Array, acked: Promise<boolean>): void;
  /** True while the terminal reboots: every byte is ignored, ENQ included. */
  isDown(): boolean;
  /** The port closed under the link. */
  onPortClosed(reason: PortCloseReason): void;
}

export interface TerminalLinkOptions {
  readonly line: LineModel | undefined;
  readonly timing: LinkTiming;
  readonly maxBody: number;
  readonly faults: FaultInjector;
  readonly emit: EmitEvent;
  readonly clock: Clock;
}

/** The link layer on one port. */
export class TerminalLink {
  private readonly decoder: FrameDecoder;
  private readonly line: PacedLine;
  private readonly sender: ResponseSender;
  private readonly timers: TimerGroup;
  private cancelTick: (() => void) | undefined;
  private readonly unsubscribe: Array<() => void>;
  private ignored = 0;

  /** Starts serving `port`. */
  constructor(
    readonly port: BytePort,
    private readonly options: TerminalLinkOptions,
    private readonly owner: LinkOwner,
  ) {
    const { timing, clock } = options;
    this.timers = new TimerGroup(clock);
    this.decoder = new FrameDecoder({ maxBody: options.maxBody, interByteTimeoutMs: timing.interByteMs, quietMs: timing.quietMs });
    this.line = new PacedLine(port, options.line, (bytes, at) => this.onBytes(bytes, at), timing.interByteMs, clock);
    this.sender = new ResponseSender({ line: this.line, timing, faults: options.faults, emit: options.emit, clock });
    this.unsubscribe = [port.onData((bytes) => this.line.receive(bytes)), port.onClose((reason) => owner.onPortClosed(reason))];
  }

  /** Sends a response body as a frame and waits for the host's ACK (T1, retransmissions, EOT). */
  sendResponse(body: Uint8Array, cmd: number | undefined): Promise<SendOutcome> {
    return this.sender.send(encodeFrame(body, { maxBody: this.options.maxBody }), cmd);
  }

  /** Drops everything in flight and any partial frame (reboot, power loss). */
  reset(): void {
    this.timers.cancelAll();
    this.cancelTick = undefined;
    this.sender.cancel();
    this.line.reset();
    this.decoder.reset();
    this.ignored = 0;
  }

  /** Stops listening to the port (the port itself stays open: its owner closes it). */
  close(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    this.reset();
  }

  private onBytes(bytes: Uint8Array, atMs: number): void {
    if (this.owner.isDown()) {
      if (this.ignored === 0) this.options.emit({ type: 'link', what: 'ignored-while-down', message: 'Input ignored: the terminal is restarting.' });
      this.ignored += bytes.length;
      return;
    }
    this.ignored = 0;
    for (const event of this.decoder.push(bytes, atMs)) this.onEvent(event);
    this.scheduleTick();
  }

  /** Wakes the decoder when its inter-byte or quiet timer is due. */
  private scheduleTick(): void {
    this.cancelTick?.();
    this.cancelTick = undefined;
    const deadline = this.decoder.deadlineMs();
    if (deadline === undefined) return;
    // +1: a stalled frame is dropped only once the gap is strictly longer than the timeout.
    this.cancelTick = this.timers.after(deadline + 1 - this.options.clock.monoMs(), () => {
      this.cancelTick = undefined;
      if (this.owner.isDown()) return;
      for (const event of this.decoder.tick(this.options.clock.monoMs())) this.onEvent(event);
      this.scheduleTick();
    });
  }

  private onEvent(event: DecoderEvent): void {
    const { emit } = this.options;
    switch (event.type) {
      case 'frame':
        this.hostMovedOn('a new frame');
        this.onFrame(event.body);
        return;
      case 'bad-frame':
        this.hostMovedOn('a damaged frame');
        emit({ type: 'link', what: 'nak-sent', message: `Damaged frame from the host (${event.reason}): NAK.` });
        void this.line.send(Uint8Array.of(NAK));
        return;
      case 'discarding':
        this.hostMovedOn('a damaged frame');
        return;
      case 'stalled':
        emit({ type: 'link', what: 'stalled', message: `Frame from the host stopped after ${event.received} bytes: dropped without an answer.` });
        return;
      case 'noise':
        emit({ type: 'link', what: 'noise', message: `${event.count} noise byte(s) before STX skipped.` });
        return;
      case 'control':
        if (event.byte === ACK) this.sender.ack();
        else if (event.byte === NAK) this.sender.nak();
        else if (event.byte === EOT) this.hostMovedOn('EOT');
        else if (event.byte === ENQ) {
          this.hostMovedOn('ENQ');
          void this.line.send(Uint8Array.of(ACK));
        }
        return;
    }
  }

  /** While a response waits for its ACK, any other input from the host means it gave up on it. */
  private hostMovedOn(what: string): void {
    if (!this.sender.busy) return;
    this.options.emit({ type: 'link', what: 'host-moved-on', message: `The host sent ${what} instead of ACK: response dropped.` });
    this.sender.movedOn();
  }

  private onFrame(body: Uint8Array): void {
    const { faults, emit, timing } = this.options;
    const cmd = body.length >= 2 ? body[1] : undefined;
    const target = faultTarget(cmd);
    if (faults.take('nak', cmd)) {
      emit({ type: 'fault', fault: 'nak', command: target, message: `Fault: good frame of ${target} answered NAK.` });
      void this.line.send(Uint8Array.of(NAK));
      return;
    }
    let acked: Promise<boolean>;
    if (faults.take('drop-ack', cmd)) {
      emit({ type: 'fault', fault: 'drop-ack', command: target, message: `Fault: ACK for ${target} lost on the wire.` });
      acked = this.line.pretendSend(1).then((result) => result === 'sent');
    } else if (faults.take('late-ack', cmd)) {
      const delay = timing.t1Ms * LATE_ACK_FACTOR;
      emit({ type: 'fault', fault: 'late-ack', command: target, message: `Fault: ACK for ${target} held back ${Math.round(delay)} ms (past T1).` });
      acked = this.timers.sleep(delay).then(async (elapsed) => elapsed && (await this.line.send(Uint8Array.of(ACK))) === 'sent');
    } else {
      acked = this.line.send(Uint8Array.of(ACK)).then((result) => result === 'sent');
    }
    this.owner.onRequest(body, acked);
  }
}
