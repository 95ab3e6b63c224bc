import { describe, expect, it } from 'vitest';
import { openSerialPort } from '../../electron/main/terminal/port/serial-byte-port';
import { createPtyPair } from '../../electron/main/terminal/pty/socat-pty-pair';

describe('socat pty pair through the real serialport binding', () => {
  it('carries every byte value both ways unchanged', async () => {
    const pair = await createPtyPair();
    const host = await openSerialPort(pair.hostPath, { baudRate: 115200 });
    const terminal = await openSerialPort(pair.terminalPath, { baudRate: 115200 });
    try {
      const all = Uint8Array.from({ length: 256 }, (_, i) => i);
      const received: number[] = [];
      const done = new Promise<void>((resolve) => {
        terminal.onData((bytes) => {
          received.push(...bytes);
          if (received.length >= all.length) resolve();
        });
      });
      await host.write(all);
      await done;
      expect(Uint8Array.from(received)).toEqual(all);

      const back: number[] = [];
      const backDone = new Promise<void>((resolve) => host.onData((b) => { back.push(...b); if (back.length >= 3) resolve(); }));
      await terminal.write(Uint8Array.of(0x06, 0x15, 0x04));
      await backDone;
      expect(back).toEqual([0x06, 0x15, 0x04]);
    } finally {
      await host.close();
      await terminal.close();
      await pair.close();
    }
  });

  it('reports the host side as lost when the other end goes away', async () => {
    const pair = await createPtyPair();
    const host = await openSerialPort(pair.hostPath, { baudRate: 9600 });
    const lost = new Promise((resolve) => host.onClose(resolve));
    await pair.close();
    // Some kernels report a vanished pty only on the next I/O; a write makes that happen.
    await host.write(Uint8Array.of(0x05)).catch(() => undefined);
    expect(await Promise.race([lost, new Promise((r) => setTimeout(() => r('still open'), 3000))])).toMatchObject({ kind: 'lost' });
  });
});
