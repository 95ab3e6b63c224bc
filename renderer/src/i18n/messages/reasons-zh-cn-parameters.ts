// What is wrong with a parameter value or set (shared/rtp/parameter-reasons-en.ts) in Simplified
// Chinese: each field named by its tag and its meaning, e.g. "A001 终端号：须为 8 位字母或数字".
import type { parameterReasonsEnglish } from '../../../../shared/rtp/parameter-reasons-en';

/** Simplified Chinese for every parameter problem and parameter name. */
export const parameterReasonsZhCN: Record<keyof typeof parameterReasonsEnglish, string> = {
  'parameter-problem': '{tag} {name}：{problem}',
  'parameter-name-A001': '终端号（TID）',
  'parameter-name-A002': '商户号（MID）',
  'parameter-name-A003': '商户名称',
  'parameter-name-A008': 'TPDU',
  'parameter-name-A009': '流水号（STAN）',
  'parameter-name-A00A': '批次号',
  'parameter-name-A00B': '通讯方式',
  'parameter-name-A010': '收单机构标识',
  'parameter-name-A011': '主用主机',
  'parameter-name-A012': '备用主机',
  'parameter-name-A013': 'NII',
  'parameter-name-A014': '商户类别码（MCC）',
  'parameter-name-A015': '小票抬头',
  'parameter-name-A016': 'TLS',
  'parameter-name-E0E0': '主密钥索引',
  'parameter-name-E0E1': '主密钥校验值',

  'value-digits': '须为 {count} 位数字',
  'value-letters-or-digits': '须为 {count} 位字母或数字',
  'value-hex-digits': '须为 {count} 位十六进制数字',
  'value-text-bytes': '须为文字，UTF-8 编码后不超过 {max} 字节',
  'value-host-port': '须为 host:port 格式：主机名不能为空且不含空格，端口为 1 到 65535',
  'value-communication-mode': '须为 1（拨号）、2（蜂窝网络）、3（以太网）或 4（无线局域网）',
  'value-digits-between': '须为 {min} 到 {max} 位数字',
  'value-zero-or-one': '须为 "0" 或 "1"',
  'value-missing': '缺失',
  'value-volatile': '由终端自行维护，暂存的参数集不能设置它',
  'value-volatile-leave-out': '由终端自行维护，暂存的参数集不能设置它；请去掉该项',
  'value-not-utf8': '不是有效的 UTF-8 文字',
  'value-not-json-string': '须为 JSON 字符串（请给 "{value}" 加上引号）',

  'parameter-key-not-a-tag': '"{key}" 不是标签：请写 4 位大写十六进制数字，例如 A001',
  'parameter-tag-unknown': '{tag} 不是 RTP/1 的参数',
  'parameter-tag-unknown-file': '{tag} 不是 RTP/1 的参数（PROTOCOL.md §4）',
  'parameter-file-not-object': '参数文件必须是一个 JSON 对象，把 "A001" 这样的标签映射到文字值。',
  'parameter-key-value-problem': '{key}：{problem}',
  'parameter-field-problem': '{path}（{problem}）',
  'parameter-problems-2': '{a}；{b}',
};
