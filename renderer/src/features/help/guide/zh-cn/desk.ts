// 服务台的操作指南（简体中文）：章节按页面的路由名称排列。
import { note, section, steps, text, type RoleGuide } from '../guide-types';
import { calendarZhCN, caseZhCN, casesZhCN, merchantsZhCN, personalSettingsZhCN, reportsZhCN } from './shared-sections';
import { trainingDeskZhCN } from './training';

export const deskGuideZhCN: RoleGuide = {
  overview: section(
    '服务台：从申请到上门',
    text('服务台收集商户材料、核对银行规则、推进工单并预约上门。一个迁移通常这样完成：'),
    steps(
      '在“商户与终端”登记商户和终端。',
      '在“迁移工单”新建工单，选择目标银行。',
      '在工单详情收集并核验材料，提交审核，批准后登记迁移协议。',
      '在“预约日历”为工程师预约上门。',
      '工程师迁移成功后，工单变为“已迁移”，由您关闭工单。',
    ),
    note('随时按 F1 或点右上角的“帮助”打开本指南，它会翻到当前页面的说明。遇到问题请联系下方的支持联系人。'),
  ),
  training: trainingDeskZhCN,
  merchants: merchantsZhCN,
  cases: casesZhCN,
  case: caseZhCN,
  calendar: calendarZhCN,
  reports: reportsZhCN,
  settings: personalSettingsZhCN,
};
