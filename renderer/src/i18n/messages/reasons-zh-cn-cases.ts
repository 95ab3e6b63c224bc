// The case refusals (shared/errors/case-reasons-en.ts) in Simplified Chinese, typed by that catalog
// so none is missing.
import type { caseReasonsEnglish } from '../../../../shared/errors/case-reasons-en';

export const caseReasonsZhCN: Record<keyof typeof caseReasonsEnglish, string> = {
  'case-reasons-joined': '{first}{second}',
  'case-not-found': '此工单已不存在。请重新加载列表。',
  'case-terminal-unknown': '该终端已不存在。请重新加载列表后重新选择。',
  'case-target-is-current-bank': '该终端当前已绑定 {bank}。请选择另一家银行作为目标银行。',
  'case-terminal-has-open-case': '终端 {serial} 已有未结工单（{caseId}，状态“{state}”）。请先完成或撤销该工单。',
  'case-action-through-booking': '“{action}”在日历或现场页面中进行，不在工单页面中进行。',
  'case-material-not-required': '{bank} 不要求材料“{kind}”，此工单不收集该材料。',
  'case-materials-locked': '工单处于“{state}”状态时不能修改材料。',
  'case-material-verify-unreceived': '请先将{material}标记为已收到（并填写收到日期），再进行核验。',
  'case-material-expiry-before-receipt': '有效期至 {expiresOn} 早于{material}的收到日期（{receivedOn}）。请检查日期。',
  'case-review-not-under-review': '只有审核中的工单才能批准或驳回；此工单当前状态为“{state}”。',
  'case-agreement-attachment-unknown': '协议文件必须是此工单的附件；请先上传已签署的协议。',
  'case-account-not-checked': '商户结算账户状态从未核查过。请向银行核查并记录核查日期。',
  'case-not-yours': '工程师只能查看有自己预约的工单；此工单没有您的预约。',
  'attachment-too-large': '文件大小为 {size} 字节；附件最大 {max} 字节（20 MB）。请降低扫描分辨率或拆分文件。',
  'attachment-empty': '文件为空。请重新选择扫描件、照片或 PDF。',
  'attachment-type-refused': '文件 {fileName} 不是 PDF、JPEG 或 PNG（按文件开头的字节判断，与文件名无关）。请另存为其中一种格式后重新上传。',
  'attachment-not-found': '此附件已不存在。请重新加载工单。',
  'attachment-file-missing': '数据目录中缺少附件 {fileName} 的文件（{sha256}）。请恢复包含该文件的备份，或重新上传。',
  'attachment-file-damaged': '附件 {fileName} 的文件与其校验值不符：磁盘上的文件已被修改或损坏。请重新上传。',
  'backup-attachment-damaged': '{file} 已损坏：其中的附件 {sha256} 与校验值不符。未恢复任何内容；请选择其他备份。',
};
