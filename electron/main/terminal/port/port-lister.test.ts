import { describe, expect, it } from 'vitest';
import { waitFor } from '../../../../tests/integration/support/wait-for';
import { listPorts } from './port-lister';
import { watchPorts, type PortChange } from './port-watcher';

describe('listPorts', () => {
  it('recognises vendors and puts terminals first', async () => {
    const list = await listPorts(async () => [
      { path: '/dev/ttyS0' },
      { path: '/dev/ttyUSB0', vendorId: '0403', productId: '6001', manufacturer: 'FTDI' },
      { path: '/dev/ttyACM0', vendorId: '2FB8', productId: '2101', manufacturer: 'PAX', serialNumber: '1240001' },
    ]);
    expect(list.problem).toBeNull();
    expect(list.ports.map((p) => [p.path, p.vendor?.name ?? null, p.vendor?.kind ?? null])).toEqual([
      ['/dev/ttyACM0', 'PAX', 'terminal'],
      ['/dev/ttyUSB0', 'FTDI', 'usb-serial-adapter'],
      ['/dev/ttyS0', null, null],
    ]);
    expect(list.ports[0]).toMatchObject({ vendorId: '2fb8', serialNumber: '1240001', source: 'system' });
  });

  it('turns a failing system list (no udev) into advice to enter the path by hand', async () => {
    const list = await listPorts(async () => {
      throw new Error('udevadm: not found');
    });
    expect(list.ports).toEqual([]);
    expect(list.problem).toMatch(/udev/);
    expect(list.problem).toMatch(/by hand/);
  });
});

describe('watchPorts', () => {
  it('reports a port that appears and one that vanishes within one interval', async () => {
    let paths = ['/dev/ttyS0'];
    const changes: PortChange[] = [];
    const watcher = watchPorts({
      intervalMs: 20,
      list: () => listPorts(async () => paths.map((path) => ({ path }))),
      onChange: (change) => changes.push(change),
    });
    expect((await watcher.current()).ports.map((p) => p.path)).toEqual(['/dev/ttyS0']);
    paths = ['/dev/ttyS0', '/dev/ttyACM0'];
    await waitFor(() => changes.length === 1);
    paths = ['/dev/ttyACM0'];
    await waitFor(() => changes.length === 2);
    watcher.stop();
    expect(changes.map((c) => [c.added, c.removed])).toEqual([
      [['/dev/ttyACM0'], []],
      [[], ['/dev/ttyS0']],
    ]);
  });
});

describe('watchPorts when things fail', () => {
  it('reports a failed first listing and a listener that throws, and keeps polling', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    let seen = 0;
    const watcher = watchPorts({
      intervalMs: 10,
      list: async () => {
        calls++;
        if (calls === 1) throw new Error('udev gone');
        return { ports: calls >= 3 ? [{ path: `/dev/ttyUSB${calls}`, source: 'system', vendor: null }] : [], problem: null };
      },
      onChange: () => {
        seen++;
        throw new Error('renderer gone');
      },
      onError: (error) => errors.push(error),
    });
    await waitFor(() => seen >= 2);
    watcher.stop();
    expect((errors[0] as Error).message).toBe('udev gone');
    expect(errors.slice(1).every((e) => (e as Error).message === 'renderer gone')).toBe(true);
  });
});
