// The receive path of the host link: bytes from the port go through FrameDecoder with the
// link's monotonic clock, and a timer calls tick() while a frame is partial or a discard waits for
// quiet, so a stalled frame is dropped and a delayed NAK is released even if no byte follows.
import { describeDecoderEvent, FrameDecoder } from '../../../../shared/rtp';
import type { DecoderEvent } from '../../../../shared/rtp';
import type { Cancel, Clock } from '../../platform/clock';
import type { LinkLogger, LinkLogKind } from './link-log';
import type { LinkTiming } from './link-timing';
import { RawTracker } from './raw-tracker';

/** Receives each decoder event, after it has been logged with its raw bytes. */
export type ReceiveHandler = (event: DecoderEvent) => void;

/** Decodes received bytes into events and keeps the decoder's timers running. */
export class LinkReceiver {
  private readonly decoder: FrameDecoder;
  private readonly raw = new RawTracker();
  private cancelTimer: Cancel | undefined;

  constructor(
    timing: LinkTiming,
    maxBody: number,
    private readonly log: LinkLogger,
    private readonly handler: ReceiveHandler,
    private readonly clock: Clock,
  ) {
    this.decoder = new FrameDecoder({ maxBody, interByteTimeoutMs: timing.interByteMs, quietMs: timing.quietMs });
  }

  /** True while a frame is partly received (or a discard waits for quiet). */
  get busy(): boolean {
    return this.decoder.busy;
  }

  /** The frame partly received, if any (never a discard): its number and the most bytes it still needs. */
  frameInProgress(): { id: number; bytesLeft: number } | undefined {
    return this.decoder.frameInProgress();
  }

  /** Accepts bodies up to `maxBody` from the next frame on. */
  setMaxBody(maxBody: number): void {
    this.decoder.setMaxBody(maxBody);
  }

  /** Feeds bytes from the port. */
  push(bytes: Uint8Array): void {
    this.raw.push(bytes);
    this.dispatch(this.decoder.push(bytes, this.clock.monoMs()));
    // What a discard throws away is counted, not kept: a flood must not grow memory or the log.
    if (this.decoder.discarding) this.raw.elideDiscard();
    this.arm();
  }

  /** Stops the timer and forgets any partial frame. */
  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.decoder.reset();
    this.raw.reset();
  }

  private arm(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const deadline = this.decoder.deadlineMs();
    if (deadline === undefined) return;
    // A stalled frame is dropped strictly after the deadline, hence the extra millisecond.
    this.cancelTimer = this.clock.after(Math.max(0, deadline - this.clock.monoMs()) + 1, () => {
      this.cancelTimer = undefined;
      this.dispatch(this.decoder.tick(this.clock.monoMs()));
      this.arm();
    });
  }

  private dispatch(events: DecoderEvent[]): void {
    for (const event of events) {
      const raw = this.raw.take(event);
      this.log.record('in', KIND[event.type], raw.bytes, describeDecoderEvent(event, 'in'), raw.omitted);
      this.handler(event);
    }
  }
}

const KIND: Record<DecoderEvent['type'], LinkLogKind> = {
  frame: 'frame',
  control: 'control',
  'bad-frame': 'bad-frame',
  discarding: 'discarding',
  stalled: 'stalled',
  noise: 'noise',
};
