// Backups and restores as an operator asks for them: each one audited under that operator, a
// restore refused while a rebind runs, and the renderer told what a restore changed.
import { dataAuditActions } from '../../../shared/audit/audit-actions';
import type { AuditEntryInput } from '../../../shared/audit/audit-entry';
import type { Actor } from '../../../shared/auth/session';
import type { BackupEntry, RestoreOutcome } from '../../../shared/backup/backup';
import type { ParsedInput } from '../../../shared/ipc/contract';
import type { EventPort } from '../../../shared/ipc/event-port';
import type { Settings } from '../../../shared/settings/settings';
import { AppError } from '../app-error';
import { reason } from '../../../shared/errors/reason';
import type { AuditedWrite } from '../db/audited';
import type { BackupService } from './backup-service';

export interface AuditedBackupsDeps {
  /** Audited writes on the live database (auditedOn in the module). */
  audited: AuditedWrite;
  backups: BackupService;
  events: EventPort;
  now: () => Date;
  /** True while a rebind runs: a restore would swap the database under its journal. */
  rebindRunning: () => boolean;
  /** Runs after a restore swapped the database (the data key of the restored file, say). */
  afterRestore: () => void;
  /** The settings as they are now, sent to the renderer after a restore replaced them. */
  currentSettings: () => Settings;
  logError: (what: string, error: unknown) => void;
}

const describeBackup = (entry: BackupEntry) => ({ id: entry.id, fileName: entry.fileName, location: entry.location, sizeBytes: entry.sizeBytes, kind: entry.kind });

/** backup:list, backup:create and backup:restore behind the Settings page. */
export function createAuditedBackups(deps: AuditedBackupsDeps) {
  const { backups, events, now } = deps;
  const record = (entry: AuditEntryInput) => deps.audited({ ...entry, at: now() }, () => undefined);

  return {
    list: () => backups.list(),

    async create(actor: Actor, input: ParsedInput<'backup:create'>): Promise<BackupEntry | null> {
      const entry = await backups.create(input);
      // The file is written and checked first: an entry exists only for a backup that exists.
      if (entry) record({ actor: actor.username, action: dataAuditActions.backupCreated, entity: { type: 'backup', id: entry.id }, payload: describeBackup(entry) });
      return entry;
    },

    async restore(actor: Actor, input: ParsedInput<'backup:restore'>): Promise<RestoreOutcome | null> {
      if (deps.rebindRunning()) throw new AppError('conflict', reason('rebind-running-no-restore'));
      let replacedHead: { seq: number; hash: string } | null = null;
      const outcome = await backups.restore(input, {
        beforeSafetyCopy: (source) => {
          // The "started" entry is the replaced log's last one: its seq and hash say where that log ended.
          const { records } = deps.audited.recording({ actor: actor.username, action: dataAuditActions.backupRestoreStarted, entity: { type: 'backup', id: 'restore' }, payload: { source }, at: now() }, () => undefined);
          const started = records[0];
          replacedHead = started ? { seq: started.seq, hash: started.hash } : null;
        },
        afterSwap: (done) => {
          try {
            // The restored log holds the backup's entries and every later one of the replaced log; this entry says so.
            record({
              actor: actor.username,
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
        events.emit('settings:changed', deps.currentSettings());
      }
      return outcome;
    },
  };
}
