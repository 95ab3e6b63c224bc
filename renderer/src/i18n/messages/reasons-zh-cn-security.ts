// The auth, key, reveal, audit-export and settings services' refusals (shared/errors/security-reasons-en.ts)
// in Simplified Chinese. Typed by that catalog, so none of its codes can lack its Chinese.
import type { securityReasonsEnglish } from '../../../../shared/errors/security-reasons-en';

export const securityReasonsZhCN: Record<keyof typeof securityReasonsEnglish, string> = {
  'role-desk': '服务台',
  'role-engineer': '现场工程师',
  'role-admin': '管理员',
  'roles-either': '{first}或{second}',
  'sentences-joined': '{first}{second}',

  'role-may-not': '您的角色（{role}）不能{action}。',
  'action-list-operators': '查看操作员列表',
  'action-add-operators': '添加操作员',
  'action-change-operators': '修改操作员',
  'action-reset-passwords': '重置密码',
  'action-unlock-accounts': '解锁账户',
  'action-reset-two-factor': '重置其他操作员的两步验证',

  'password-too-short': '密码至少需要 {min} 个字符，当前只有 {length} 个。几个互不相关的词连在一起，既够长又好记。',
  'password-too-long': '密码最多 {max} 个字符，当前有 {length} 个。',
  'password-same-as-username': '不要用用户名作密码，请换一个。',
  'password-one-character-class': '请至少混用两类字符（小写字母、大写字母、数字、符号），当前只有{only}。',
  'character-class-lower': '小写字母',
  'character-class-upper': '大写字母',
  'character-class-digits': '数字',
  'character-class-other': '符号或其他字符',

  'first-admin-not-signed-in': '新管理员未能自动登录；请在下一个界面登录。',
  'operator-not-found': '没有 id 为 {id} 的操作员。',
  'password-reset-meanwhile': '您的密码刚被重置；请重新登录。',
  'admin-already-exists': '已有管理员；请登录，或请管理员为您添加账户。',
  'admin-created-meanwhile': '刚刚已有人创建了管理员；请用该账户登录。',
  'username-taken': '用户名 {username} 已被占用；请换一个。',
  'cannot-disable-own-account': '不能停用自己的账户；请找另一位管理员操作。',
  'only-enabled-admin': '{username} 是唯一启用的管理员；请先把另一位操作员设为管理员。',
  'security-policy-admin-only': '只有管理员可以修改安全策略。',
  'session-ended': '会话已结束；请重新登录。',
  'own-account-gone': '您的账户已不存在；请重新登录。',
  'two-factor-already-set-up-move': '两步验证已设置。如需换到新手机，请管理员为您重置。',
  'two-factor-already-set-up': '两步验证已设置。',
  'two-factor-nothing-to-confirm': '请先开始设置：目前没有需要确认的验证码。',
  'two-factor-not-set-up': '请先设置两步验证。',

  'cli-passphrase-admin-only': '只有管理员可以设置命令行口令。',
  'passphrase-too-short': '口令至少需要 {min} 个字符，当前只有 {length} 个。',
  'key-rotation-admin-only': '只有管理员可以轮换数据密钥。',
  'field-not-encrypted': '{entity}.{field} 不是加密字段。',
  'reveal-only-roles': '您不能查看 {entity} 的 {field}：只有{roles}可以查看。',
  'reveal-never-shown': '您不能查看 {entity} 的 {field}：该值从不显示。',
  'entity-not-found': '没有 id 为 {id} 的 {entity}。',
  'not-secret-terminal-field': 'terminal.{field} 不是终端的保密值；唯一的保密值是 keyCheckValue。',
  'audit-export-admin-only': '只有管理员可以导出审计日志。',
};
