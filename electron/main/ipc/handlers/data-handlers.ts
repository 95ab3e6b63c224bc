import type Database from 'better-sqlite3';
import { anonymousActor, dataAuditActions } from '../../../../shared/audit/audit-actions';
import type { AuditEntryInput } from '../../../../shared/audit/audit-entry';
import type { BackupEntry } from '../../../../shared/backup/backup';
import { AuditLog } from '../../db/audit-chain';
import type { BackupService } from '../../backup/backup-service';
import type { PreferencesService } from '../../settings/preferences-service';
import type { SettingsService } from '../../settings/settings-service';
import type { EventBus } from '../event-bus';
import type { HandlersFor } from './handler-types';

type DataChannel =
  | 'settings:get'
  | 'settings:update'
  | 'settings:update-device-default'
  | 'preferences:get'
  | 'preferences:update'
  | 'backup:list'
  | 'backup:create'
  | 'backup:restore';

/** What the settings and backup handlers need. */
export interface DataHandlerDeps {
  connection: () => Database.Database;
  settings: SettingsService;
  preferences: PreferencesService;
  backups: BackupService;
  events: EventBus;
  now: () => Date;
  /** Runs after a restore swapped the database (the data key of the restored file, say). */
  afterRestore: () => void;
  logError: (what: string, error: unknown) => void;
}

const describeBackup = (entry: BackupEntry) => ({ id: entry.id, fileName: entry.fileName, location: entry.location, sizeBytes: entry.sizeBytes, kind: entry.kind });

/** Settings, and backups with their audit entries. */
export function dataHandlers(deps: DataHandlerDeps): HandlersFor<DataChannel> {
  const { connection, settings, preferences, backups, events, now } = deps;
  const record = (entry: AuditEntryInput) => {
    const db = connection();
    db.transaction(() => AuditLog.append(db, entry, now())).immediate();
  };

  return {
    'settings:get': () => settings.get(),
    'settings:update': (patch, { caller }) => settings.update(caller, patch),
    'settings:update-device-default': (patch, { caller }) => settings.updateDeviceDefault(caller?.username ?? anonymousActor, patch),
    'preferences:get': (_input, { caller }) => preferences.get(caller),
    'preferences:update': (patch, { caller }) => preferences.update(caller, patch),
    'backup:list': () => backups.list(),
    'backup:create': async (input, { caller }) => {
      const entry = await backups.create(input);
      // The file is written and checked first: an entry exists only for a backup that exists.
      if (entry) record({ actor: caller.username, action: dataAuditActions.backupCreated, entity: { type: 'backup', id: entry.id }, payload: describeBackup(entry) });
      return entry;
    },
    'backup:restore': async (input, { caller }) => {
      let replacedHead: { seq: number; hash: string } | null = null;
      const outcome = await backups.restore(input, {
        beforeSafetyCopy: (source) => {
          const db = connection();
          db.transaction(() => {
            AuditLog.append(db, { actor: caller.username, action: dataAuditActions.backupRestoreStarted, entity: { type: 'backup', id: 'restore' }, payload: { source } }, now());
            replacedHead = AuditLog.head(db);
          }).immediate();
        },
        afterSwap: (done) => {
          try {
            // The restored log holds the backup's entries and every later one of the replaced log; this entry says so.
            record({
              actor: caller.username,
              action: dataAuditActions.backupRestored,
              entity: { type: 'backup', id: done.safetyBackup.id },
              payload: {
                restoredFrom: done.restoredFrom,
                safetyBackup: done.safetyBackup.location,
                schemaVersion: done.schemaVersion,
                replacedHead,
                // The entries written since the backup are in this log too (see audit-carry).
                auditCarried: done.auditCarried ?? null,
              },
            });
          } catch (error) {
            // The data is already restored; a missing entry must not report the restore as failed.
            deps.logError('backup:restore audit entry', error);
          }
        },
      });
      if (outcome) {
        deps.afterRestore();
        events.emit('backup:restored', outcome);
        events.emit('settings:changed', settings.get());
      }
      return outcome;
    },
  };
}
