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
}

/** The main process without Electron: database, services, router and events. */
export interface MainContext {
  router: Router;
  events: EventBus;
  database: DatabaseHolder;
  /** Closes the database; call once at shutdown. */
  close(): void;
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

  return { router, events, database, close: () => database.close() };
}
