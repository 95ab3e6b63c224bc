// What the rebind engine says while it runs (shared/rebind/engine-reasons-en.ts) in Simplified
// Chinese: why a step stopped, the recovery decision, an unreachable terminal, work-order mismatches.
import type { engineReasonsEnglish } from '../../../../shared/rebind/engine-reasons-en';

/** Simplified Chinese for every engine sentence. */
export const engineReasonsZhCN: Record<keyof typeof engineReasonsEnglish, string> = {
  'stop-cancelled': '工程师已取消本次迁移。',
  'stop-batch-kept-reopening': '批次反复重新打开（已结算 {rounds} 轮）：迁移期间请停止在终端上交易。',
  'stop-backup-missing': '日志记录备份已保存，但找不到该备份：没有备份不做任何更改。',
  'stop-backup-digest-differs': 'GET_PARAMS 读到的参数摘要为 {read}，但 HELLO 报告的是 {reported}：备份与生效参数不一致。',
  'stop-batch-still-open': 'SETTLE 应答 00，但批次中仍有 {count} 笔交易（待冲正：{reversal}，离线交易：{offline}）。',
  'stop-verify-digest-differs': 'VERIFY_STAGE 报告的摘要为 {verified}，但新参数的摘要是 {target}。',
  'stop-commit-wrong-set': 'COMMIT 启用的参数摘要为 {active}，而不是新参数 {target}。',
  'stop-read-back-not-new': '回读摘要 {read} 不是新参数的摘要 {target}。',
  'stop-read-back-not-old': '回读摘要 {read} 不是原参数的摘要 {before}。',
  'stop-confirm-not-settled': 'CONFIRM 之后终端报告摘要 {active}，{previous}；应为新参数且不保留旧参数。',
  'stop-host-test-declined': '{command} 应答 39 域 = {code}，而不是 00。',
  'previous-still-kept': '仍保留旧参数',
  'previous-not-kept': '未保留旧参数',
  'word-yes': '是',
  'word-no': '否',
  'digest-not-recorded': '?',

  'refused-work-order': '终端与工单不符：{mismatches}。',
  'mismatch-line': '{field}：工单为 {expected}，终端为 {actual}',
  'mismatches-2': '{a}；{b}',
  'work-order-field-serialNumber': '序列号',
  'work-order-field-tid': '终端号（TID）',
  'work-order-field-model': '型号',
  'refused-open-operation': '终端 {serial} 有一次中断的迁移（操作 #{operationId}），必须先完成或撤销。',
  'refused-unconfirmed-set': '终端 {serial} 在生效参数 {active}… 之外保留了一套未确认的旧参数（F009 = 1），而本数据目录中没有它未完成的迁移：在别处开始的迁移没有完成。',
  'refused-locked': '终端已被当前收单机构锁定（收单机构标识 {acquirerId}，F00A = 1）：迁移前请联系该银行解锁。',

  'terminal-unreachable-within': '终端在 {seconds} 秒内没有应答（尝试 {attempts} 次）。最后一次错误：{last}',

  'decision-wrong-terminal': '当前连接的终端是 {connected}，但该操作针对的是 {expected}：请连接那台终端。',
  'decision-verify-new': '新参数已生效但尚未确认：回读参数、进行主机测试，然后确认。',
  'decision-rollback': '新参数已生效但尚未确认：回滚到原参数。',
  'decision-finish-rebound': '新参数已生效并已确认（CONFIRM 已到达终端）：回读参数。',
  'decision-confirmed-elsewhere': '新参数已生效并已确认，但 RebindDesk 从未发送 CONFIRM：有其他程序改动了终端。',
  'decision-finish-restore': '原参数仍生效：丢弃未完成的暂存并回读原参数。',
  'decision-resume-forward': '原参数仍生效（新参数未生效）：检查批次，重新暂存并启用。',
  'decision-start-over': '原参数仍生效，且尚未备份：从备份步骤重新开始。',
  'decision-unknown-set': '生效参数（{active}…）既不是原参数（{old}…），也不是新参数（{target}…）。',
};
