// The composition root without Electron: it opens the data directory and composes one module per
// feature (docs/main-layers.md). A new feature is one line in `modules` below; its channels, their
// handlers and its services live in the feature's own folder.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/app/app-info';
import type { PortList } from '../../shared/terminal/port-info';
import { createAppInfoModule } from './app/app-info-module';
import { createAuditModule } from './audit/audit-module';
import { createAdminModule } from './auth/admin-module';
import { createAuthModule } from './auth/auth-module';
import type { ScryptParams } from './auth/password-hash';
import { createSecurityServices, type SecurityServices } from './auth/security-services';
import { createTwoFactorModule } from './auth/two-factor-module';
import { createBackupModule } from './backup/backup-module';
import { createDataKeysModule } from './crypto/data-keys-module';
import { createDeskModule } from './desk/desk-module';
import { createChecklistModule } from './checklist/checklist-module';
import { createReportModule } from './report/report-module';
import type { ReportPrinter } from './report/report-printer';
import { createReportsModule } from './reports/reports-module';
import { keyProtectorsFor } from './crypto/file-key-protector';
import type { KeyProtector } from './crypto/key-protector';
import { registerDataDirHolder } from './db/data-dir-hold';
import { openDatabaseHolder, type DatabaseHolder } from './db/database-holder';
import { latestSchemaVersion, migrations } from './db/migrations';
import { createEventBus, type EventBus } from './ipc/event-bus';
import { composeModules } from './ipc/compose-modules';
import { createRouter, type Router, type SenderInfo } from './ipc/router';
import { appLogPath, createAppLog } from './logging/app-log';
import { createOnsiteModule } from './onsite/onsite-module';
import type { OnsiteService } from './onsite/onsite-service';
import type { FilePicker } from './platform/file-picker';
import { createSettingsModule } from './settings/settings-module';
import type { PortOpener } from './terminal/port/byte-port';
import type { TerminalService } from './terminal/service/terminal-service';
import { createTerminalModule } from './terminal/terminal-module';
import type Database from 'better-sqlite3';
import type { EventPort } from '../../shared/ipc/event-port';
import { reason } from '../../shared/errors/reason';
import { demoPortPath } from '../../shared/terminal/port-info';
import { trainingDatabaseFileName } from '../../shared/training/training';
import { AppError } from './app-error';
import { createSqliteAuthStore } from './auth/sqlite-operator-repository';
import type { ChannelHandlers } from './ipc/router';
import { createTrainingModule } from './training/training-module';
import type { TrainingService } from './training/training-service';
import type { TrainingWorkspace } from './training/training-workspace';

/** What the composition root (Electron, the browser harness, a benchmark) supplies. */
export interface MainContextOptions {
  dataDir: string;
  appVersion: string;
  runtime: AppInfo['runtime'];
  picker: FilePicker;
  isTrustedSender: (sender: SenderInfo) => boolean;
  /**
   * The OS keychain protector for data keys (Electron safeStorage in the app, a test protector in
   * tests); null where there is none, and the keys are then wrapped by a key in a plain file in the
   * data directory (`plaintext-file`, which the admin is warned about).
   */
  keyProtector: KeyProtector | null;
  nativeBinding?: string | undefined;
  versions?: Partial<AppInfo['versions']>;
  now?: () => Date;
  /** scrypt cost for new password hashes; only tests lower it. */
  scrypt?: ScryptParams;
  /** The system's serial ports (SerialPort.list in the app; a fixed list in tests). */
  listSystemPorts: () => Promise<PortList>;
  /** Opens a serial port (node-serialport in the app; ptys or memory lines in tests). */
  openPort: PortOpener;
  /** Simulator speed for the demo terminal; tests run it without line delays. */
  demoLine?: { baudRate: number; turnaroundMs: number } | null;
  /** Folder of bank parameter templates; resources/bank-templates by default. */
  bankTemplatesDir?: string;
  /** resources/desk-samples/reference.json by default. */
  deskSamplesPath?: string;
  /** Load the sample reference data into an empty install at start-up (true by default). */
  seedDeskSamples?: boolean;
  /** resources/checklists by default. */
  checklistTemplatesDir?: string;
  /** Load the shipped checklist templates into an install without any (true by default). */
  seedChecklistTemplates?: boolean;
  /** Prints service reports to PDF (Electron's printToPDF in the app, Chromium in the harness); none: issuing is refused. */
  reportPrinter?: ReportPrinter | null;
  /** Where unexpected errors go (the console by default). */
  logError?: (what: string, error: unknown) => void;
  /** How long close() waits for a running rebind (REBIND_SHUTDOWN_GRACE_MS by default). */
  shutdownGraceMs?: number;
  /** How that wait passes (setTimeout by default); tests drive it by hand instead of by the clock. */
  shutdownWait?: (ms: number) => Promise<void>;
}

/** The main process without Electron: database, services, router and events. */
export interface MainContext {
  router: Router;
  events: EventBus;
  database: DatabaseHolder;
  terminal: TerminalService;
  onsite: OnsiteService;
  security: SecurityServices;
  /** Training mode: which windows train (the router's modes), enter, leave, reset. */
  training: TrainingService;
  /** Closes the terminal connection and the database; call once at shutdown. */
  close(): Promise<void>;
}

/** The database file name inside the data directory. */
export const databaseFileName = 'rebinddesk.sqlite';

export { REBIND_SHUTDOWN_GRACE_MS } from './onsite/onsite-module';

/** Opens the data directory and composes every feature module behind the router. */
export function createMainContext(options: MainContextOptions): MainContext {
  mkdirSync(options.dataDir, { recursive: true });
  const { dataDir, picker } = options;
  const databasePath = join(dataDir, databaseFileName);
  // Registered before the database opens, so a restore in another process sees this one (data-dir-hold.ts).
  const registration = registerDataDirHolder(dataDir, 'app');
  let database: DatabaseHolder;
  try {
    database = openDatabaseHolder(databasePath, { migrations, nativeBinding: options.nativeBinding });
  } catch (error) {
    registration.release();
    throw error;
  }
  const events = createEventBus();
  const connection = () => database.current();
  const now = options.now ?? (() => new Date());
  // Every unexpected error goes to logs/main.log in the data directory (size-capped, rotated), and
  // to the console or the caller's logger; `internal` answers name the file.
  const appLog = createAppLog(appLogPath(dataDir));
  const report = options.logError ?? ((what: string, error: unknown) => console.error(`[main] ${what}`, error));
  const logError = (what: string, error: unknown): void => {
    appLog.error(what, error);
    report(what, error);
  };
  const protectors = keyProtectorsFor(dataDir, options.keyProtector);
  const security = createSecurityServices({ connection, protectors, now, scrypt: options.scrypt });
  const shared = { connection, events, now, logError, dataDir, picker };
  const work = composeWork(options, shared, security, protectors, { listSystemPorts: options.listSystemPorts, openPort: options.openPort });

  // Training mode: the same work modules over training/rebinddesk-training.sqlite, opened when a
  // window first enters it (docs/training.md). Only the demo terminal: no system port is listed,
  // and opening one is refused.
  const trainingDir = join(dataDir, 'training');
  const authStore = createSqliteAuthStore(connection);
  const training = createTrainingModule({
    connection,
    trainingDir,
    now,
    logError,
    people: () => authStore.operators.list().map(({ id, username, displayName, role, disabled }) => ({ id, username, displayName, role, disabled })),
    open: () => openTrainingWorkspace(options, trainingDir, { now, logError, picker, events: events.trainingPort() }),
  });

  const modules = composeModules([
    createAppInfoModule({ ...options, databasePath, schemaVersion: () => database.schemaVersion() }),
    work.settings,
    createAuthModule(security),
    createTwoFactorModule(security),
    createAdminModule(security),
    work.keys,
    createAuditModule(shared),
    createBackupModule({
      ...shared,
      database,
      latestSchema: latestSchemaVersion,
      migrations,
      nativeBinding: options.nativeBinding,
      countOpenOperations: () => work.onsite.engine.store.countOpen(),
      rebindRunning: () => work.onsite.service.busy(),
      afterRestore: () => void work.keys.ensureUsable(),
      currentSettings: () => work.settings.service.get(),
    }),
    // The desk sits below the terminal and On-site: it closes after them (modules close in reverse).
    work.desk,
    work.checklist,
    createReportModule({ ...shared, printer: options.reportPrinter ?? null }),
    // Over the real file only: training data never reaches a report (a training window is refused it).
    createReportsModule(shared),
    work.terminal,
    work.onsite,
    // Closes first: a training terminal and file before the real ones.
    training,
  ]);

  const router = createRouter({ isTrustedSender: options.isTrustedSender, sessions: security.sessions, logError, logFile: appLog.path, handlers: modules.handlers, modes: training.service });
  return {
    router,
    events,
    database,
    terminal: work.terminal.service,
    onsite: work.onsite.service,
    security,
    training: training.service,
    close: async () => {
      // Modules close in reverse: a running rebind first, then the terminal link; the database last.
      await modules.close();
      database.close();
      registration.release();
    },
  };
}

interface WorkBase {
  connection: () => Database.Database;
  events: EventPort;
  now: () => Date;
  logError: (what: string, error: unknown) => void;
  dataDir: string;
  picker: FilePicker;
}

/**
 * The modules of the work itself (settings, data keys, the desk, the checklist, the terminal and
 * On-site) over one database and data directory: the real one, or the training one.
 */
function composeWork(options: MainContextOptions, shared: WorkBase, security: SecurityServices, protectors: readonly KeyProtector[], ports: { listSystemPorts: () => Promise<PortList>; openPort: PortOpener }) {
  const settings = createSettingsModule(shared);
  const terminal = createTerminalModule({
    ...shared,
    ...ports,
    demoLine: options.demoLine,
    lastPort: () => settings.service.get().terminalPort,
    rememberPort: (actor, port) => settings.service.update(actor, port),
  });
  const keys = createDataKeysModule({ ...shared, security, protectors, terminalSecrets: terminal.secrets });
  keys.ensureUsable();
  const onsite = createOnsiteModule({
    ...shared,
    encryption: security.encryption,
    terminal: terminal.service,
    // Bank templates ship in resources/ (beside out/ when built, two levels up from this source file).
    bankTemplatesDir: options.bankTemplatesDir ?? join(import.meta.dirname, '../../resources/bank-templates'),
    shutdownGraceMs: options.shutdownGraceMs,
    shutdownWait: options.shutdownWait,
    // The desk module is made below; an outcome arrives only after start-up.
    visitOutcome: (visit) => desk.booking.service.visitOutcome(visit),
  });
  const desk = createDeskModule({
    ...shared,
    templateIds: () => onsite.service.templates().map((template) => template.id),
    samplesPath: options.deskSamplesPath ?? join(import.meta.dirname, '../../resources/desk-samples/reference.json'),
    seedSamples: options.seedDeskSamples ?? true,
    encryption: security.encryption,
  });
  const checklist = createChecklistModule({
    ...shared,
    templatesDir: options.checklistTemplatesDir ?? join(import.meta.dirname, '../../resources/checklists'),
    seedTemplates: options.seedChecklistTemplates ?? true,
  });
  return { settings, terminal, keys, onsite, desk, checklist };
}

/** The training file with the work modules over it; its terminal reaches the demo terminal only. */
function openTrainingWorkspace(options: MainContextOptions, trainingDir: string, base: Omit<WorkBase, 'connection' | 'dataDir'>): TrainingWorkspace {
  mkdirSync(trainingDir, { recursive: true });
  const database = openDatabaseHolder(join(trainingDir, trainingDatabaseFileName), { migrations, nativeBinding: options.nativeBinding });
  try {
    const connection = () => database.current();
    const shared = { ...base, connection, dataDir: trainingDir };
    const protectors = keyProtectorsFor(trainingDir, options.keyProtector);
    const security = createSecurityServices({ connection, protectors, now: base.now, scrypt: options.scrypt });
    const work = composeWork(
      // The training case must be seeded on the samples, whatever the real install chose.
      { ...options, seedDeskSamples: true, seedChecklistTemplates: true },
      shared,
      security,
      protectors,
      { listSystemPorts: async () => ({ ports: [], problem: null }), openPort: (path) => Promise.reject(new AppError('forbidden', reason('training-demo-terminal-only', { port: path }))) },
    );
    // The service report of a training visit is issued, stored and recorded in the training file, like its case.
    const modules = [work.settings, work.keys, createAuditModule(shared), work.desk, work.checklist, createReportModule({ ...shared, printer: options.reportPrinter ?? null }), work.terminal, work.onsite];
    const handlers: Partial<ChannelHandlers> = Object.assign({}, ...modules.map((module) => module.handlers));
    // Refused before the terminal service runs, so the answer names the port in the user's language.
    const connect = handlers['terminal:connect']!;
    handlers['terminal:connect'] = (input, context) => {
      if (input.path !== demoPortPath) throw new AppError('forbidden', reason('training-demo-terminal-only', { port: input.path }));
      return connect(input, context);
    };
    return {
      handlers,
      connection,
      busy: () => work.onsite.service.busy(),
      idle: () => work.onsite.service.idle(),
      close: async () => {
        for (const module of [...modules].reverse()) await (module as { close?: () => void | Promise<void> }).close?.();
        database.close();
      },
    };
  } catch (error) {
    database.close();
    throw error;
  }
}
