// Time as main's timed code sees it: the link layer, the driver, the simulator and the rebind
// engine take a Clock instead of calling performance.now() and setTimeout(), so tests run them on
// simulated time (tests/support/simulated-clock.ts) and a loaded machine cannot make them late.
import { performance } from 'node:perf_hooks';

/** Calls off a scheduled callback; calling it after the callback ran, or twice, does nothing. */
export type Cancel = () => void;

/** Timers only, for code that needs no reading of the time. */
export interface Scheduler {
  /** Runs `fn` once, `ms` from now (at once for 0 or less, but never synchronously). */
  after(ms: number, fn: () => void): Cancel;
}

/** Wall time, monotonic time and timers from one source. */
export interface Clock extends Scheduler {
  /** Wall-clock time, for journals, audit entries and log lines. */
  now(): Date;
  /** Monotonic milliseconds, for deadlines and durations. */
  monoMs(): number;
  /** Resolves `ms` from now. */
  sleep(ms: number): Promise<void>;
}

/** The process's own clock: Date, performance.now() and setTimeout. */
export const systemClock: Clock = {
  now: () => new Date(),
  monoMs: () => performance.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
