import { byLanguage } from '../../i18n/text-table';

// The names of the audit log's actions and entity types, as the Audit page shows them; nested by
// domain because vue-i18n reads the dots of `operator.created` as a path. Every action code the
// app writes (shared/audit/audit-catalog.ts) is named in both languages; a test walks them all.

export const auditActionNames = byLanguage({
  operator: {
    'first-admin-created': { 'zh-CN': '创建首个管理员', 'en-US': 'First admin created' },
    created: { 'zh-CN': '添加操作员', 'en-US': 'Operator added' },
    updated: { 'zh-CN': '修改操作员', 'en-US': 'Operator changed' },
    'password-reset': { 'zh-CN': '重置密码', 'en-US': 'Password reset' },
    unlocked: { 'zh-CN': '解锁账号', 'en-US': 'Account unlocked' },
    'two-factor-reset': { 'zh-CN': '重置两步验证', 'en-US': 'Two-factor reset' },
  },
  auth: {
    'signed-in': { 'zh-CN': '登录', 'en-US': 'Signed in' },
    'sign-in-failed': { 'zh-CN': '登录失败', 'en-US': 'Sign-in failed' },
    locked: { 'zh-CN': '账号被锁定', 'en-US': 'Account locked' },
    'signed-out': { 'zh-CN': '退出登录', 'en-US': 'Signed out' },
    'screen-locked': { 'zh-CN': '锁定屏幕', 'en-US': 'Screen locked' },
    'screen-unlocked': { 'zh-CN': '解锁屏幕', 'en-US': 'Screen unlocked' },
    'password-rehashed': { 'zh-CN': '更新密码哈希参数', 'en-US': 'Password hash renewed' },
    'password-changed': { 'zh-CN': '修改密码', 'en-US': 'Password changed' },
    'two-factor-enrolment-started': { 'zh-CN': '开始设置两步验证', 'en-US': 'Two-factor set-up started' },
    'two-factor-enrolled': { 'zh-CN': '启用两步验证', 'en-US': 'Two-factor turned on' },
    'recovery-codes-regenerated': { 'zh-CN': '重新生成恢复码', 'en-US': 'Recovery codes renewed' },
  },
  security: {
    'policy-changed': { 'zh-CN': '修改安全策略', 'en-US': 'Security policy changed' },
  },
  keys: {
    created: { 'zh-CN': '创建数据密钥', 'en-US': 'Data key created' },
    rotated: { 'zh-CN': '轮换数据密钥', 'en-US': 'Data key rotated' },
    'cli-passphrase-set': { 'zh-CN': '设置命令行口令', 'en-US': 'Command-line passphrase set' },
    'cli-wraps-added': { 'zh-CN': '为命令行补充密钥包装', 'en-US': 'Command-line key wraps added' },
  },
  sensitive: {
    revealed: { 'zh-CN': '查看敏感字段', 'en-US': 'Sensitive field shown' },
    'reveal-refused': { 'zh-CN': '拒绝查看敏感字段', 'en-US': 'Sensitive field refused' },
  },
  audit: {
    exported: { 'zh-CN': '导出审计日志', 'en-US': 'Audit log exported' },
    'carried-over': { 'zh-CN': '恢复时带入的记录', 'en-US': 'Entry carried over by a restore' },
  },
  settings: {
    changed: { 'zh-CN': '修改本机设置', 'en-US': 'Device settings changed' },
  },
  preferences: {
    changed: { 'zh-CN': '修改个人语言或主题', 'en-US': 'Own language or theme changed' },
  },
  backup: {
    created: { 'zh-CN': '创建备份', 'en-US': 'Backup made' },
    'restore-started': { 'zh-CN': '开始恢复备份', 'en-US': 'Restore started' },
    restored: { 'zh-CN': '恢复备份', 'en-US': 'Backup restored' },
  },
  rebind: {
    started: { 'zh-CN': '开始改绑', 'en-US': 'Rebind started' },
    identified: { 'zh-CN': '识别终端', 'en-US': 'Terminal identified' },
    'work-order-overridden': { 'zh-CN': '忽略工单不一致', 'en-US': 'Work order mismatch overridden' },
    'session-started': { 'zh-CN': '连接终端会话', 'en-US': 'Terminal session started' },
    'step-started': { 'zh-CN': '步骤开始', 'en-US': 'Step started' },
    'step-finished': { 'zh-CN': '步骤结束', 'en-US': 'Step finished' },
    'backup-stored': { 'zh-CN': '保存原参数备份', 'en-US': 'Old parameters backed up' },
    'batch-exported': { 'zh-CN': '导出批次', 'en-US': 'Batch exported' },
    outcome: { 'zh-CN': '改绑结果', 'en-US': 'Rebind outcome' },
    closed: { 'zh-CN': '改绑关闭', 'en-US': 'Rebind closed' },
    abandoned: { 'zh-CN': '放弃改绑', 'en-US': 'Rebind abandoned' },
    'taken-over': { 'zh-CN': '接管改绑操作', 'en-US': 'Rebind taken over' },
    'params-sealed': { 'zh-CN': '加密旧参数', 'en-US': 'Old parameters encrypted' },
  },
});

export const auditEntityNames = byLanguage({
  operator: { 'zh-CN': '操作员', 'en-US': 'Operator' },
  settings: { 'zh-CN': '设置', 'en-US': 'Settings' },
  backup: { 'zh-CN': '备份', 'en-US': 'Backup' },
  'audit-entry': { 'zh-CN': '审计记录', 'en-US': 'Audit entry' },
  'audit-log': { 'zh-CN': '审计日志', 'en-US': 'Audit log' },
  'data-key': { 'zh-CN': '数据密钥', 'en-US': 'Data key' },
  'rebind-journal': { 'zh-CN': '改绑日志', 'en-US': 'Rebind journal' },
  'rebind-operation': { 'zh-CN': '改绑操作', 'en-US': 'Rebind operation' },
  'security-policy': { 'zh-CN': '安全策略', 'en-US': 'Security policy' },
  terminal: { 'zh-CN': '终端', 'en-US': 'Terminal' },
  merchant: { 'zh-CN': '商户', 'en-US': 'Merchant' },
});
