import { writeFileSync } from 'node:fs';
import { demoPortPath, type PortInfo, type PortList } from '../../../../shared/terminal/port-info';
import type { ConnectionState, LinkLogEntry } from '../../../../shared/terminal/terminal-state';
import { AppError } from '../../app-error';
import { reason } from '../../../../shared/errors/reason';
import { systemClock } from '../../platform/clock';
import type { Clock } from '../../platform/clock';
import type { EventPort } from '../../../../shared/ipc/event-port';
import type { PortOpener } from '../port/byte-port';
import type { BytePort } from '../port/byte-port';
import { watchPorts, type PortWatcher } from '../port/port-watcher';
import { LINK_LOG_VIEW_LINES } from '../../../../shared/terminal/link-log-line';
import type { LinkLogBuffer } from './link-log-buffer';
import { formatLinkLogJsonl, formatLinkLogText } from './link-log-format';
import type { TerminalAccess } from '../driver/terminal-access';
import { serialTerminalAccess } from '../driver/serial-terminal-access';
import { RtpDriver } from '../driver';
import type { LinkLogEntry as DriverLogEntry, LinkLogSink } from '../link';
import type { DemoControls, DemoTerminal, SessionFactory, TerminalSession } from './terminal-session';

/** Dependencies of the terminal service. */
export interface TerminalServiceDeps {
  events: EventPort;
  log: LinkLogBuffer;
  listSystemPorts: () => Promise<PortList>;
  openPort: PortOpener;
  openSession: SessionFactory;
  startDemoTerminal: () => Promise<DemoTerminal>;
  /** The last port and baud rate, remembered in settings. */
  remember: (path: string, baudRate: number) => void;
  lastPort: () => string | null;
  chooseLogTarget: (suggestedName: string) => Promise<string | null>;
  pollIntervalMs?: number;
  /** Where a failed port listing is reported (the app log); stderr by default. */
  logError?: (what: string, error: unknown) => void;
  /** The clock of the service's own log notes and of the links it opens for a rebind; the process's by default. */
  clock?: Clock;
}

/** The Terminal page's service: ports with hot-plug, one connection at a time, reads, and the link log. */
export interface TerminalService {
  listPorts(): Promise<PortList>;
  state(): ConnectionState;
  connect(path: string, baudRate: number): Promise<ConnectionState>;
  disconnect(): Promise<ConnectionState>;
  readBatch(): ReturnType<TerminalSession['readBatch']>;
  readParams(): ReturnType<TerminalSession['readParams']>;
  linkLog(afterSeq?: number): LinkLogEntry[];
  exportLog(format: 'text' | 'jsonl'): Promise<{ location: string; entries: number } | null>;
  /** Flips the demo terminal's training switches; refused when the demo terminal is not connected. */
  demoControl(controls: DemoControls): Promise<void>;
  /**
   * Hands the connected terminal to the rebinding engine: the page's session stops, the engine
   * opens the line itself (again after every failure), and its traffic goes to the same link log.
   * `giveBack` reconnects the page and reads the identity afresh.
   */
  lend(): Promise<{ access: TerminalAccess; identity: ConnectionState['identity']; giveBack: () => Promise<ConnectionState> }>;
  /** Stops polling and closes the connection (app shutdown). */
  close(): Promise<void>;
}

const demoPort: PortInfo = { path: demoPortPath, source: 'demo', vendor: null };

/** Creates the terminal service; it starts watching ports at once. */
export function createTerminalService(deps: TerminalServiceDeps): TerminalService {
  const clock = deps.clock ?? systemClock;
  let state: ConnectionState = { status: 'disconnected', portPath: null, demo: false, identity: null, error: null };
  let current: { port: BytePort; session: TerminalSession | null; demo: DemoTerminal | null } | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let lastBaud = 115200;

  const setState = (next: Partial<ConnectionState>) => {
    state = { ...state, ...next };
    deps.events.emit('terminal:state-changed', state);
    return state;
  };

  // One terminal operation at a time: the link is half duplex and a second request would cut in.
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const withManual = (list: PortList): PortList => {
    const ports = [demoPort, ...list.ports];
    const last = deps.lastPort();
    if (last && !ports.some((p) => p.path === last)) ports.push({ path: last, source: 'manual', vendor: null });
    return { ports, problem: list.problem };
  };

  // Paths the OS listed at the last poll: a connected device that drops out of it was unplugged.
  let systemPaths = new Set<string>();
  const noticeVanished = (list: PortList) => {
    const now = new Set(list.ports.map((p) => p.path));
    if (current && !current.demo && systemPaths.has(current.port.path) && !now.has(current.port.path)) {
      const path = current.port.path;
      note(`port vanished: ${path}`);
      setState({ status: 'lost', error: `${path} disappeared (cable unplugged or terminal restarted). Plug it back in and connect again.` });
      void oneAtATime(teardown);
    }
    systemPaths = now;
  };

  const watcher: PortWatcher = watchPorts({
    list: async () => {
      const system = await deps.listSystemPorts();
      noticeVanished(system);
      return withManual(system);
    },
    // 250 ms: a plugged terminal shows (and can be identified) well inside half a second.
    intervalMs: deps.pollIntervalMs ?? 250,
    onChange: (change) => deps.events.emit('terminal:ports-changed', change.list),
    onError: (error) => (deps.logError ?? ((what, e) => console.error(`[terminal] ${what}`, e)))('port listing failed', error),
  });

  const teardown = async () => {
    const was = current;
    current = null;
    if (!was) return;
    await was.session?.close().catch(() => undefined);
    await was.port.close().catch(() => undefined);
    await was.demo?.close().catch(() => undefined);
  };

  const requireSession = (): TerminalSession => {
    if (!current?.session || state.status !== 'connected') {
      throw new AppError('conflict', reason('no-terminal-connected'));
    }
    return current.session;
  };

  // The engine owns the line until it gives it back; pulling it away would cut a rebind in half.
  const refuseWhileRebinding = () => {
    if (state.status === 'rebinding') throw new AppError('conflict', reason('rebind-running-on-terminal'));
  };

  // The service's own notes come from no link: index 0, the connected port if any.
  const note = (text: string) =>
    deps.log.append({ index: 0, epochMs: clock.now().getTime(), monoMs: clock.monoMs(), port: current?.port.path ?? state.portPath ?? '', direction: 'note', kind: 'state', hex: '', text });

  const service: TerminalService = {
    listPorts: () => watcher.current(),
    state: () => state,

    connect(path, baudRate) {
      return oneAtATime(async () => {
        refuseWhileRebinding();
        await teardown();
        const demo = path === demoPortPath;
        setState({ status: 'connecting', portPath: path, demo, identity: null, error: null });
        note(`connect ${demo ? 'demo terminal' : path} at ${baudRate} baud`);
        try {
          const demoTerminal = demo ? await deps.startDemoTerminal() : null;
          const port = demoTerminal ? demoTerminal.port : await deps.openPort(path, { baudRate });
          current = { port, session: null, demo: demoTerminal };
          port.onClose((reason) => {
            if (current?.port !== port || reason.kind !== 'lost') return;
            note(`port lost: ${reason.message}`);
            setState({ status: 'lost', error: `${path}: ${reason.message} Check the cable and connect again.` });
          });
          // A serial line's baud rate bounds how long a late frame may take (docs/protocol.md §7.20).
          current.session = await deps.openSession(port, (entry) => deps.log.append(entry), demo ? {} : { baudRate });
          const identity = await current.session.identify();
          deps.remember(path, baudRate);
          lastBaud = baudRate;
          return setState({ status: 'connected', identity });
        } catch (error) {
          await teardown();
          const message = error instanceof Error ? error.message : String(error);
          note(`connect failed: ${message}`);
          return setState({ status: 'disconnected', identity: null, error: message });
        }
      });
    },

    disconnect() {
      return oneAtATime(async () => {
        refuseWhileRebinding();
        await teardown();
        note('disconnected');
        return setState({ status: 'disconnected', identity: null, error: null });
      });
    },

    readBatch: () => oneAtATime(() => requireSession().readBatch()),
    readParams: () => oneAtATime(() => requireSession().readParams()),
    // The page keeps its newest lines only: never send it more (the exports read the whole buffer).
    linkLog: (afterSeq) => deps.log.since(afterSeq, LINK_LOG_VIEW_LINES),

    async exportLog(format) {
      const entries = deps.log.since();
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const target = await deps.chooseLogTarget(`rebind-link-${stamp}.${format === 'text' ? 'log' : 'jsonl'}`);
      if (target === null) return null;
      const header = `RebindDesk link log, ${state.portPath ?? 'no port'}, exported ${new Date().toISOString()}`;
      writeFileSync(target, format === 'text' ? formatLinkLogText(entries, header) : formatLinkLogJsonl(entries));
      return { location: target, entries: entries.length };
    },

    demoControl(controls) {
      return oneAtATime(async () => {
        if (!current?.demo || state.status !== 'connected') throw new AppError('conflict', reason('demo-terminal-only'));
        current.demo.control(controls);
        note(`demo terminal: ${JSON.stringify(controls)}`);
      });
    },

    lend() {
      return oneAtATime(async () => {
        const was = current;
        if (!was?.session || state.status !== 'connected') {
          throw new AppError('conflict', reason('no-terminal-to-reconnect'));
        }
        const path = state.portPath ?? was.port.path;
        const baudRate = lastBaud;
        const identity = state.identity;
        const demo = was.demo;
        // The engine opens the line itself; the page lets go of it (a serial port has one owner).
        await was.session.close().catch(() => undefined);
        if (demo) current = { port: was.port, session: null, demo };
        else await teardown();
        setState({ status: 'rebinding' });
        const tee = (log: LinkLogSink): LinkLogSink => ({
          append: (entry: DriverLogEntry) => {
            log.append(entry);
            deps.log.append(entry);
          },
        });
        const access: TerminalAccess = demo
          ? {
              path,
              async connect(log) {
                const driver = new RtpDriver(demo.replug(), { log: tee(log), clock });
                return { driver, close: () => driver.release().catch(() => undefined) };
              },
            }
          : (() => {
              const serialAccess = serialTerminalAccess(path, { baudRate, openPort: deps.openPort, clock });
              return { path, connect: (log: LinkLogSink) => serialAccess.connect(tee(log)) };
            })();
        const giveBack = async (): Promise<ConnectionState> => {
          if (!demo) {
            // The engine has closed its port; reconnecting is an ordinary connect from here.
            setState({ status: 'disconnected' });
            return service.connect(path, baudRate);
          }
          return oneAtATime(async () => {
            if (current?.demo !== demo) return state;
            try {
              const port = demo.replug();
              current = { port, session: await deps.openSession(port, (entry) => deps.log.append(entry)), demo };
              return setState({ status: 'connected', identity: await current.session!.identify(), error: null });
            } catch (error) {
              await teardown();
              return setState({ status: 'disconnected', identity: null, error: error instanceof Error ? error.message : String(error) });
            }
          });
        };
        return { access, identity, giveBack };
      });
    },

    async close() {
      watcher.stop();
      await oneAtATime(teardown);
    },
  };
  return service;
}
