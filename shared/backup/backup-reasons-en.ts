// Why a backup or restore failed, in English, by code (AppError's reason): the renderer's en-US
// words and the logs' (renderer/src/features/backup/backup-messages.ts has the zh-CN). A step is a
// reason of its own (`backup-step-*`); SQLite's or the OS's own text is shown as it came, labelled.
export const backupReasonsEnglish = {
  'backup-disk-full': 'The disk is full: {step} needs about {neededMb} MB at {path}. Free {freeMb} MB at {path} and try again. Nothing was changed.',
  'backup-no-permission': "No permission to write {path} (or the disk is read-only). Choose another place, or fix the folder's permissions, and try again. Nothing was changed.",
  'backup-file-missing': 'The backup file {file} is gone; choose another backup.',
  'backup-not-sqlite': '{file} is not a RebindDesk backup (not a database file). Choose a file the app wrote (a .sqlite file in the backups folder or where you saved it).',
  'backup-foreign': '{file} is a database of another application, not a RebindDesk backup. Choose another file.',
  'backup-too-new': '{file} was made by a newer RebindDesk (schema {version}; this app knows up to {latest}). Update the app, then restore.',
  'backup-damaged': '{file} is damaged (SQLite says: {detail}); choose another backup.',
  'backup-wrong-schema': "{file} carries RebindDesk's marks but not its tables (schema differences: {detail}): this version cannot restore it. Choose another backup; nothing was changed.",
  'backup-unreadable': '{file} cannot be opened (SQLite says: {detail}). Check that it is not in use and that you may read it.',
  'backup-overwrites-live': 'A backup cannot overwrite the live database; choose another file name.',
  'backup-busy': 'A backup or restore is already running; wait for it to finish.',
  'backup-not-in-history': 'That backup is no longer in the history; choose the file instead.',
  'backup-step-backup': 'the backup',
  'backup-step-carry-audit': 'carrying the audit trail into the restored file',
  'backup-step-prepare-restore': 'preparing the restore',
  'backup-step-copy-aside': 'copying the backup aside',
} as const;
