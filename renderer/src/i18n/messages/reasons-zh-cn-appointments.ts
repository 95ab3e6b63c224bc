// The appointment reasons beyond the gate's (shared/errors/appointment-reasons-en.ts) in Simplified
// Chinese, typed by that catalog so none is missing.
import type { appointmentReasonsEnglish } from '../../../../shared/errors/appointment-reasons-en';

/** Simplified Chinese for every appointment reason. */
export const appointmentReasonsZhCN: Record<keyof typeof appointmentReasonsEnglish, string> = {
  'appointment-not-found': '没有这个预约：它可能已被删除，请刷新日历。',
  'appointment-case-not-found': '没有这个工单：请刷新工单列表。',
  'appointment-engineer-not-found': '没有这个工程师档案：请管理员先创建。',
  'appointment-no-engineer-profile': '您还没有工程师档案：请管理员先为您创建，之后才会有预约。',
  'appointment-not-yours': '这是其他工程师的预约：您只能打开自己的预约。',
  'appointment-already-cancelled': '这个预约已经取消。',
  'appointment-already-done': '这次上门已完成：检查单已记录结果。请另行预约。',
  'appointment-reason-required': '请简要说明原因（至少 {min} 个字）。',
  'appointment-case-moved': '您预约期间有人修改了这个工单：请刷新后重试。',
  'appointment-range-too-long': '日历范围最多 {days} 天：请选择更短的范围。',
  'appointment-range-backwards': '日历范围的结束早于开始。',
  'appointment-visit-failed': '现场改绑结果为“{outcome}”：{why}',
};
