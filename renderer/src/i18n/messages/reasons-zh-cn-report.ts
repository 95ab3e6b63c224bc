// The service report's refusals (shared/errors/report-reasons-en.ts) in Simplified Chinese, typed by
// that catalog so none is missing.
import type { reportReasonsEnglish } from '../../../../shared/errors/report-reasons-en';

export const reportReasonsZhCN: Record<keyof typeof reportReasonsEnglish, string> = {
  'report-run-not-finished': '这次上门的检查单尚未完成。请先在现场页面记录结果；服务报告只针对已完成的上门。',
  'report-no-run': '此预约没有检查单，无法出具报告。请先在现场完成检查单。',
  'report-already-issued': '这次上门已出具报告 {number}。请直接打开；如需更正，请填写原因重新出具（新报告将取代旧报告）。',
  'report-not-current': '报告 {number} 已被 {by} 取代。请从当前有效的报告出具更正。',
  'report-reissue-reason': '请用一句话说明重新出具报告的原因（至少 {min} 个字）；原因会与两份报告一同保存。',
  'report-not-found': '此报告在本机已不存在。请重新加载工单。',
  'report-pdf-missing': '数据目录中报告 {number} 的 PDF 文件{problem}。请从备份恢复数据目录。',
  'report-print-failed': '报告无法打印为 PDF：{detail}。未出具任何报告，请重试。',
  'report-printer-unavailable': '此安装没有可用于报告的 PDF 打印程序。未出具任何报告。',
  'report-conflict': '这次上门刚刚已由别处出具了报告（{number}）。请重新加载工单；本次未出具任何报告。',
  'report-file-empty': '文件是空的。请选择报告 PDF 文件本身。',
  'report-problem-missing': '缺失',
  'report-problem-damaged': '已损坏',
};
