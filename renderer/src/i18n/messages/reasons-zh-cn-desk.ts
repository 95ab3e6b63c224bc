// The desk form fields' reasons (shared/errors/desk-reasons-en.ts) in Simplified Chinese, typed by
// that catalog so none is missing. Each is shown under its field, so none names the field.
import type { deskReasonsEnglish } from '../../../../shared/errors/desk-reasons-en';

/** Simplified Chinese for every desk field reason. */
export const deskReasonsZhCN: Record<keyof typeof deskReasonsEnglish, string> = {
  'desk-field-required': '请填写此项。',
  'desk-field-wrong-type': '请以文字形式填写此项。',
  'desk-field-too-long': '内容过长：最多 {max} 个字符。',
  'desk-field-bad-character': '第 {position} 个字符是换行符、制表符或其他控制字符，请删除。',
  'desk-field-unknown': '字段 {field} 不属于此表单，请删除。',
  'desk-field-invalid': '此值无法使用，请重新填写。',
  'desk-record-ref-bad': '这不是有效的记录引用（{value}），请从列表中重新选择。',
  'desk-date-bad': '请按 YYYY-MM-DD 格式填写一个真实的日期，例如 2026-12-01（{value} 不是有效日期）。',
  'desk-date-in-future': '日期 {date} 晚于今天（{today}），请填写实际发生的日期。',
  'account-status-unknown': '请选择账户状态：正常、冻结或欠款（{value} 不在其中）。',

  'uscc-bad-length': '统一社会信用代码为 18 位，这里是 {length} 位。请对照营业执照重新填写。',
  'uscc-bad-character': '第 {position} 位（{character}）不能出现在统一社会信用代码中：代码只使用数字和除 I、O、Z、S、V 以外的大写字母。',
  'uscc-bad-authority': '第 1 位（{code}）不是 GB 32100 规定的登记管理部门代码（1 至 9、A、N 或 Y）。请核对营业执照上的代码。',
  'uscc-bad-category': '第 2 位（{code}）不是登记管理部门 {authority} 的机构类别代码。请核对营业执照上的代码。',
  'uscc-bad-division': '第 3 至 8 位（{code}）应为登记管理机关的 6 位行政区划码。',
  'uscc-bad-check': '校验码（第 18 位，{actual}）与前 17 位不符，可能有字符输错。请对照营业执照核对。',
  'uscc-org-code-check-failed': '其中的组织机构代码（第 9 至 17 位，{orgCode}）未通过 GB 11714 校验。部分早期代码确实如此：如与营业执照一致，可以保留。',

  'resident-id-old-15-digit': '这是旧的 15 位身份证号码。请填写现行居民身份证上的 18 位号码。',
  'resident-id-bad-length': '身份证号码为 18 位，这里是 {length} 位。',
  'resident-id-bad-character': '身份证号码由 17 位数字和 1 位数字或 X 组成；第 {position} 位（{character}）不符合。',
  'resident-id-bad-region': '身份证号码不能以 {code} 开头：居民身份证以省级行政区划代码开头，港澳台居民居住证以 810000、820000 或 830000 开头，外国人永久居留身份证以 9 开头。',
  'resident-id-bad-birth-date': '第 7 至 14 位（{date}）应为持证人的出生年月日，但这不是一个真实的日期。',
  'resident-id-born-in-future': '号码中的出生日期（{date}）晚于今天，请对照身份证核对。',
  'resident-id-bad-check': '最后一位（{actual}）与前 17 位不符，可能有数字输错。请对照身份证核对。',

  'cnaps-bad-character': '开户行行号只包含数字；第 {position} 位（{character}）不是数字。',
  'cnaps-bad-length': '开户行行号为 12 位数字，这里是 {length} 位。可在开户许可证上找到，或向银行询问。',
  'account-no-bad-character': '银行账号只包含数字（可以有空格）；第 {position} 位（{character}）不是数字。',
  'account-no-bad-length': '银行账号为 {min} 至 {max} 位数字，这里是 {length} 位。',
  'swift-bad-length': 'SWIFT/BIC 代码为 8 位或 11 位，这里是 {length} 位。',
  'swift-bad-format': 'SWIFT/BIC 代码依次为 4 位字母的银行代码、2 位字母的国家代码、2 位字母或数字的地区代码，以及可选的 3 位字母或数字的分行代码，例如 BKCHCNBJ 或 BKCHCNBJ300。',
  'swift-unknown-country': '第 5、6 位（{country}）不是 ISO 3166 国家代码。',

  'phone-bad-format': '请填写 11 位手机号码（例如 13800138000），或带区号的固定电话（例如 0591-87654321，分机号写在“-”、“转”或 ext 之后）。',
  'phone-bad-mobile': '大陆手机号码为 11 位，以 13 至 19 开头；{number} 不是手机号码。',
  'phone-bad-area-code': '区号 {code} 不存在：区号为 010、020 至 029，或 0 加以 3 至 9 开头的三位数字（例如 0591）。',
  'phone-bad-local-number': '本地号码 {number} 应为 7 或 8 位，且不以 0 或 1 开头。',

  'short-name-too-long': '简称按 UTF-8 占 {bytes} 字节，而小票最多容纳 {limit} 字节（约 {characters} 个汉字）。请缩短。',
  'short-name-bad-character': '第 {position} 个字符无法打印在小票上（换行符、制表符或其他控制字符），请删除。',
  'short-name-byte-count': '已用 {bytes}/{limit} 字节（约可容纳 {characters} 个汉字）',

  'area-bad-format': '地区为 6 位行政区划代码，例如福州市为 350100（{value} 不是有效代码）。',
  'area-unknown-province': '前两位（{code}）不是 GB/T 2260 的省级行政区划代码。',

  'tid-bad-format': '终端号（A001）为 8 位字母或数字；{value} 不符合。',
  'mid-bad-format': '商户号（A002）为 15 位字母或数字；{value} 不符合。',
  'serial-bad-format': '终端序列号为 1 至 32 位字母、数字、“-”或“_”，以终端标签上印的为准。',
  'acquirer-code-bad-format': '收单机构代码 {value} 无效：应为 2 至 63 位小写字母、数字或短横线。请从列表中选择银行。',
};
