// A Clock on real time that stands still while this process does not run. On a loaded machine a
// test process can be starved for a few hundred milliseconds; when it runs again, Node fires the
// timers that came due before it reads the bytes that arrived meanwhile, so a T1 or a write bound
// ran out although the answer was already there. Here a timer that comes due runs only once that
// much time has passed with the event loop turning: after a stall it waits out the stall first,
// and the I/O of that stall is handled before it.
//
// For rigs where real I/O must stay real (a real pty, socat) and a SimulatedClock cannot be used.
// Every party whose timers race each other (the link, the simulator, the engine) gets the same
// clock, so their order is kept. A long stretch of synchronous work counts like a stall.
import { performance } from 'node:perf_hooks';
import type { Cancel, Clock } from '../../electron/main/platform/clock';

/** How often the event loop's turning is observed. */
const BEAT_MS = 5;
/** A gap between observations longer than a beat plus this is a stall, not time the loop ran. */
const STALL_GRACE_MS = 20;
/** A timer woken this little before its time fires (libuv's loop time is cached, to the millisecond). */
const EARLY_MS = 1;

export class StallTolerantClock implements Clock {
  private stalledMs = 0;
  private lastSeen = performance.now();
  private readonly beat: NodeJS.Timeout;

  constructor() {
    this.beat = setInterval(() => this.observe(), BEAT_MS);
    this.beat.unref();
  }

  /** Milliseconds this process was stalled so far (for a test's own log line, never asserted). */
  get stalled(): number {
    this.observe();
    return this.stalledMs;
  }

  now(): Date {
    return new Date();
  }

  monoMs(): number {
    this.observe();
    return performance.now() - this.stalledMs;
  }

  after(ms: number, fn: () => void): Cancel {
    const due = this.monoMs() + Math.max(0, ms);
    let timer: NodeJS.Timeout | undefined;
    let cancelled = false;
    const arm = (wait: number) => {
      timer = setTimeout(() => {
        if (cancelled) return;
        const left = due - this.monoMs();
        if (left > EARLY_MS) arm(left);
        else fn();
      }, Math.max(0, wait));
    };
    arm(ms);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.after(ms, resolve));
  }

  /** Stops observing (at the end of the tests that use it). */
  stop(): void {
    clearInterval(this.beat);
  }

  private observe(): void {
    const seen = performance.now();
    const gap = seen - this.lastSeen;
    if (gap > BEAT_MS + STALL_GRACE_MS) this.stalledMs += gap - BEAT_MS;
    this.lastSeen = seen;
  }
}
