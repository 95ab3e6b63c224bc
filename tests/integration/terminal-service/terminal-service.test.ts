import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoPortPath, type PortList } from '../../../shared/terminal/port-info';
import type { ConnectionState } from '../../../shared/terminal/terminal-state';
import { createEventBus } from '../../../electron/main/ipc/event-bus';
import { openSerialPort } from '../../../electron/main/terminal/port/serial-byte-port';
import { createPtyPair } from '../../../electron/main/terminal/pty/socat-pty-pair';
import { createLinkLogBuffer } from '../../../electron/main/terminal/service/link-log-buffer';
import { linkLogFromJsonLines } from '../../../electron/main/terminal/link/link-log-export';
import { createTerminalAdapters } from '../../../electron/main/terminal/service/terminal-adapters';
import { createTerminalService, type TerminalService } from '../../../electron/main/terminal/service/terminal-service';
import * as ptyRig from '../support/pty-rig';
import { waitFor } from '../support/wait-for';

// The Terminal page's service with the real driver, the real serialport binding and a real pty
// pair to the simulator; only the OS port list is scripted (ptys are not listed by udev).
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
  cleanup = [];
});

interface Rig {
  service: TerminalService;
  states: ConnectionState[];
  portEvents: PortList[];
  remembered: [string, number][];
  systemPorts: string[];
  dir: string;
}

function rig(): Rig {
  const dir = mkdtempSync(join(tmpdir(), 'rebind-terminal-service-'));
  const events = createEventBus();
  const states: ConnectionState[] = [];
  const portEvents: PortList[] = [];
  events.addSink((event, payload) => {
    if (event === 'terminal:state-changed') states.push(payload as ConnectionState);
    if (event === 'terminal:ports-changed') portEvents.push(payload as PortList);
  });
  const remembered: [string, number][] = [];
  const systemPorts: string[] = [];
  const adapters = createTerminalAdapters({ demoStatePath: join(dir, 'demo.json'), demoLine: null });
  const service = createTerminalService({
    events,
    log: createLinkLogBuffer(),
    listSystemPorts: async () => ({ ports: systemPorts.map((path) => ({ path, source: 'system' as const, vendor: null })), problem: null }),
    openPort: openSerialPort,
    openSession: adapters.openSession,
    startDemoTerminal: adapters.startDemoTerminal,
    remember: (path, baud) => remembered.push([path, baud]),
    lastPort: () => remembered.at(-1)?.[0] ?? null,
    chooseLogTarget: async (name) => join(dir, name),
    pollIntervalMs: 50,
  });
  cleanup.push(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { service, states, portEvents, remembered, systemPorts, dir };
}

/** The simulator on a pty, closed after the test. */
async function simulatorOnPty(): Promise<ptyRig.SimulatorOnPty> {
  const rig = await ptyRig.simulatorOnPty();
  cleanup.push(rig.close);
  return rig;
}

describe('terminal service', () => {
  it('connects over a real pty, reads identity, batch and parameters, and remembers the port', async () => {
    const { service, remembered } = rig();
    const { pair, sim } = await simulatorOnPty();
    const state = await service.connect(pair.hostPath, 115200);
    expect(state.status).toBe('connected');
    expect(state.identity?.serialNumber).toBe(sim.snapshot().serialNumber);
    expect(state.identity?.activeDigest).toBe(sim.snapshot().activeDigestHex);
    expect((await service.readBatch()).count).toBe(sim.snapshot().batch.count);
    const params = await service.readParams();
    expect(params.params).toEqual(sim.snapshot().params);
    expect(params.digest).toBe(sim.snapshot().activeDigestHex);
    expect(remembered).toEqual([[pair.hostPath, 115200]]);
    // Every exchange is in the link log with millisecond times, directions and hex.
    const log = service.linkLog();
    expect(log.some((l) => l.direction === 'out' && l.text.includes('HELLO'))).toBe(true);
    expect(log.some((l) => l.direction === 'in' && /^[0-9A-F]{2}( [0-9A-F]{2})*$/.test(l.hex))).toBe(true);
  });

  it('exports the link log as text and as JSON lines', async () => {
    const { service } = rig();
    await service.connect(demoPortPath, 115200);
    const text = await service.exportLog('text');
    const jsonl = await service.exportLog('jsonl');
    expect(text?.entries).toBeGreaterThan(2);
    expect(readFileSync(text!.location, 'utf8')).toMatch(/^# RebindDesk link log/);
    const lines = readFileSync(jsonl!.location, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBe(jsonl!.entries);
    // The one link log line: what the link's own reader takes back.
    expect(lines[0]).toHaveProperty('epochMs');
    expect(linkLogFromJsonLines(readFileSync(jsonl!.location, 'utf8'))).toHaveLength(jsonl!.entries);
  });

  it('refuses reads while not connected, with what to do', async () => {
    const { service } = rig();
    await expect(service.readBatch()).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/connect first/) });
  });

  it('reports a failed connect (nobody answering) and stays usable', async () => {
    const { service } = rig();
    const silent = await createPtyPair();
    cleanup.push(() => silent.close());
    const state = await service.connect(silent.hostPath, 9600);
    expect(state).toMatchObject({ status: 'disconnected', identity: null });
    expect(state.error).toMatch(/ENQ|answer/i);
    const demo = await service.connect(demoPortPath, 115200);
    expect(demo.status).toBe('connected');
  });

  it('shows the connection as lost when the port vanishes from the system list (cable pulled)', async () => {
    const { service, states, systemPorts, portEvents } = rig();
    const { pair } = await simulatorOnPty();
    systemPorts.push(pair.hostPath);
    // Hot-plug: the device shows in the list within a poll interval.
    await waitFor(() => portEvents.some((list) => list.ports.some((p) => p.path === pair.hostPath && p.source === 'system')));
    expect((await service.connect(pair.hostPath, 115200)).status).toBe('connected');
    systemPorts.length = 0;
    await waitFor(() => states.some((s) => s.status === 'lost'), 3000);
    expect(states.find((s) => s.status === 'lost')?.error).toMatch(/disappeared/);
    await expect(service.readBatch()).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lends a pty terminal to the engine and takes it back, refusing page actions meanwhile', async () => {
    const { service } = rig();
    const { pair, sim } = await simulatorOnPty();
    await service.connect(pair.hostPath, 115200);
    const lent = await service.lend();
    expect(service.state().status).toBe('rebinding');
    await expect(service.connect(pair.hostPath, 115200)).rejects.toMatchObject({ code: 'conflict' });
    await expect(service.readBatch()).rejects.toMatchObject({ code: 'conflict' });
    // The engine opens the path itself; its traffic lands in the same link log.
    const line = await lent.access.connect({ append: () => undefined });
    await line.driver.open();
    expect((await line.driver.hello()).serialNumber).toBe(sim.snapshot().serialNumber);
    await line.close();
    expect(service.linkLog().some((l) => l.text.includes('HELLO'))).toBe(true);
    const back = await lent.giveBack();
    expect(back.status).toBe('connected');
    expect((await service.readBatch()).count).toBe(sim.snapshot().batch.count);
  });

  it('lists the demo terminal first and a remembered manual path', async () => {
    const { service } = rig();
    const { pair } = await simulatorOnPty();
    await service.connect(pair.hostPath, 115200);
    await service.disconnect();
    const list = await new Promise<PortList>((resolve) => setTimeout(() => resolve(service.listPorts()), 120));
    expect(list.ports[0]?.path).toBe(demoPortPath);
    expect(list.ports.some((p) => p.path === pair.hostPath && p.source === 'manual')).toBe(true);
  });
});
