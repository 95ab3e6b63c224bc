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
  /** The audit log's head inside the backup: an anchor kept outside the database (absent in older history files). */
  auditHead: z.strictObject({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/), time: z.string() }).nullable().optional(),
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
  /**
   * The audit entries written since the backup, carried into the restored log: `chained` on as they
   * were (the backup's log is a prefix of the live one), or `embedded` as `audit.carried-over`
   * entries when the two logs had gone different ways.
   */
  auditCarried: z.strictObject({ entries: z.number().int().nonnegative(), how: z.enum(['chained', 'embedded']) }).optional(),
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
