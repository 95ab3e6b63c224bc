import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../app-error';
import { applicationId } from '../db/migrate';
import { looksLikeSqlite } from '../db/open-database';

/** Facts about a checked backup file. */
export interface BackupFileFacts {
  schemaVersion: number;
  sizeBytes: number;
}

/**
 * Writes an online backup of `db` to `target`: pages are copied while the app keeps running, the
 * copy is made self-contained (no WAL), checked, and only then renamed into place.
 */
export async function writeVerifiedBackup(
  db: Database.Database,
  target: string,
  latestSchema: number,
  nativeBinding?: string,
): Promise<BackupFileFacts> {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    const copy = new Database(partial, nativeBinding ? { nativeBinding } : {});
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const facts = inspectBackupFile(partial, latestSchema, nativeBinding);
    renameSync(partial, target);
    return facts;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Checks that a file is a whole RebindDesk database this build can read; throws `backup-invalid` saying why. */
export function inspectBackupFile(path: string, latestSchema: number, nativeBinding?: string): BackupFileFacts {
  if (!existsSync(path)) throw new AppError('backup-invalid', `The backup file ${path} does not exist.`);
  const kind = looksLikeSqlite(path);
  if (kind !== 'sqlite') throw new AppError('backup-invalid', `${path} is not a RebindDesk backup (not a SQLite database).`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw new AppError('backup-invalid', `${path} cannot be opened: ${(error as Error).message}`);
  }
  try {
    const appId = db.pragma('application_id', { simple: true });
    if (appId !== applicationId) throw new AppError('backup-invalid', `${path} is a SQLite file of another application, not a RebindDesk backup.`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestSchema) {
      throw new AppError('backup-invalid', `${path} was made by a newer RebindDesk (schema ${version}; this app knows up to ${latestSchema}). Update the app first.`);
    }
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new AppError('backup-invalid', `${path} is damaged (${String(integrity)}); choose another backup.`);
    return { schemaVersion: version, sizeBytes: statSync(path).size };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('backup-invalid', `${path} is damaged or unreadable: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/** Copies a user-chosen file next to the database so it is checked and swapped in without touching the original. */
export function stageCopy(source: string, staging: string): void {
  rmSync(staging, { force: true });
  copyFileSync(source, staging);
}
