// Why stored data cannot be used (shared/errors/storage-reasons-en.ts) in Simplified Chinese.
import type { storageReasonsEnglish } from '../../../../shared/errors/storage-reasons-en';

/** Simplified Chinese for every storage refusal. */
export const storageReasonsZhCN: Record<keyof typeof storageReasonsEnglish, string> = {
  'data-key-unavailable': '无法读取加密数据：数据密钥 {keyId} {why}数据未做任何改动。',
  'key-not-32-bytes': '解开后不是 32 字节的密钥。',
  'key-not-unlocked':
    '无法由 {protectors} 解锁（错误：{detail}）：它是在另一台机器上或为另一个用户保护的，或者其密钥文件或钥匙串条目已更改。请以写入它的用户身份在那台机器上启动应用，或恢复该密钥文件。',
  'key-protection-not-offered': '受 {wanted} 保护，而本机目前不提供（只有 {offered}）。',
  'key-not-in-database': '不在此数据库中（该值是从另一个数据库复制来的，或密钥已被删除）。',
  'field-undecryptable': '无法读取 {field} 中的加密值：{why}数据未做任何改动。',
  'field-not-v1': '它不是 v1:<key>:<iv>:<tag>:<data> 格式（是明文，或由更新版本的应用写入）。',
  'field-not-a-key-id': '"{keyId}" 不是密钥标识。',
  'field-iv-tag-length': '其 IV 或校验标签长度不对。',
  'field-not-base64': '其中含有非 base64 字符。',
  'field-integrity-failed': '它在密钥 {keyId} 下未通过完整性校验（该值被改动过，或是从另一列移来的）。',

  'database-not-sqlite': '数据库 {path}：不是 SQLite 数据库。数据未做任何改动；请移走该文件或选择其他数据目录。',
  'database-foreign': '数据库 {path}：是其他应用的 SQLite 数据库。数据未做任何改动；请选择其他数据目录。（发现：{detail}）',
  'database-too-new': '数据库 {path}：由更新版本的 RebindDesk 写入。数据未做任何改动；请安装该版本或更新版本。（发现：{detail}）',
  'database-damaged': '数据库 {path}：未通过完整性检查。数据未做任何改动；请恢复备份（设置 → 备份）或联系技术支持。（SQLite 报告：{detail}）',
  'database-wrong-schema': '数据库 {path}：其中的表、列、索引或触发器与本版本 RebindDesk 创建的不符。数据未做任何改动；请移走该文件并恢复备份，或联系技术支持。（差异：{detail}）',
  'database-unreadable': '数据库 {path}：无法读取。请检查文件权限和磁盘剩余空间，然后重新启动。（错误：{detail}）',
};
