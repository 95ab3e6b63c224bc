import type { backupReasonsEnglish } from '../../../../shared/backup/backup-reasons-en';
import type { Language } from '../../../../shared/settings/settings';

// Why a backup or restore failed, in words that say what to do. Kept apart from the other error
// reasons so the backup feature owns its messages; merged into errors.reasons.

export const backupReasonsZhCN: Record<keyof typeof backupReasonsEnglish, string> = {
  'backup-disk-full': '磁盘已满：{step}需要在 {path} 占用约 {neededMb} MB。请在 {path} 释放至少 {freeMb} MB 空间后重试。数据未做任何改动。',
  'backup-no-permission': '没有写入 {path} 的权限（或该磁盘为只读）。请选择其他位置，或修改该文件夹的权限后重试。数据未做任何改动。',
  'backup-file-missing': '备份文件 {file} 已不存在，请选择其他备份。',
  'backup-not-sqlite': '{file} 不是 RebindDesk 备份（不是数据库文件）。请选择本应用写出的备份文件（备份文件夹中或您保存位置的 .sqlite 文件）。',
  'backup-foreign': '{file} 是其他应用的数据库，不是 RebindDesk 备份。请选择其他文件。',
  'backup-too-new': '{file} 由更新版本的 RebindDesk 创建（数据结构版本 {version}，本应用最高支持 {latest}）。请先升级应用再恢复。',
  'backup-damaged': '{file} 已损坏（SQLite 报告：{detail}），请选择其他备份。',
  'backup-wrong-schema': '{file} 带有 RebindDesk 的标记，但其中的表结构与本版本不符（结构差异：{detail}），无法恢复。请选择其他备份；数据未做任何改动。',
  'backup-unreadable': '无法打开 {file}（SQLite 报告：{detail}）。请确认该文件未被占用，且您有读取权限。',
  'backup-overwrites-live': '备份不能覆盖正在使用的数据库，请换一个文件名。',
  'backup-busy': '已有备份或恢复正在进行，请等待其完成。',
  'backup-not-in-history': '该备份已不在备份记录中，请改为选择文件恢复。',
  'backup-step-backup': '备份',
  'backup-step-carry-audit': '将审计记录带入恢复后的文件',
  'backup-step-prepare-restore': '准备恢复',
  'backup-step-copy-aside': '复制备份',
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

