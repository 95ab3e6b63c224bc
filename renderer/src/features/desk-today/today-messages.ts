import { byLanguage } from '../../i18n/text-table';

// The Today page's texts, each as [zh-CN, en-US]; i18n/index.ts merges them into the catalogs.

export const todayMessages = byLanguage({
  today: {
    title: ['今日上门', 'Today'],
    previous: ['‹ 前一天', '‹ Previous day'],
    today: ['今天', 'Today'],
    next: ['后一天 ›', 'Next day ›'],
    dayHeading: ['{date} · {zone}', '{date} · {zone}'],
    // en-US has a singular; vue-i18n picks by the count (zh-CN has one form).
    count: ['共 {count} 个预约', '{count} appointment | {count} appointments'],
    empty: ['这一天没有预约。', 'No appointments on this day.'],
    span: ['{from}–{to}', '{from}–{to}'],
    spanLaterDay: ['{from}–次日 {to}', '{from}–{to} next day'],
    zoneLine: ['{zone}（UTC{offset}）', '{zone} (UTC{offset})'],
    bookedIn: ['预约时按 {zone} 登记', 'Booked in {zone}'],
    serial: ['序列号', 'Serial'],
    tid: ['终端号', 'TID'],
    model: ['型号', 'Model'],
    targetBank: ['目标银行', 'Target bank'],
    caseState: ['工单状态', 'Case'],
    status: {
      confirmed: ['已确认', 'Confirmed'],
      tentative: ['待确认（离线预约）', 'Tentative (booked offline)'],
      cancelled: ['已取消', 'Cancelled'],
      done: ['已完成（检查单已记录结果）', 'Done (checklist outcome recorded)'],
    },
    open: ['打开，填入现场迁移', 'Open in On-site'],
    opened: ['已填入现场迁移：请连接终端，填写商户类别码后开始。', 'On-site is filled: connect the terminal, enter the MCC and start.'],
  },
});
