import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { backupEntrySchema, type BackupEntry } from '../../../shared/backup/backup';
import { writeFileAtomic } from '../fs/write-file-atomic';

const historySchema = z.strictObject({ entries: z.array(backupEntrySchema) });

/**
 * The list of backups the app made, kept in a JSON file beside the database rather than inside it,
 * so restoring an old database does not rewind the record of newer backups.
 */
export interface BackupHistory {
  /** Every recorded backup, newest first. */
  all(): BackupEntry[];
  add(entry: BackupEntry): void;
}

/** Opens the history file at `path` (created on first write). */
export function openBackupHistory(path: string): BackupHistory {
  const read = (): BackupEntry[] => {
    if (!existsSync(path)) return [];
    try {
      return historySchema.parse(JSON.parse(readFileSync(path, 'utf8'))).entries;
    } catch {
      // A damaged history only loses the list, never a backup file; start a new list.
      return [];
    }
  };
  return {
    all: () => read().sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    add(entry) {
      const entries = [entry, ...read()];
      writeFileAtomic(path, JSON.stringify({ entries }, null, 2));
    },
  };
}
