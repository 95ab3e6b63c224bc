// What the receive path hands to the exchange in progress, and the one bounded wait for it: every
// wait ends with an input, a deadline, an abort or a lost port, so no operation can hang.
import type { RtpResponse } from '../../../../shared/rtp';
import type { Clock } from '../../platform/clock';
import { LinkAborted } from './link-errors';

/** An input for the exchange in progress. */
export type LinkInput =
  | { readonly type: 'ack' }
  | { readonly type: 'nak' }
  /** The terminal sent EOT: it gave up on its own transmission. */
  | { readonly type: 'eot' }
  /** A response whose SEQ and CMD match the request in progress. */
  | { readonly type: 'response'; readonly response: RtpResponse; readonly body: Uint8Array }
  /** A frame with the request's SEQ and CMD whose TLVs cannot be decoded. */
  | { readonly type: 'malformed'; readonly problem: string }
  /** The port closed under us, or the link was closed. */
  | { readonly type: 'closed' }
  /** The deadline passed. */
  | { readonly type: 'timeout' };

export interface WaitOptions {
  /** Time on the link's clock (monoMs) at which the wait ends with 'timeout'. */
  deadline: number;
  /** Ends the wait with LinkAborted. */
  signal: AbortSignal | undefined;
  /** Named in LinkAborted. */
  command: string | undefined;
  /**
   * Asked when the deadline passes: the number of the frame partly received, if any. That frame
   * started in time, so the deadline is postponed by `graceStepMs` while that same frame is still
   * arriving (the decoder drops it if its bytes stop). A discard, or a frame that started after the
   * deadline, postpones nothing: a flood from the line cannot keep a wait alive.
   */
  frameInFlight: () => number | undefined;
  /** Longest total postponement, asked once when the deadline passes with a frame in flight. */
  graceMs: () => number;
  /** One postponement step. */
  graceStepMs: number;
}

/** A queue of inputs with a single bounded waiter. */
export class LinkInbox {
  private items: LinkInput[] = [];
  private wake: (() => void) | undefined;

  constructor(private readonly clock: Clock) {}

  /** Queues an input and wakes the waiter. */
  push(input: LinkInput): void {
    this.items.push(input);
    this.wake?.();
  }

  /** Drops queued inputs (at the start of an exchange). */
  clear(): void {
    this.items = [];
  }

  /** The next input, 'timeout' at the deadline; rejects with LinkAborted when the signal aborts. */
  next(options: WaitOptions): Promise<LinkInput> {
    const queued = this.items.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (options.signal?.aborted === true) return Promise.reject(new LinkAborted(options.command));
    return new Promise<LinkInput>((resolve, reject) => {
      let graceLeft = 0;
      /** The frame that was arriving when the deadline first passed; undefined before that. */
      let late: number | undefined;
      let passed = false;
      let cancelTimer: () => void;
      const cleanup = () => {
        cancelTimer();
        options.signal?.removeEventListener('abort', onAbort);
        this.wake = undefined;
      };
      const onAbort = () => {
        cleanup();
        reject(new LinkAborted(options.command));
      };
      const onDeadline = () => {
        const inFlight = options.frameInFlight();
        if (!passed) {
          passed = true;
          late = inFlight;
          graceLeft = inFlight === undefined ? 0 : options.graceMs();
        }
        if (graceLeft > 0 && inFlight !== undefined && inFlight === late) {
          const step = Math.min(options.graceStepMs, graceLeft);
          graceLeft -= step;
          cancelTimer = this.clock.after(step, onDeadline);
          return;
        }
        cleanup();
        resolve({ type: 'timeout' });
      };
      this.wake = () => {
        const item = this.items.shift();
        if (item === undefined) return;
        cleanup();
        resolve(item);
      };
      cancelTimer = this.clock.after(options.deadline - this.clock.monoMs(), onDeadline);
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
