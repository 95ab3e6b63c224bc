// The clock the pty fault matrix runs on: a stall of the process does not count towards its
// timers, so what arrived during the stall is handled before a timer that came due in it. Shown by
// order, against the process's own clock, never by how long anything took.
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../electron/main/platform/clock';
import { StallTolerantClock } from '../support/stall-tolerant-clock';

/** Blocks this thread for `ms`, as a starved process is (Atomics.wait, no busy loop). */
const stall = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Arms a 20 ms timer, stalls for 200 ms while an answer is queued, and says which came first. */
function orderAfterStall(clock: Clock): Promise<string[]> {
  const order: string[] = [];
  return new Promise((resolve) => {
    clock.after(20, () => {
      order.push('timer');
      if (order.length === 2) resolve(order);
    });
    setImmediate(() => {
      stall(200);
      // What a pty read delivers after the stall: Node runs due timers before it gets there.
      setImmediate(() => {
        order.push('answer');
        if (order.length === 2) resolve(order);
      });
    });
  });
}

describe('StallTolerantClock', () => {
  let clock: StallTolerantClock | undefined;
  afterEach(() => clock?.stop());

  it('lets what arrived during a stall go first; the process clock fires the timer first', async () => {
    expect(await orderAfterStall(systemClock)).toEqual(['timer', 'answer']);
    clock = new StallTolerantClock();
    expect(await orderAfterStall(clock)).toEqual(['answer', 'timer']);
    expect(clock.stalled).toBeGreaterThan(0);
  });

  it('still fires a timer when nothing stalls, and a cancelled one never', async () => {
    clock = new StallTolerantClock();
    const fired: string[] = [];
    const cancel = clock.after(5, () => fired.push('cancelled'));
    cancel();
    await clock.sleep(30);
    fired.push('slept');
    expect(fired).toEqual(['slept']);
  });
});
