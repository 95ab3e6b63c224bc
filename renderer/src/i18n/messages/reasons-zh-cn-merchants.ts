// The merchant and terminal refusals (shared/errors/merchant-reasons-en.ts) in Simplified Chinese,
// typed by that catalog so none is missing.
import type { merchantReasonsEnglish } from '../../../../shared/errors/merchant-reasons-en';

export const merchantReasonsZhCN: Record<keyof typeof merchantReasonsEnglish, string> = {
  'merchant-uscc-taken': '商户“{name}”已使用统一社会信用代码 {uscc}。请打开该商户进行编辑。',
  'merchant-sensitive-required': '新建商户必须填写{field}；只有编辑时才可留空，以保留已保存的值。',
  'merchant-field-legal-rep-id': '法定代表人身份证号',
  'merchant-field-account-no': '银行账号',
  'terminal-serial-taken': '序列号为 {serial} 的终端已存在。请打开该终端进行编辑。',
  'terminal-tid-taken': '终端号 {tid} 已属于终端 {serial}。请核对终端标签上的终端号。',
  'terminal-merchant-unknown': '该商户已不存在。请重新加载列表并重新选择商户。',
  'csv-file-too-large': '文件大小为 {megabytes} MB，一次最多导入 {limit} MB。请拆分为较小的文件。',
};
