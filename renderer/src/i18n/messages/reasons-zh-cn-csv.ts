// The CSV import's and export's problems (shared/errors/csv-reasons-en.ts) in Simplified Chinese,
// typed by that catalog so none is missing. Said beside the row and column of the file.
import type { csvReasonsEnglish } from '../../../../shared/errors/csv-reasons-en';

/** Simplified Chinese for every CSV problem. */
export const csvReasonsZhCN: Record<keyof typeof csvReasonsEnglish, string> = {
  'csv-utf16-unsupported': '文件以 {encoding}（“Unicode 文本”）保存，不是 CSV 文件。请另存为“CSV UTF-8（逗号分隔）”后再导入。',
  'csv-not-decodable': '文件既不是 UTF-8 也不是 GB18030/GBK：第 {line} 行含有两种编码都无法识别的字节。请另存为“CSV UTF-8（逗号分隔）”后再导入。',
  'csv-not-in-encoding': '文件不是有效的 {encoding}：第 {line} 行含有该编码无法识别的字节。请选择其他编码。',
  'csv-empty-file': '文件为空。文件需要一行表头，并且每条记录占一行。',
  'csv-no-data-rows': '文件只有表头，没有数据行。',
  'csv-quote-not-closed': '第 {row} 行（文本第 {line} 行）开始的带引号单元格没有结束引号。请检查该行的引号。',
  'csv-quote-misplaced': '第 {row} 行（文本第 {line} 行）的单元格中间有引号。请给整个单元格加上引号，并把其中的引号写两遍。',
  'csv-unreadable': '文件在第 {row} 行（文本第 {line} 行）无法按 CSV 读取。请在表格软件中重新另存为 CSV。',
  'csv-not-comma-separated': '表头只有一个单元格，其中含有 {separator}：文件不是用逗号分隔的。请另存为“CSV（逗号分隔）”。',

  'csv-header-unknown': '列“{header}”不属于此文件。请改名为以下之一：{expected}；或删除该列。',
  'csv-header-duplicate': '列“{header}”与“{first}”（第 {firstIndex} 列）是同一列。请只保留一个。',
  'csv-header-missing': '缺少必填列 {english}（{chinese}）。请在表头中加上。',
  'csv-header-empty': '第 {index} 列在表头中没有列名，但有数据。请填写列名或删除该列。',

  'csv-row-too-many-cells': '此行有 {found} 个单元格，而表头只有 {expected} 列。请删除多余的单元格，或给含逗号的单元格加上引号。',
  'csv-value-required': '此单元格为空，但为必填项。',
  'csv-value-too-long': '此值长 {length} 个字符，最多 {max} 个。',
  'csv-value-wrong-length': '此值有 {length} 个字符，必须正好 {expected} 个。',
  'csv-value-not-in-list': '“{value}”不是以下之一：{allowed}。',
  'csv-value-masked': '此值已被遮盖（导出时未包含敏感信息）。请填写完整号码。',

  'csv-duplicate-in-file': '{value} 也出现在第 {firstRow} 行；每个值只能出现一次。',
  'csv-merchant-exists': '统一社会信用代码为 {value} 的商户已存在。',
  'csv-terminal-exists': '已有终端使用此值（{value}）。',
  'csv-merchant-unknown': '数据库和本次导入中都没有统一社会信用代码为 {value} 的商户。请先导入该商户。',
  'csv-model-unknown': '参考数据中没有终端型号“{value}”。请使用终端型号列表中的型号。',
  'csv-bank-unknown': '参考数据中没有代码为“{value}”的收单银行。请使用银行列表中的代码。',

  'csv-export-not-encodable': '字符“{character}”无法用 {encoding} 写出。请改为导出 UTF-8。',
};
