import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/app/app-info';
import type { KeyStatus } from '../../shared/auth/key-protection';
import type { PortList } from '../../shared/terminal/port-info';
import { findAuditAnchors } from './backup/audit-anchors';
import type { ScryptParams } from './auth/password-hash';
import { createSecurityServices, type SecurityServices } from './auth/security-services';
import { openBackupHistory } from './backup/backup-history';
import { createBackupService } from './backup/backup-service';
import { keyProtectorsFor } from './crypto/file-key-protector';
import type { KeyProtector } from './crypto/key-protector';
import { registerDataDirHolder, takeExclusiveHold } from './db/data-dir-hold';
import { refreshCliWraps, setCliPassphrase } from './crypto/cli-passphrase';
import { openDatabaseHolder, type DatabaseHolder } from './db/database-holder';
import { latestSchemaVersion, migrations } from './db/migrations';
import { createEventBus, type EventBus } from './ipc/event-bus';
import { adminHandlers } from './ipc/handlers/admin-handlers';
import { auditHandlers } from './ipc/handlers/audit-handlers';
import { authHandlers } from './ipc/handlers/auth-handlers';
import { dataHandlers } from './ipc/handlers/data-handlers';
import { terminalHandlers } from './ipc/handlers/terminal-handlers';
import { onsiteHandlers } from './ipc/handlers/onsite-handlers';
import { createOnsiteService, type OnsiteService } from './onsite/onsite-service';
import { AppError } from './app-error';
import { appLogPath, createAppLog } from './logging/app-log';
import { loadBankTemplates } from './rebind/bank-templates';
import { createRebindEngine } from './rebind/rebind-engine';
import { sealClearParams } from './rebind/seal-clear-params';
import { createParamsSealer } from './rebind/sealed-params';
import { twoFactorHandlers } from './ipc/handlers/two-factor-handlers';
import { createRouter, type Router, type SenderInfo } from './ipc/router';
import type { FilePicker } from './platform/file-picker';
import { createSettingsRepository } from './settings/settings-repository';
import { createSettingsService } from './settings/settings-service';
import { createPreferencesRepository } from './settings/preferences-repository';
import { createPreferencesService } from './settings/preferences-service';
import { auditedOn } from './db/audited';
import type { PortOpener } from './terminal/port/byte-port';
import { createLinkLogBuffer } from './terminal/service/link-log-buffer';
import { createTerminalAdapters } from './terminal/service/terminal-adapters';
import { createTerminalSecretReveal } from './terminal/service/terminal-secrets';
import { createTerminalService, type TerminalService } from './terminal/service/terminal-service';

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
  /** Closes the terminal connection and the database; call once at shutdown. */
  close(): Promise<void>;
}

/** The database file name inside the data directory. */
export const databaseFileName = 'rebinddesk.sqlite';

/** How long quitting waits for a running rebind to cancel before leaving it to recovery. */
export const REBIND_SHUTDOWN_GRACE_MS = 15_000;

/** Opens the data directory and wires every service behind the router. */
export function createMainContext(options: MainContextOptions): MainContext {
  mkdirSync(options.dataDir, { recursive: true });
  const databasePath = join(options.dataDir, databaseFileName);
  // Registered before the database opens, so a restore in another process sees this one (data-dir-hold.ts).
  const registration = registerDataDirHolder(options.dataDir, 'app');
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
  const appLog = createAppLog(appLogPath(options.dataDir));
  const report = options.logError ?? ((what: string, error: unknown) => console.error(`[main] ${what}`, error));
  const logError = (what: string, error: unknown): void => {
    appLog.error(what, error);
    report(what, error);
  };

  const protectors = keyProtectorsFor(options.dataDir, options.keyProtector);
  const security = createSecurityServices({
    connection,
    protectors,
    now,
    scrypt: options.scrypt,
  });
  const ensureDataKey = (): KeyStatus | null => {
    try {
      const status = security.encryption.ensureKey();
      try {
        // Keys of a restored backup get the command-line wrap they lack, while a passphrase is set.
        refreshCliWraps(connection(), security.keyring, protectors, now());
      } catch (error) {
        logError('the command-line key file cannot be used (set the passphrase again)', error);
      }
      // Parameter sets journaled before their key check values were encrypted (or in a restored old backup).
      sealClearParams(connection(), createParamsSealer(security.encryption), now);
      return status;
    } catch (error) {
      // A key that cannot be unwrapped is reported, not replaced: the app still starts, and
      // whatever needs the key says why it cannot be read.
      logError('the data key cannot be used', error);
      return null;
    }
  };
  ensureDataKey();

  const settings = createSettingsService(createSettingsRepository(connection), events, now);
  const preferences = createPreferencesService({
    repo: createPreferencesRepository(connection),
    audited: auditedOn(connection),
    deviceDefault: () => settings.get(),
    now,
  });
  const engine = createRebindEngine({ connection, encryption: security.encryption });
  const backups = createBackupService({
    holder: database,
    history: openBackupHistory(join(options.dataDir, 'backup-history.json')),
    picker: options.picker,
    backupsDir: join(options.dataDir, 'backups'),
    latestSchema: latestSchemaVersion,
    migrations,
    holdExclusively: () => takeExclusiveHold(options.dataDir, () => engine.store.countOpen()),
    nativeBinding: options.nativeBinding,
    now,
  });

  const adapters = createTerminalAdapters({
    demoStatePath: join(options.dataDir, 'demo-terminal.json'),
    demoLine: options.demoLine === undefined ? { baudRate: 115200, turnaroundMs: 16 } : options.demoLine,
  });
  const linkLog = createLinkLogBuffer({ onError: logError });
  linkLog.subscribe((entries) => events.emit('terminal:log', entries));
  const terminal = createTerminalService({
    events,
    log: linkLog,
    listSystemPorts: options.listSystemPorts,
    openPort: options.openPort,
    openSession: adapters.openSession,
    startDemoTerminal: adapters.startDemoTerminal,
    lastPort: () => settings.get().terminalPort,
    // The terminal:connect handler remembers the port, so the change is audited under its operator.
    remember: () => undefined,
    chooseLogTarget: (name) => options.picker.chooseLinkLogTarget(name),
    logError,
  });

  // Bank templates ship in resources/ (beside out/ when built, two levels up from this source file).
  const templatesDir = options.bankTemplatesDir ?? join(import.meta.dirname, '../../resources/bank-templates');
  const loadedTemplates = loadBankTemplates(templatesDir);
  for (const refused of loadedTemplates.refused) logError(`bank template ${refused.file} refused`, refused.problems);
  const onsite = createOnsiteService({
    engine,
    terminal,
    templates: () => loadedTemplates.templates,
    emit: (event) => events.emit('rebind:event', event),
    emitFailure: (message) => events.emit('rebind:start-failed', { message }),
    logError: (error) => logError('rebind', error),
    ...(options.shutdownWait === undefined ? {} : { wait: options.shutdownWait }),
  });

  const data = dataHandlers({ connection, settings, preferences, backups, events, now, afterRestore: ensureDataKey, logError });
  const router = createRouter({
    isTrustedSender: options.isTrustedSender,
    sessions: security.sessions,
    logError,
    logFile: appLog.path,
    handlers: {
      'app:info': () => ({
        appVersion: options.appVersion,
        schemaVersion: database.schemaVersion(),
        dataDir: options.dataDir,
        databasePath,
        runtime: options.runtime,
        versions: { node: process.versions.node, ...options.versions },
      }),
      ...data,
      // A restore swaps the database under the engine's journal: never while a rebind runs.
      'backup:restore': (input, context) => {
        if (onsite.busy()) throw new AppError('conflict', 'A rebind is running; restoring now would replace its journal. Wait for its outcome, then restore.');
        return data['backup:restore'](input, context);
      },
      ...terminalHandlers(terminal, settings),
      ...onsiteHandlers(onsite, terminal),
      ...authHandlers(security),
      ...twoFactorHandlers(security),
      ...adminHandlers(security, createTerminalSecretReveal({ terminal, audited: auditedOn(connection), now }), connection, now),
      'security:set-cli-passphrase': (input, { caller }) => {
        setCliPassphrase({ db: connection(), keyring: security.keyring, dataDir: options.dataDir, protectors, now: now() }, caller, input.passphrase);
        return security.encryption.status();
      },
      ...auditHandlers(connection, options.picker, now, () => findAuditAnchors(options.dataDir)),
    },
  });

  return {
    router,
    events,
    database,
    terminal,
    onsite,
    security,
    close: async () => {
      // A running rebind is asked to cancel and given a bounded time to reach a verified set; after
      // that it is left to recovery (the journal keeps it open), so quitting never hangs.
      const ended = await onsite.shutdown(options.shutdownGraceMs ?? REBIND_SHUTDOWN_GRACE_MS);
      if (!ended) logError('shutdown', new Error('A rebind did not end within the shutdown grace period; it is left open for recovery at the next start.'));
      await terminal.close();
      database.close();
      registration.release();
    },
  };
}
