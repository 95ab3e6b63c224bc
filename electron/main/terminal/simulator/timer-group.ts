// Timers that can all be cancelled at once: a reboot or power loss must stop every pending answer,
// retransmission and processing step, as pulling the plug would.

/** A set of timers and sleeps cancelled together. */
export class TimerGroup {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly sleepers = new Set<(elapsed: boolean) => void>();

  /** Runs `fn` after `ms` unless the group is cancelled first; returns a function that cancels just this one. */
  after(ms: number, fn: () => void): () => void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, Math.max(0, ms));
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
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
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const done of [...this.sleepers]) done(false);
  }
}
