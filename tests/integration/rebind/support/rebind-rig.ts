// Test rigs for the rebinding engine: a migrated database in a temp dir, the terminal simulator
// behind an in-memory line (a fresh line for every connection, like re-plugging a cable) or behind
// real ptys, and the engine with a policy sized for scaled timers.
import { createTestFieldEncryption } from '../../../../electron/main/crypto/test-key-protector';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { migrations } from '../../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../../electron/main/db/open-database';
import { createRebindEngine } from '../../../../electron/main/rebind/rebind-engine';
import type { RebindEngine } from '../../../../electron/main/rebind/rebind-engine';
import type { RebindPolicy, TerminalAccess } from '../../../../electron/main/rebind/engine-types';
import type { Clock, Scheduler } from '../../../../electron/main/platform/clock';
import { RtpDriver } from '../../../../electron/main/terminal/driver/rtp-driver';
import { scaledTiming } from '../../../../electron/main/terminal/link/link-timing';
import type { LinkTiming } from '../../../../electron/main/terminal/link/link-timing';
import { createMemoryPortPair } from '../../../../electron/main/terminal/port/memory-port';
import type { BytePort } from '../../../../electron/main/terminal/port/byte-port';
import { openSerialPort } from '../../../../electron/main/terminal/port/serial-byte-port';
import { createPtyPair } from '../../../../electron/main/terminal/pty/socat-pty-pair';
import type { PtyPair } from '../../../../electron/main/terminal/pty/socat-pty-pair';
import { createSimulator, INSTANT_PROCESSING_TIMES } from '../../../../electron/main/terminal/simulator';
import type { SimulatorEvent, SimulatorOptions, TerminalSimulator } from '../../../../electron/main/terminal/simulator';

/** Timers for memory lines: T1 50 ms, T2 250 ms (long T2 4.5 s). */
export const MEMORY_TIMING: LinkTiming = scaledTiming(20);
/** Timers for ptys: T1 100 ms, T2 500 ms. */
export const PTY_TIMING: LinkTiming = scaledTiming(10);

/** A policy for scaled timers: a few seconds to come back, quick retries. */
export const TEST_POLICY: Partial<RebindPolicy> = { reconnectWithinMs: 6000, retryIntervalMs: 20, maxAttempts: 3 };

/** A migrated database file in a fresh temp dir. */
export interface TestDatabase {
  dir: string;
  path: string;
  db: Database.Database;
  close(): void;
}

/** Opens (creating) a migrated database in a new temp dir. */
export function openTestDatabase(prefix = 'rebinddesk-rebind-'): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = join(dir, 'rebinddesk.sqlite');
  const { db } = openAppDatabase(path, { migrations });
  return {
    dir,
    path,
    db,
    close() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A simulator that records its events. */
export interface RecordedSimulator {
  sim: TerminalSimulator;
  events: SimulatorEvent[];
  /** Executed commands in order, as "COMMIT:00". */
  commands(): string[];
}

/** Creates a simulator with instant processing and the given timers; events are recorded. */
export function recordedSimulator(options: SimulatorOptions, timing: LinkTiming): RecordedSimulator {
  const events: SimulatorEvent[] = [];
  const sim = createSimulator({
    timing,
    ...options,
    processing: { ...INSTANT_PROCESSING_TIMES, ...options.processing },
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
  });
  return {
    sim,
    events,
    commands: () => events.flatMap((e) => (e.type === 'command' ? [`${e.command}:${e.rc.toString(16).padStart(2, '0')}`] : [])),
  };
}

/**
 * Reaches the simulator over a new in-memory line per connection (the old one is dropped). With
 * `clock` (a SimulatedClock that the simulator and the engine share), the line and the link run on it.
 */
export function memoryAccess(sim: TerminalSimulator, timing: LinkTiming = MEMORY_TIMING, clock?: Clock): TerminalAccess {
  return {
    path: 'memory:terminal',
    async connect(log) {
      const pair = createMemoryPortPair('rebind', clock);
      sim.attach(pair.terminal);
      const driver = new RtpDriver(pair.host, { timing, log, ...(clock ? { clock } : {}) });
      return { driver, close: () => driver.close().catch(() => undefined) };
    },
  };
}

/**
 * The simulator on one end of a socat pty pair, reached through the real serialport binding.
 * When the simulator drops its side (a disconnect fault pulls the cable), the side is opened and
 * attached again after `replugMs`, like a cable plugged back in.
 */
export interface PtyTerminal {
  access: TerminalAccess;
  close(): Promise<void>;
}

/** Serves `sim` on a pty pair; the host side is opened anew for every connection, its link on `clock` when given. */
export async function ptyTerminal(sim: TerminalSimulator, timing: LinkTiming = PTY_TIMING, replugMs = 50, clock?: Clock): Promise<PtyTerminal> {
  const pair: PtyPair = await createPtyPair();
  let closed = false;
  let terminalPort: BytePort | undefined;
  const plug = async (): Promise<void> => {
    const port = await openSerialPort(pair.terminalPath, { baudRate: 115200 });
    terminalPort = port;
    port.onClose(() => {
      if (closed || terminalPort !== port) return;
      setTimeout(() => {
        if (!closed) void plug().catch(() => undefined);
      }, replugMs);
    });
    sim.attach(port);
  };
  await plug();
  return {
    access: {
      path: pair.hostPath,
      async connect(log) {
        const port = await openSerialPort(pair.hostPath, { baudRate: 115200 });
        const driver = new RtpDriver(port, { timing, log, baudRate: 115200, ...(clock ? { clock } : {}) });
        return { driver, close: () => driver.close().catch(() => undefined) };
      },
    },
    async close() {
      closed = true;
      await terminalPort?.close().catch(() => undefined);
      await pair.close();
    },
  };
}

/** The engine's lease renewal (RebindEngineDeps.every) on `clock` instead of a wall-time setInterval. */
export function repeatingOn(clock: Scheduler): (ms: number, renew: () => void) => () => void {
  return (ms, renew) => {
    let cancel = (): void => undefined;
    const arm = () => {
      cancel = clock.after(ms, () => {
        renew();
        arm();
      });
    };
    arm();
    return () => cancel();
  };
}

/** An engine on `db` with the test policy; its sleeps, deadlines and lease renewal on `clock` when given. */
export function testEngine(db: Database.Database, policy: Partial<RebindPolicy> = {}, clock?: Clock): RebindEngine {
  return createRebindEngine({
    connection: () => db,
    encryption: createTestFieldEncryption(() => db),
    policy: { ...TEST_POLICY, ...policy },
    // The engine takes the clock's functions apart, so they are bound here.
    ...(clock ? { clock: { now: () => clock.now(), monoMs: () => clock.monoMs(), sleep: (ms: number) => clock.sleep(ms) }, every: repeatingOn(clock) } : {}),
  });
}
