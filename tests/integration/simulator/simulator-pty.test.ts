// The simulator through real pseudo-terminals: socat pty pair, node-serialport on both ends.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesToHex } from '../../../shared/bytes';
import { Command, ResultCode } from '../../../shared/rtp';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX } from '../../fixtures/rtp-vectors';
import { protocolTiming } from '../../../electron/main/terminal/link/link-timing';
import type { BytePort } from '../../../electron/main/terminal/port/byte-port';
import { openSerialPort } from '../../../electron/main/terminal/port/serial-byte-port';
import { simulatorOnPty } from '../support/pty-rig';
import type { PtyPair } from '../../../electron/main/terminal/pty/socat-pty-pair';
import { INSTANT_PROCESSING_TIMES, lineLimitMs, readStateFile, runSimulateCommand } from '../../../electron/main/terminal/simulator';
import type { RunningSimulation, SimulatorOptions, TerminalSimulator } from '../../../electron/main/terminal/simulator';
import { useTempDir } from '../support/temp-dir';
import { stageParameters, tlvMap } from './harness';
import { RawHost } from './raw-host';

const tempDir = useTempDir('rebinddesk-sim-pty-');
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!().catch(() => undefined);
});

/** A simulator on the terminal side of a fresh pty pair and a raw host on the host side. */
async function ptyRig(options: SimulatorOptions): Promise<{ host: RawHost; simulator: TerminalSimulator; pair: PtyPair }> {
  const { pair, sim: simulator, close } = await simulatorOnPty({ ...options, processing: { ...INSTANT_PROCESSING_TIMES, ...options.processing } });
  cleanups.push(close);
  const hostPort = await openSerialPort(pair.hostPath, { baudRate: 115200 });
  cleanups.push(() => hostPort.close());
  const host = new RawHost(hostPort);
  cleanups.push(async () => host.close());
  return { host, simulator, pair };
}

describe('simulator on a real pty pair', () => {
  it('serves ENQ, HELLO, GET_PARAMS and a full staging with COMMIT at the protocol timers, persisting the flip', async () => {
    const statePath = join(tempDir(), 'terminal.json');
    const { host, simulator } = await ptyRig({ statePath, timing: protocolTiming, initialState: { journal: [] } });
    await host.write([0x05]);
    await host.expectControl(0x06);
    const hello = await host.exchange(1, Command.HELLO);
    expect(tlvMap(hello.final)).toMatchObject({ F003: 'PAX', F004: 'A920', F007: 'A', F008: SAMPLE_OLD_DIGEST_HEX });
    const params = await host.exchange(2, Command.GET_PARAMS);
    expect(tlvMap(params.final)['A001']).toBe('12345678');
    const staged = await stageParameters(host, 3, SAMPLE_NEW_PARAMETERS, 64);
    expect(tlvMap(staged.verify.final)['F008']).toBe(SAMPLE_NEW_DIGEST_HEX);
    const commit = await host.exchange(staged.nextSeq, Command.COMMIT);
    expect(tlvMap(commit.final)).toEqual({ F007: 'B', F008: SAMPLE_NEW_DIGEST_HEX });
    expect(simulator.snapshot().activeSlot).toBe('B');
    expect(readStateFile(statePath).activeSlot).toBe('B');
  });

  it('paces its answers at 9600 baud over the pty: no faster than the line limit', async () => {
    const line = { baudRate: 9600, turnaroundMs: 10 };
    const { host } = await ptyRig({ line });
    const exchange = await host.exchange(1, Command.GET_PARAMS);
    const responseBytes = host.received.reduce((sum, r) => sum + (r.kind === 'frame' ? r.body.length + 5 : 0), 0);
    const limit = lineLimitMs(7 + 1 + responseBytes, 2, line);
    expect(responseBytes).toBeGreaterThan(150);
    expect(exchange.final.rc).toBe(ResultCode.OK);
    // Never faster than the line allows, even on a real pty that delivers at once. How close to the
    // limit it stays is a simulated-time claim (line-model.test.ts: exactly the limit), not a wall-time one.
    expect(exchange.elapsedMs).toBeGreaterThanOrEqual(limit - 2);
  });

  it('suppresses a duplicate SETTLE over the pty', async () => {
    const { host, simulator } = await ptyRig({});
    const first = await host.exchange(9, Command.SETTLE);
    const again = await host.exchange(9, Command.SETTLE);
    expect(again.interims).toEqual([]);
    expect(bytesToHex(again.final.tlvs[1]!.value)).toBe(bytesToHex(first.final.tlvs[1]!.value));
    expect(simulator.snapshot().batch.batchNumber).toBe('000013');
  });
});

describe('rebind simulate (runSimulateCommand)', () => {
  async function openHost(path: string): Promise<{ port: BytePort; host: RawHost }> {
    const port = await openSerialPort(path, { baudRate: 115200 });
    const host = new RawHost(port);
    cleanups.push(async () => {
      host.close();
      await port.close();
    });
    return { port, host };
  }

  it('links the host side at --link, logs what it does, injects faults and removes the link on stop', async () => {
    const dir = tempDir();
    const link = join(dir, 'terminal');
    const lines: string[] = [];
    const running: RunningSimulation = await runSimulateCommand({ link, state: join(dir, 'state.json'), baud: 115200, latencyMs: 1, faults: 'nak@HELLO' }, { log: (l) => lines.push(l) });
    cleanups.push(() => running.stop());
    expect(existsSync(link)).toBe(true);
    expect(lines.join('\n')).toMatch(/PAX A920 SN 1170012345/);
    expect(lines.join('\n')).toMatch(/115200 baud, 1 ms turnaround/);

    const { host } = await openHost(link);
    await host.write([0x05]);
    await host.expectControl(0x06);
    await host.sendRequest(1, Command.HELLO);
    await host.expectControl(0x15);
    const hello = await host.exchange(1, Command.HELLO);
    expect(tlvMap(hello.final)['F005']).toBe('1170012345');
    expect(lines.some((l) => /fault .*NAK/.test(l))).toBe(true);
    expect(existsSync(join(dir, 'state.json'))).toBe(true);

    await running.stop();
    expect(existsSync(link)).toBe(false);
  });

  it('after a disconnect fault, unplugs the host side and brings it back at the same path', async () => {
    const link = join(tempDir(), 'terminal');
    const running = await runSimulateCommand({ link, faults: 'disconnect@GET_BATCH' }, { log: () => undefined });
    cleanups.push(() => running.stop());
    const first = await openHost(link);
    const lost = new Promise((resolve) => first.port.onClose(resolve));
    await first.host.sendRequest(1, Command.GET_BATCH);
    await first.host.expectControl(0x06);
    expect(await Promise.race([lost, new Promise((r) => setTimeout(() => r('still open'), 3000))])).toMatchObject({ kind: 'lost' });

    await expect.poll(() => existsSync(link), { timeout: 5000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await openHost(link);
    await second.host.write([0x05]);
    await second.host.expectControl(0x06);
    expect((await second.host.exchange(2, Command.GET_BATCH)).final.rc).toBe(ResultCode.OK);
  });

  it('refuses to overwrite a regular file at --link', async () => {
    const link = join(tempDir(), 'precious.txt');
    writeFileSync(link, 'keep me');
    await expect(runSimulateCommand({ link }, { log: () => undefined })).rejects.toThrow(/already exists and is not a symlink/);
    await expect(runSimulateCommand({ link: join(tempDir(), 'x'), baud: 0 }, { log: () => undefined })).rejects.toThrow(/--baud must be/);
  });
});
