import { byLanguage } from '../../i18n/text-table';

// The names of the audit log's actions and entity types, as the Audit page shows them; nested by
// domain because vue-i18n reads the dots of `operator.created` as a path. Every action code the
// app writes (shared/audit/audit-catalog.ts) is named as [zh-CN, en-US]; a test walks them all.

export const auditActionNames = byLanguage({
  operator: {
    'first-admin-created': ['创建首个管理员', 'First admin created'],
    created: ['添加操作员', 'Operator added'],
    updated: ['修改操作员', 'Operator changed'],
    'password-reset': ['重置密码', 'Password reset'],
    unlocked: ['解锁账号', 'Account unlocked'],
    'two-factor-reset': ['重置两步验证', 'Two-factor reset'],
  },
  auth: {
    'signed-in': ['登录', 'Signed in'],
    'sign-in-failed': ['登录失败', 'Sign-in failed'],
    locked: ['账号被锁定', 'Account locked'],
    'signed-out': ['退出登录', 'Signed out'],
    'screen-locked': ['锁定屏幕', 'Screen locked'],
    'screen-unlocked': ['解锁屏幕', 'Screen unlocked'],
    'password-rehashed': ['更新密码哈希参数', 'Password hash renewed'],
    'password-changed': ['修改密码', 'Password changed'],
    'two-factor-enrolment-started': ['开始设置两步验证', 'Two-factor set-up started'],
    'two-factor-enrolled': ['启用两步验证', 'Two-factor turned on'],
    'recovery-codes-regenerated': ['重新生成恢复码', 'Recovery codes renewed'],
  },
  security: {
    'policy-changed': ['修改安全策略', 'Security policy changed'],
  },
  keys: {
    created: ['创建数据密钥', 'Data key created'],
    rotated: ['轮换数据密钥', 'Data key rotated'],
    'cli-passphrase-set': ['设置命令行口令', 'Command-line passphrase set'],
    'cli-wraps-added': ['为命令行补充密钥包装', 'Command-line key wraps added'],
  },
  sensitive: {
    revealed: ['查看敏感字段', 'Sensitive field shown'],
    'reveal-refused': ['拒绝查看敏感字段', 'Sensitive field refused'],
  },
  audit: {
    exported: ['导出审计日志', 'Audit log exported'],
    'carried-over': ['恢复时带入的记录', 'Entry carried over by a restore'],
  },
  settings: {
    changed: ['修改本机设置', 'Device settings changed'],
  },
  preferences: {
    changed: ['修改个人语言或主题', 'Own language or theme changed'],
  },
  backup: {
    created: ['创建备份', 'Backup made'],
    'restore-started': ['开始恢复备份', 'Restore started'],
    restored: ['恢复备份', 'Backup restored'],
  },
  rebind: {
    started: ['开始改绑', 'Rebind started'],
    identified: ['识别终端', 'Terminal identified'],
    'work-order-overridden': ['忽略工单不一致', 'Work order mismatch overridden'],
    'session-started': ['连接终端会话', 'Terminal session started'],
    'step-started': ['步骤开始', 'Step started'],
    'step-finished': ['步骤结束', 'Step finished'],
    'backup-stored': ['保存原参数备份', 'Old parameters backed up'],
    'batch-exported': ['导出批次', 'Batch exported'],
    outcome: ['改绑结果', 'Rebind outcome'],
    closed: ['改绑关闭', 'Rebind closed'],
    abandoned: ['放弃改绑', 'Rebind abandoned'],
    'taken-over': ['接管改绑操作', 'Rebind taken over'],
    'params-sealed': ['加密旧参数', 'Old parameters encrypted'],
  },
  bank: {
    created: ['添加收单银行', 'Bank added'],
    updated: ['修改收单银行', 'Bank changed'],
  },
  'terminal-model': {
    created: ['添加终端型号', 'Terminal model added'],
    updated: ['修改终端型号', 'Terminal model changed'],
  },
  compatibility: {
    created: ['添加型号兼容性', 'Compatibility added'],
    updated: ['修改型号兼容性', 'Compatibility changed'],
  },
  engineer: {
    created: ['添加工程师档案', 'Engineer profile added'],
    updated: ['修改工程师档案', 'Engineer profile changed'],
  },
  reference: {
    'samples-loaded': ['载入示例基础数据', 'Sample reference data loaded'],
  },
  merchant: {
    created: ['添加商户', 'Merchant added'],
    updated: ['修改商户', 'Merchant changed'],
    imported: ['导入商户 CSV', 'Merchants imported from CSV'],
    'exported-sensitive': ['导出含敏感信息的商户 CSV', 'Merchants exported with sensitive values'],
  },
  terminal: {
    created: ['添加终端', 'Terminal added'],
    updated: ['修改终端', 'Terminal changed'],
    imported: ['导入终端 CSV', 'Terminals imported from CSV'],
  },
  appointment: {
    booked: ['预约上门', 'Appointment booked'],
    rescheduled: ['改约上门时间', 'Appointment rescheduled'],
    cancelled: ['取消预约', 'Appointment cancelled'],
    'visit-outcome': ['现场改绑结果更新工单', 'Visit outcome recorded on the case'],
  },
  case: {
    opened: ['开立改绑工单', 'Case opened'],
    transitioned: ['工单状态变更', 'Case moved'],
    'material-updated': ['更新工单材料', 'Case material updated'],
    reviewed: ['审核工单', 'Case reviewed'],
    'agreement-recorded': ['登记签署协议', 'Agreement recorded'],
    'attachment-added': ['上传工单附件', 'Case attachment added'],
  },
  'checklist-template': {
    'samples-loaded': ['载入随附检查单模板', 'Shipped checklist templates loaded'],
    'version-created': ['保存检查单模板新版本', 'Checklist template version saved'],
  },
  'checklist-run': {
    started: ['开始现场检查单', 'Checklist started'],
    answered: ['回答检查单步骤', 'Checklist step answered'],
    'evidence-added': ['添加检查单证据', 'Checklist evidence added'],
    'automatic-filled': ['从改绑日志填写自动步骤', 'Automatic steps filled from the journal'],
    finished: ['记录检查单结果', 'Checklist outcome recorded'],
  },
  training: {
    entered: ['进入培训模式', 'Training mode entered'],
    left: ['退出培训模式', 'Training mode left'],
    reset: ['重置培训数据', 'Training data reset'],
    'people-copied': ['复制操作员到培训数据', 'Operators copied into the training data'],
  },
  'service-report': {
    issued: ['出具服务报告', 'Service report issued'],
  },
});

export const auditEntityNames = byLanguage({
  operator: ['操作员', 'Operator'],
  settings: ['设置', 'Settings'],
  backup: ['备份', 'Backup'],
  'audit-entry': ['审计记录', 'Audit entry'],
  'audit-log': ['审计日志', 'Audit log'],
  'data-key': ['数据密钥', 'Data key'],
  'rebind-journal': ['改绑日志', 'Rebind journal'],
  'rebind-operation': ['改绑操作', 'Rebind operation'],
  'security-policy': ['安全策略', 'Security policy'],
  terminal: ['终端', 'Terminal'],
  merchant: ['商户', 'Merchant'],
  bank: ['收单银行', 'Bank'],
  'terminal-model': ['终端型号', 'Terminal model'],
  compatibility: ['型号兼容性', 'Compatibility'],
  engineer: ['工程师档案', 'Engineer profile'],
  reference: ['基础数据', 'Reference data'],
  appointment: ['预约', 'Appointment'],
  case: ['改绑工单', 'Case'],
  'checklist-template': ['检查单模板', 'Checklist template'],
  'checklist-run': ['现场检查单', 'Checklist run'],
  training: ['培训模式', 'Training mode'],
  'service-report': ['服务报告', 'Service report'],
});
