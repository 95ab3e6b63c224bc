import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/app/app-info';
import { openBackupHistory } from './backup/backup-history';
import { createBackupService } from './backup/backup-service';
import { openDatabaseHolder, type DatabaseHolder } from './db/database-holder';
import { latestSchemaVersion, migrations } from './db/migrations';
import { createEventBus, type EventBus } from './ipc/event-bus';
import { createRouter, type Router, type SenderInfo } from './ipc/router';
import type { FilePicker } from './platform/file-picker';
import { createSettingsRepository } from './settings/settings-repository';
import { createSettingsService } from './settings/settings-service';
import type { PortOpener } from './terminal/port/byte-port';
import type { PortList } from '../../shared/terminal/port-info';
import { createLinkLogBuffer } from './terminal/service/link-log-buffer';
import { createTerminalAdapters } from './terminal/service/terminal-adapters';
import { createTerminalService, type TerminalService } from './terminal/service/terminal-service';

/** What the composition root (Electron, the browser harness, a benchmark) supplies. */
export interface MainContextOptions {
  dataDir: string;
  appVersion: string;
  runtime: AppInfo['runtime'];
  picker: FilePicker;
  isTrustedSender: (sender: SenderInfo) => boolean;
  nativeBinding?: string | undefined;
  versions?: Partial<AppInfo['versions']>;
  now?: () => Date;
  /** The system's serial ports (SerialPort.list in the app; a fixed list in tests). */
  listSystemPorts: () => Promise<PortList>;
  /** Opens a serial port (node-serialport in the app; ptys or memory lines in tests). */
  openPort: PortOpener;
  /** Simulator speed for the demo terminal; tests run it without line delays. */
  demoLine?: { baudRate: number; turnaroundMs: number } | null;
}

/** The main process without Electron: database, services, router and events. */
export interface MainContext {
  router: Router;
  events: EventBus;
  database: DatabaseHolder;
  terminal: TerminalService;
  /** Closes the terminal connection and the database; call once at shutdown. */
  close(): Promise<void>;
}

/** The database file name inside the data directory. */
export const databaseFileName = 'rebinddesk.sqlite';

/** Opens the data directory and wires every service behind the router. */
export function createMainContext(options: MainContextOptions): MainContext {
  mkdirSync(options.dataDir, { recursive: true });
  const databasePath = join(options.dataDir, databaseFileName);
  const database = openDatabaseHolder(databasePath, { migrations, nativeBinding: options.nativeBinding });
  const events = createEventBus();
  const connection = () => database.current();

  const settings = createSettingsService(createSettingsRepository(connection), events, options.now);
  const backups = createBackupService({
    holder: database,
    history: openBackupHistory(join(options.dataDir, 'backup-history.json')),
    picker: options.picker,
    backupsDir: join(options.dataDir, 'backups'),
    latestSchema: latestSchemaVersion,
    nativeBinding: options.nativeBinding,
    now: options.now,
  });

  const adapters = createTerminalAdapters({
    demoStatePath: join(options.dataDir, 'demo-terminal.json'),
    demoLine: options.demoLine === undefined ? { baudRate: 115200, turnaroundMs: 16 } : options.demoLine,
  });
  const linkLog = createLinkLogBuffer();
  linkLog.subscribe((entries) => events.emit('terminal:log', entries));
  const terminal = createTerminalService({
    events,
    log: linkLog,
    listSystemPorts: options.listSystemPorts,
    openPort: options.openPort,
    openSession: adapters.openSession,
    startDemoTerminal: adapters.startDemoTerminal,
    lastPort: () => settings.get().terminalPort,
    remember: (path, baudRate) => {
      const now = settings.get();
      if (now.terminalPort !== path || now.terminalBaudRate !== baudRate) settings.update({ terminalPort: path, terminalBaudRate: baudRate });
    },
    chooseLogTarget: (name) => options.picker.chooseLinkLogTarget(name),
  });

  const router = createRouter({
    isTrustedSender: options.isTrustedSender,
    handlers: {
      'app:info': () => ({
        appVersion: options.appVersion,
        schemaVersion: database.schemaVersion(),
        dataDir: options.dataDir,
        databasePath,
        runtime: options.runtime,
        versions: { node: process.versions.node, ...options.versions },
      }),
      'settings:get': () => settings.get(),
      'settings:update': (patch) => settings.update(patch),
      'backup:list': () => backups.list(),
      'backup:create': (input) => backups.create(input),
      'terminal:list-ports': () => terminal.listPorts(),
      'terminal:state': () => terminal.state(),
      'terminal:connect': (input) => terminal.connect(input.path, input.baudRate),
      'terminal:disconnect': () => terminal.disconnect(),
      'terminal:read-batch': () => terminal.readBatch(),
      'terminal:read-params': () => terminal.readParams(),
      'terminal:link-log': (input) => ({ entries: terminal.linkLog(input.afterSeq) }),
      'terminal:export-log': (input) => terminal.exportLog(input.format),
      'backup:restore': async (input) => {
        const outcome = await backups.restore(input);
        if (outcome) {
          events.emit('backup:restored', outcome);
          events.emit('settings:changed', settings.get());
        }
        return outcome;
      },
    },
  });

  return {
    router,
    events,
    database,
    terminal,
    close: async () => {
      await terminal.close();
      database.close();
    },
  };
}
