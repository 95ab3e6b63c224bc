import { z } from 'zod';

/** Why a backup file was made. */
export const backupKindSchema = z.enum(['manual', 'pre-restore']);

/** One backup file the app made, as listed in Settings. Paths stay in main; the renderer names a backup by id. */
export const backupEntrySchema = z.strictObject({
  id: z.string().min(1).max(128),
  fileName: z.string().max(512),
  location: z.string().max(4096),
  createdAt: z.iso.datetime(),
  sizeBytes: z.number().int().nonnegative(),
  schemaVersion: z.number().int().nonnegative(),
  kind: backupKindSchema,
});
/** A backup listed in the history. */
export type BackupEntry = z.infer<typeof backupEntrySchema>;

/** Where a new backup goes: the data directory's backups folder, or a file the user chooses. */
export const backupCreateInputSchema = z.strictObject({
  destination: z.enum(['default', 'choose']),
});

/** Which backup to restore: one from the history, or a file the user chooses. */
export const backupRestoreInputSchema = z.strictObject({
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('history'), id: z.string().min(1).max(128) }),
    z.strictObject({ kind: z.literal('choose') }),
  ]),
});

/** What a restore did: which file it restored and where the safety copy of the replaced data went. */
export const restoreOutcomeSchema = z.strictObject({
  restoredFrom: z.string().max(4096),
  safetyBackup: backupEntrySchema,
  schemaVersion: z.number().int().nonnegative(),
});
/** Result of a successful restore. */
export type RestoreOutcome = z.infer<typeof restoreOutcomeSchema>;

/**
 * Why a backup or restore failed, when the user can do something about it; the renderer says each
 * in the user's language with its parameters (`file` the user chose, `path` to free or fix,
 * `freeMb` to free, `version`/`latest` schema numbers).
 */
export const backupFailureReasons = [
  'backup-disk-full',
  'backup-no-permission',
  'backup-file-missing',
  'backup-not-sqlite',
  'backup-foreign',
  'backup-too-new',
  'backup-damaged',
  'backup-wrong-schema',
  'backup-unreadable',
  'backup-overwrites-live',
  'backup-busy',
  'backup-not-in-history',
] as const;
/** One reason a backup or restore failed. */
export type BackupFailureReason = (typeof backupFailureReasons)[number];
