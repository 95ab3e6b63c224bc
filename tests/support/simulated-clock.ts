// A Clock whose time moves only from event to event: whenever the code under test has nothing
// left to do but wait, the clock jumps to the next timer and fires it. A T1 of 1000 ms then takes
// no wall time at all, and "the retransmission came T1 after the first frame" is an exact equality
// on simulated time that no load on the machine can break.
//
// Only for rigs where every delay goes through this clock (memory ports created with it, the
// link, driver and simulator given it): a real pty or a real setTimeout in the loop would let the
// clock run ahead of it.
import type { Cancel, Clock } from '../../electron/main/platform/clock';

/** Options of a SimulatedClock. */
export interface SimulatedClockOptions {
  /** Wall time at simulated 0 ms (for now()); 2026-12-01T08:00:00Z by default. */
  epoch?: Date;
  /**
   * Simulated time after which the clock refuses to go on and throws: a test whose code under test
   * keeps re-arming timers (a retry that never gives up) fails here instead of spinning forever.
   */
  limitMs?: number;
}

interface Timer {
  at: number;
  order: number;
  fn: () => void;
}

/**
 * Turns of the event loop the clock waits, with nothing due, before it jumps ahead. Everything in
 * such a rig is promise chains and this clock's own timers, so one turn drains it; the second one
 * is margin for a setImmediate the rig itself may use (a stream, a Node API).
 */
const QUIET_TURNS = 2;

/** A Clock on simulated time; see the file comment. */
export class SimulatedClock implements Clock {
  private nowMs = 0;
  private readonly epochMs: number;
  private readonly limitMs: number;
  private timers: Timer[] = [];
  private order = 0;
  private scheduled = false;
  private stopped = false;

  constructor(options: SimulatedClockOptions = {}) {
    this.epochMs = (options.epoch ?? new Date('2026-12-01T08:00:00Z')).getTime();
    this.limitMs = options.limitMs ?? 24 * 3600_000;
  }

  now(): Date {
    return new Date(this.epochMs + this.nowMs);
  }

  monoMs(): number {
    return this.nowMs;
  }

  after(ms: number, fn: () => void): Cancel {
    const timer: Timer = { at: this.nowMs + Math.max(0, ms), order: this.order++, fn };
    // Kept sorted by time, then by the order they were set: two timers due together fire as set.
    const index = this.timers.findIndex((t) => t.at > timer.at);
    if (index === -1) this.timers.push(timer);
    else this.timers.splice(index, 0, timer);
    this.wake();
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.after(ms, resolve));
  }

  /** Timers still waiting. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Drops every timer and stops moving (at the end of a test). */
  stop(): void {
    this.stopped = true;
    this.timers = [];
  }

  private wake(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => this.step(0));
  }

  private step(quietTurns: number): void {
    this.scheduled = false;
    const next = this.timers[0];
    if (next === undefined || this.stopped) return;
    if (next.at > this.nowMs && quietTurns < QUIET_TURNS) {
      this.scheduled = true;
      setImmediate(() => this.step(quietTurns + 1));
      return;
    }
    this.timers.shift();
    if (next.at > this.limitMs) {
      this.stop();
      throw new Error(`SimulatedClock: still busy after ${this.limitMs} ms of simulated time; the code under test never stops re-arming its timers`);
    }
    this.nowMs = Math.max(this.nowMs, next.at);
    try {
      next.fn();
    } finally {
      this.wake();
    }
  }
}

/** How a promise settled, and when on `clock`. */
export type Settled<T> = { ok: true; value: T; atMs: number } | { ok: false; error: unknown; atMs: number };

/**
 * Follows `promise` from now on and records the clock's time when it settles. Attach it where the
 * promise is made, so `atMs` is when it settled, not when the test got round to looking.
 */
export function settledAt<T>(clock: Pick<Clock, 'monoMs'>, promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value, atMs: clock.monoMs() }),
    (error: unknown) => ({ ok: false as const, error, atMs: clock.monoMs() }),
  );
}

/**
 * Waits on `clock` until `condition()` holds, looking every `stepMs` of simulated time; rejects
 * once `withinMs` have passed without it. The simulated counterpart of expect.poll, which waits in
 * wall time while a SimulatedClock would race past the moment it looks for.
 */
export async function until(clock: Clock, condition: () => boolean, withinMs = 10_000, stepMs = 1): Promise<void> {
  const deadline = clock.monoMs() + withinMs;
  while (!condition()) {
    if (clock.monoMs() >= deadline) throw new Error(`condition not met within ${withinMs} ms of simulated time`);
    await clock.sleep(stepMs);
  }
}
