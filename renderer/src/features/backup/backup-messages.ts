import type { BackupFailureReason } from '../../../../shared/backup/backup';
import type { Language } from '../../../../shared/settings/settings';

// Why a backup or restore failed, in words that say what to do. Kept apart from the other error
// reasons so the backup feature owns its messages; merged into errors.reasons.

export const backupReasonsZhCN: Record<BackupFailureReason, string> = {
  'backup-disk-full': '磁盘已满：请在 {path} 释放至少 {freeMb} MB 空间后重试。数据未做任何改动。',
  'backup-no-permission': '没有写入 {path} 的权限（或该磁盘为只读）。请选择其他位置，或修改该文件夹的权限后重试。数据未做任何改动。',
  'backup-file-missing': '备份文件 {file} 已不存在，请选择其他备份。',
  'backup-not-sqlite': '{file} 不是 RebindDesk 备份（不是数据库文件）。请选择本应用写出的备份文件（备份文件夹中或您保存位置的 .sqlite 文件）。',
  'backup-foreign': '{file} 是其他应用的数据库，不是 RebindDesk 备份。请选择其他文件。',
  'backup-too-new': '{file} 由更新版本的 RebindDesk 创建（数据结构版本 {version}，本应用最高支持 {latest}）。请先升级应用再恢复。',
  'backup-damaged': '{file} 已损坏，请选择其他备份。',
  'backup-wrong-schema': '{file} 带有 RebindDesk 的标记，但其中的表结构与本版本不符，无法恢复。请选择其他备份；数据未做任何改动。',
  'backup-unreadable': '无法打开 {file}。请确认该文件未被占用，且您有读取权限。',
  'backup-overwrites-live': '备份不能覆盖正在使用的数据库，请换一个文件名。',
  'backup-busy': '已有备份或恢复正在进行，请等待其完成。',
  'backup-not-in-history': '该备份已不在备份记录中，请改为选择文件恢复。',
};

export const backupReasonsEnUS: Record<BackupFailureReason, string> = {
  'backup-disk-full': 'The disk is full: free {freeMb} MB at {path} and try again. Nothing was changed.',
  'backup-no-permission': "No permission to write {path} (or the disk is read-only). Choose another place, or fix the folder's permissions, and try again. Nothing was changed.",
  'backup-file-missing': 'The backup file {file} is gone; choose another backup.',
  'backup-not-sqlite': '{file} is not a RebindDesk backup (not a database file). Choose a file the app wrote (a .sqlite file in the backups folder or where you saved it).',
  'backup-foreign': '{file} is a database of another application, not a RebindDesk backup. Choose another file.',
  'backup-too-new': '{file} was made by a newer RebindDesk (schema {version}; this app knows up to {latest}). Update the app, then restore.',
  'backup-damaged': '{file} is damaged; choose another backup.',
  'backup-wrong-schema': "{file} carries RebindDesk's marks but not its tables: this version cannot restore it. Choose another backup; nothing was changed.",
  'backup-unreadable': '{file} cannot be opened. Check that it is not in use and that you may read it.',
  'backup-overwrites-live': 'A backup cannot overwrite the live database; choose another file name.',
  'backup-busy': 'A backup or restore is already running; wait for it to finish.',
  'backup-not-in-history': 'That backup is no longer in the history; choose the file instead.',
};

const zhCN = {
  backup: {
    title: '备份与恢复',
    hint: '备份是数据库的完整副本，在应用运行时在线生成，生成后会校验其完整性。',
    now: '立即备份',
    toFile: '备份到文件…',
    restoreLast: '从最近一次备份恢复',
    restoreFromFile: '从文件恢复…',
    last: '最近一次备份',
    none: '尚无备份',
    done: '已备份到 {location}',
    restoreConfirmTitle: '恢复备份？',
    restoreConfirmBody: '当前数据将被 {time} 的备份替换。替换前会自动保存当前数据的安全副本。',
    restoreConfirm: '恢复',
    cancel: '取消',
    restoreDone: '已恢复。替换前的数据已保存到 {location}',
  },
};

const enUS: typeof zhCN = {
  backup: {
    title: 'Backup and restore',
    hint: 'A backup is a complete copy of the database, made online while the app runs and checked after it is written.',
    now: 'Back up now',
    toFile: 'Back up to file…',
    restoreLast: 'Restore the last backup',
    restoreFromFile: 'Restore from file…',
    last: 'Last backup',
    none: 'No backup yet',
    done: 'Backed up to {location}',
    restoreConfirmTitle: 'Restore backup?',
    restoreConfirmBody: 'The current data will be replaced by the backup of {time}. A safety copy of the current data is saved first.',
    restoreConfirm: 'Restore',
    cancel: 'Cancel',
    restoreDone: 'Restored. The replaced data was saved to {location}',
  },
};

/** The Backup card's texts by language (the failure reasons above join errors.reasons). */
export const backupMessages: Record<Language, typeof zhCN> = { 'zh-CN': zhCN, 'en-US': enUS };

export const backupReasons: Record<Language, Record<BackupFailureReason, string>> = { 'zh-CN': backupReasonsZhCN, 'en-US': backupReasonsEnUS };
