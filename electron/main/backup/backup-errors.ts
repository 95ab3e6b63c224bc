import { reason } from '../../../shared/errors/reason';
import { statfsSync } from 'node:fs';
import type { BackupFailureReason } from '../../../shared/backup/backup';
import { AppError } from '../app-error';

// A little headroom above the bytes a step needs: SQLite writes a journal and the file system
// rounds up to blocks, so asking for exactly the missing bytes would fail again.
const headroomBytes = 1024 * 1024;
const mebibyte = 1024 * 1024;

/** The reasons a backup or restore can fail that the user can act on; the renderer says each in their language. */
export const backupReasons = {
  diskFull: 'backup-disk-full',
  noPermission: 'backup-no-permission',
  notFound: 'backup-file-missing',
  notSqlite: 'backup-not-sqlite',
  foreign: 'backup-foreign',
  tooNew: 'backup-too-new',
  damaged: 'backup-damaged',
  wrongSchema: 'backup-wrong-schema',
  unreadable: 'backup-unreadable',
  overwritesLive: 'backup-overwrites-live',
  busy: 'backup-busy',
  notInHistory: 'backup-not-in-history',
} as const satisfies Record<string, BackupFailureReason>;

/** Which step of a backup or restore needed the space (a reason of its own, said in the user's language). */
export type BackupStep = 'backup-step-backup' | 'backup-step-carry-audit' | 'backup-step-prepare-restore' | 'backup-step-copy-aside';

/** True for "no space left": ENOSPC from the file system, SQLITE_FULL from SQLite (db.backup, a migration). */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT';
}

/** True when the file system refused to let us write there. */
export function isNoPermission(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN';
}

/** Bytes free for this process in the folder, or null when the platform cannot say. */
export function freeBytes(dir: string): number | null {
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** "The disk is full, free N MB at PATH": N is what the step needed beyond what is free now, plus headroom. */
export function diskFullError(dir: string, neededBytes: number, step: BackupStep): AppError {
  const free = freeBytes(dir) ?? 0;
  const freeMb = Math.max(1, Math.ceil((neededBytes - free + headroomBytes) / mebibyte));
  return new AppError('internal', reason(backupReasons.diskFull, { step: reason(step), neededMb: Math.ceil(neededBytes / mebibyte), path: dir, freeMb }));
}

/** "No permission to write PATH": choose another place or fix the folder's permissions. */
export function noPermissionError(path: string): AppError {
  return new AppError('internal', reason(backupReasons.noPermission, { path }));
}

/**
 * Turns a file-system or SQLite failure of one step into an error that says what to do: the disk
 * is full (how much to free, where), or the folder cannot be written. Anything else is rethrown
 * unchanged, to be logged as unexpected.
 */
export function explainWriteFailure(error: unknown, dir: string, neededBytes: number, step: BackupStep): never {
  if (error instanceof AppError) throw error;
  if (isDiskFull(error)) throw diskFullError(dir, neededBytes, step);
  if (isNoPermission(error)) throw noPermissionError(dir);
  throw error;
}
