// The support contact's refusals (shared/errors/support-contact-reasons-en.ts) in Simplified Chinese,
// typed by that catalog so none is missing.
import type { supportContactReasonsEnglish } from '../../../../shared/errors/support-contact-reasons-en';

export const supportContactReasonsZhCN: Record<keyof typeof supportContactReasonsEnglish, string> = {
  'support-name-too-long': '联系人名称过长：最多 {max} 个字符。',
  'support-hours-too-long': '服务时间过长：最多 {max} 个字符，例如“工作日 09:00–18:00”。',
  'support-text-bad-character': '第 {position} 个字符是换行符或其他控制字符，请删除。',
  'support-phone-bad-character': '电话号码只能包含数字、空格、“-”、括号和开头的“+”（后面可加分机号，如“转 8001”），请删除“{character}”。',
  'support-phone-digit-count': '电话号码有 {count} 位数字；可拨打的号码应为 5 到 20 位，例如 400-820-8820、95588 或 0591-87654321。',
  'support-phone-too-long': '电话号码过长：最多 {max} 个字符。',
  'support-email-bad': '邮箱地址“{email}”不完整，请按 {example} 的格式填写。',
  'support-email-too-long': '邮箱地址过长：最多 {max} 个字符。',
  'support-contact-unreachable': '请填写电话或邮箱：没有它们，别人无法联系到此联系人。',
  'field-supportName': '支持联系人',
  'field-supportPhone': '支持电话',
  'field-supportEmail': '支持邮箱',
  'field-supportHours': '服务时间',
};
