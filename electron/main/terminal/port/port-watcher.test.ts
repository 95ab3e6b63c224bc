import { afterEach, describe, expect, it } from 'vitest';
import type { PortList } from '../../../../shared/terminal/port-info';
import { watchPorts, type PortWatcher } from './port-watcher';

// A listing that fails (the database behind the remembered port closed at shutdown, udev gone)
// must never escape the watcher's timer as an unhandled rejection: in the app that ends up in
// the main process's error handler instead of in the next poll.
describe('watchPorts', () => {
  let watcher: PortWatcher | null = null;
  afterEach(() => watcher?.stop());

  it('keeps polling after a listing fails, the first one included, and leaks no rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      let calls = 0;
      const list = (): Promise<PortList> => {
        calls++;
        return calls <= 2 ? Promise.reject(new Error('The database is closed.')) : Promise.resolve({ ports: [], problem: null });
      };
      watcher = watchPorts({ list, onChange: () => undefined, intervalMs: 1 });
      while (calls < 4) await new Promise((r) => setTimeout(r, 5));
      // Rejections are reported after the microtask queue drains; give them a turn.
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
      expect(calls).toBeGreaterThanOrEqual(4);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
