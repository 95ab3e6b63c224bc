import { reason } from '../../../shared/errors/reason';
import { accessSync, constants, copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../app-error';
import type { BackupFailureReason } from '../../../shared/backup/backup';
import { DatabaseFileError } from '../db/database-file-error';
import { applicationId } from '../db/migrate';
import type { Migration } from '../db/migration';
import { looksLikeSqlite, openAppDatabase } from '../db/open-database';
import { backupReasons, explainWriteFailure } from './backup-errors';
import { sideRecordPath, writeSideRecord, type BackupAuditHead } from './backup-side-record';
import type { ContentStore } from '../fs/content-store';
import { packAttachments, type PackedAttachments } from './backup-attachments';
import { partialPath } from './partial-files';

export interface BackupFileFacts {
  schemaVersion: number;
  sizeBytes: number;
  /** The head of the audit log in the file, null when it has none (or no log yet). */
  auditHead: BackupAuditHead | null;
  /** The attachment files the backup carries (absent when it was written without a store). */
  attachments?: PackedAttachments;
}

/**
 * Writes an online backup of `db` to `target`: pages are copied while the app keeps running, the
 * copy is made self-contained (no WAL), checked, and only then renamed into place. A full disk or a
 * folder that cannot be written ends in an error that says how much to free, or where.
 */
export async function writeVerifiedBackup(
  db: Database.Database,
  target: string,
  latestSchema: number,
  nativeBinding?: string,
  attachments?: ContentStore,
): Promise<BackupFileFacts> {
  const partial = partialPath(target);
  const dir = dirname(target);
  const needed = databaseBytes(db);
  try {
    accessSync(dir, constants.W_OK);
    rmSync(partial, { force: true });
    await db.backup(partial);
    const copy = new Database(partial, nativeBinding ? { nativeBinding } : {});
    let packed: PackedAttachments | undefined;
    try {
      copy.pragma('journal_mode = DELETE');
      // The attachments go into the copy itself, so the one file is the whole backup (backup-attachments.ts).
      if (attachments) packed = packAttachments(copy, attachments);
    } finally {
      copy.close();
    }
    const facts = { ...inspectBackupFile(partial, latestSchema, nativeBinding, target), ...(packed && { attachments: packed }) };
    // The side record first: a backup is never in place without the anchor that travels with it.
    writeSideRecord(target, { backupFile: basename(target), createdAt: new Date().toISOString(), schemaVersion: facts.schemaVersion, sizeBytes: facts.sizeBytes, auditHead: facts.auditHead });
    renameSync(partial, target);
    return facts;
  } catch (error) {
    rmSync(partial, { force: true });
    if (!existsSync(target)) rmSync(sideRecordPath(target), { force: true });
    explainWriteFailure(error, dir, needed, 'backup-step-backup');
  }
}

/**
 * Checks that a file is a whole RebindDesk database this build can read; throws `backup-invalid`
 * saying why. `shownAs` is the file the user chose, named in the message instead of a staging copy.
 */
export function inspectBackupFile(path: string, latestSchema: number, nativeBinding?: string, shownAs: string = path): BackupFileFacts {
  const invalid = (code: BackupFailureReason, params: Record<string, string | number> = {}) => new AppError('backup-invalid', reason(code, { file: shownAs, ...params }));
  if (!existsSync(path)) throw invalid(backupReasons.notFound);
  const kind = looksLikeSqlite(path);
  if (kind !== 'sqlite') throw invalid(backupReasons.notSqlite);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw invalid(backupReasons.unreadable, { detail: (error as Error).message });
  }
  try {
    const appId = db.pragma('application_id', { simple: true });
    if (appId !== applicationId) throw invalid(backupReasons.foreign);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestSchema) {
      throw invalid(backupReasons.tooNew, { version, latest: latestSchema });
    }
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw invalid(backupReasons.damaged, { detail: String(integrity) });
    return { schemaVersion: version, sizeBytes: statSync(path).size, auditHead: readAuditHead(db) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(backupReasons.damaged, { detail: (error as Error).message });
  } finally {
    db.close();
  }
}

/**
 * Opens the staged copy as the app would open it after the swap: migrated to this build's schema
 * and checked to hold exactly the tables, columns, indexes and triggers the migrations make. A file
 * that only looks like ours (our application id and a valid user_version over an empty or foreign
 * schema) is refused here, before anything is replaced. The caller closes the returned connection.
 */
export function openStagedDatabase(staging: string, shownAs: string, migrations: readonly Migration[], nativeBinding?: string): Database.Database {
  try {
    return openAppDatabase(staging, { migrations, nativeBinding, schema: 'exact' }).db;
  } catch (error) {
    if (error instanceof DatabaseFileError) {
      const detail = error.detail ?? error.problem;
      if (error.problem === 'wrong-schema') throw new AppError('backup-invalid', reason(backupReasons.wrongSchema, { file: shownAs, detail }));
      throw new AppError('backup-invalid', reason(backupReasons.damaged, { file: shownAs, detail }));
    }
    explainWriteFailure(error, dirname(staging), statSync(staging).size, 'backup-step-prepare-restore');
  }
}

/** Copies a user-chosen file next to the database so it is checked and swapped in without touching the original. */
export function stageCopy(source: string, staging: string): void {
  rmSync(staging, { force: true });
  try {
    accessSync(source, constants.R_OK);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      throw new AppError('not-found', reason(backupReasons.notFound, { file: source }));
    }
    throw new AppError('internal', reason(backupReasons.noPermission, { path: source }));
  }
  try {
    copyFileSync(source, staging);
  } catch (error) {
    rmSync(staging, { force: true });
    explainWriteFailure(error, dirname(staging), statSync(source).size, 'backup-step-copy-aside');
  }
}

/** The newest audit entry of a database (null without a log or entries). */
function readAuditHead(db: Database.Database): BackupAuditHead | null {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'").get();
  if (!table) return null;
  return db.prepare<[], BackupAuditHead>('SELECT seq, hash, time FROM audit_log ORDER BY seq DESC LIMIT 1').get() ?? null;
}

/** The bytes the database occupies (pages × page size), which a copy of it needs. */
export function databaseBytes(db: Database.Database): number {
  return (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
}
