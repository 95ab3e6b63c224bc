import { reason } from '../../../shared/errors/reason';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupEntry, RestoreOutcome } from '../../../shared/backup/backup';
import type { ParsedInput } from '../../../shared/ipc/contract';
import { AppError } from '../app-error';
import { carryAuditTrail } from '../audit/audit-carry';
import type { ExclusiveHold } from '../db/data-dir-hold';
import type { DatabaseHolder } from '../db/database-holder';
import type { Migration } from '../db/migration';
import type { FilePicker } from '../platform/file-picker';
import { backupReasons, explainWriteFailure } from './backup-errors';
import type { BackupHistory } from './backup-history';
import { databaseBytes, inspectBackupFile, openStagedDatabase, stageCopy, writeVerifiedBackup } from './backup-file';
import type { ContentStore } from '../fs/content-store';
import { DamagedAttachmentError, unpackAttachments } from './backup-attachments';
import { partialPath, removeAbandonedPartials } from './partial-files';
import Database from 'better-sqlite3';

export interface BackupServiceDeps {
  holder: DatabaseHolder;
  history: BackupHistory;
  picker: FilePicker;
  backupsDir: string;
  latestSchema: number;
  /** The migrations a restored file is brought up to and checked against before the swap. */
  migrations: readonly Migration[];
  /** Takes the data directory exclusively for a restore (db/data-dir-hold.ts); throws DataDirBusy while another process has it open or a rebind operation is open. */
  holdExclusively: () => ExclusiveHold;
  nativeBinding?: string | undefined;
  now?: () => Date;
  /** The case attachments' store: a backup carries its files, a restore puts them back. */
  attachments?: ContentStore | undefined;
}

/**
 * What a restore tells the audit log, at the two moments only the service knows: just before the
 * safety copy (written to the database about to be replaced, so its copy says what replaced it)
 * and right after the swap (written to the restored database).
 */
export interface RestoreAuditHooks {
  /** The checked file is about to replace the live database. */
  beforeSafetyCopy(source: string): void;
  /** The restored database is open; `outcome` says from where and where the replaced data went. */
  afterSwap(outcome: RestoreOutcome): void;
}

/** Online backups of the app database and checked restores from them. */
export interface BackupService {
  list(): { entries: BackupEntry[]; last: BackupEntry | null };
  create(input: ParsedInput<'backup:create'>): Promise<BackupEntry | null>;
  restore(input: ParsedInput<'backup:restore'>, hooks?: RestoreAuditHooks): Promise<RestoreOutcome | null>;
}

export function createBackupService(deps: BackupServiceDeps): BackupService {
  const now = deps.now ?? (() => new Date());
  let busy = false;
  // A backup or restore killed half-way leaves a copy as large as the database; no one else will
  // ever remove it.
  removeAbandonedPartials([deps.backupsDir, dirname(deps.holder.path)]);

  const exclusive = async <T>(work: () => Promise<T>, hold?: () => ExclusiveHold): Promise<T> => {
    if (busy) throw new AppError('conflict', reason(backupReasons.busy));
    const held = hold?.();
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
      held?.release();
    }
  };

  const backupTo = async (target: string, kind: BackupEntry['kind']): Promise<BackupEntry> => {
    if (resolve(target) === resolve(deps.holder.path)) {
      throw new AppError('invalid-input', reason(backupReasons.overwritesLive));
    }
    try {
      mkdirSync(dirname(target), { recursive: true });
    } catch (error) {
      explainWriteFailure(error, dirname(target), databaseBytes(deps.holder.current()), 'backup-step-backup');
    }
    const facts = await writeVerifiedBackup(deps.holder.current(), target, deps.latestSchema, deps.nativeBinding, deps.attachments);
    const entry: BackupEntry = {
      id: randomUUID(),
      fileName: basename(target),
      location: target,
      createdAt: now().toISOString(),
      sizeBytes: facts.sizeBytes,
      schemaVersion: facts.schemaVersion,
      kind,
      auditHead: facts.auditHead,
    };
    deps.history.add(entry);
    return entry;
  };

  const defaultTarget = (prefix: string) => join(deps.backupsDir, `${prefix}-${stamp(now())}.sqlite`);
  const existing = () => deps.history.all().filter((entry) => existsSync(entry.location));

  return {
    list() {
      const entries = existing();
      return { entries, last: entries.find((e) => e.kind === 'manual') ?? null };
    },

    create(input) {
      return exclusive(async () => {
        const target =
          input.destination === 'choose'
            ? await deps.picker.chooseBackupTarget(`rebinddesk-${stamp(now())}.sqlite`)
            : defaultTarget('rebinddesk');
        if (target === null) return null;
        return backupTo(target, 'manual');
      });
    },

    restore(input, hooks) {
      return exclusive(async () => {
        const source =
          input.source.kind === 'choose'
            ? await deps.picker.chooseBackupSource()
            : deps.history.all().find((e) => e.id === (input.source as { id: string }).id)?.location;
        if (source === null) return null;
        if (source === undefined) {
          throw new AppError('not-found', reason(backupReasons.notInHistory), 'source.id');
        }
        if (!existsSync(source)) {
          throw new AppError('not-found', reason(backupReasons.notFound, { file: source }));
        }

        // Check a private copy first: the live database is untouched until the copy has passed,
        // migrated to this build's schema and checked to have exactly that schema.
        const staging = partialPath(`${deps.holder.path}.restore`);
        stageCopy(source, staging);
        let staged: ReturnType<typeof openStagedDatabase> | null = null;
        try {
          inspectBackupFile(staging, deps.latestSchema, deps.nativeBinding, source);
          restoreAttachments(staging, source, deps);
          staged = openStagedDatabase(staging, source, deps.migrations, deps.nativeBinding);
          hooks?.beforeSafetyCopy(source);
          const safetyBackup = await backupTo(defaultTarget('pre-restore'), 'pre-restore');
          // From here to the swap nothing awaits, so no call of this process can write in between
          // (and the exclusive hold keeps other processes out): every entry the live log has that
          // the backup lacks goes into the restored file before it replaces the live one.
          let auditCarried: ReturnType<typeof carryAuditTrail>;
          try {
            auditCarried = carryAuditTrail(deps.holder.current(), staged, now());
          } catch (error) {
            // The carried entries take about as much room as they do in the live file.
            explainWriteFailure(error, dirname(staging), databaseBytes(deps.holder.current()), 'backup-step-carry-audit');
          }
          staged.close();
          deps.holder.replaceFile(staging);
          const outcome = { restoredFrom: source, safetyBackup, schemaVersion: deps.holder.schemaVersion(), auditCarried };
          hooks?.afterSwap(outcome);
          return outcome;
        } finally {
          if (staged?.open) staged.close();
          for (const suffix of ['', '-wal', '-shm']) rmSync(staging + suffix, { force: true });
        }
        // A restore replaces the database file: no other process may have it open meanwhile.
      }, deps.holdExclusively);
    },
  };
}

/**
 * Puts the attachment files a checked staged backup carries into the data directory and drops
 * their table, so the staged file has the app's exact schema. Written before the swap: the store
 * is content-addressed, so a file put there for a restore that fails later is only unused.
 */
function restoreAttachments(staging: string, source: string, deps: BackupServiceDeps): void {
  if (!deps.attachments) return;
  const staged = new Database(staging, deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {});
  try {
    unpackAttachments(staged, deps.attachments);
  } catch (error) {
    if (error instanceof DamagedAttachmentError) {
      throw new AppError('backup-invalid', reason('backup-attachment-damaged', { file: source, sha256: error.sha256 }));
    }
    throw error;
  } finally {
    staged.close();
  }
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*/, '') + `-${String(date.getUTCMilliseconds()).padStart(3, '0')}`;
}
