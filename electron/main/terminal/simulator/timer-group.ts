// Timers that can all be cancelled at once: a reboot or power loss must stop every pending answer,
// retransmission and processing step, as pulling the plug would. They run on the simulator's clock.
import type { Cancel, Scheduler } from '../../platform/clock';

/** A set of timers and sleeps cancelled together. */
export class TimerGroup {
  private readonly timers = new Set<Cancel>();
  private readonly sleepers = new Set<(elapsed: boolean) => void>();

  constructor(private readonly scheduler: Scheduler) {}

  /** Runs `fn` after `ms` unless the group is cancelled first; returns a function that cancels just this one. */
  after(ms: number, fn: () => void): () => void {
    const cancel = this.scheduler.after(ms, () => {
      this.timers.delete(cancel);
      fn();
    });
    this.timers.add(cancel);
    return () => {
      cancel();
      this.timers.delete(cancel);
    };
  }

  /** Resolves true after `ms`, or false as soon as the group is cancelled. */
  sleep(ms: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const done = (elapsed: boolean): void => {
        this.sleepers.delete(done);
        resolve(elapsed);
      };
      this.sleepers.add(done);
      this.after(ms, () => done(true));
    });
  }

  /** Cancels every timer; pending sleeps resolve false. */
  cancelAll(): void {
    for (const cancel of this.timers) cancel();
    this.timers.clear();
    for (const done of [...this.sleepers]) done(false);
  }
}
