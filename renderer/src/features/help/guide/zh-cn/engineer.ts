// 现场工程师的操作指南（简体中文）：章节按页面的路由名称排列。
import { note, points, section, steps, text, type RoleGuide } from '../guide-types';
import { onsiteZhCN, personalSettingsZhCN, terminalZhCN } from './shared-sections';
import { trainingEngineerZhCN } from './training';

export const todayZhCN = section(
  '今日上门',
  text('列出您当天的上门预约，时间按您所在的时区显示（带时区和 UTC 偏移）。'),
  steps(
    '用“‹ 前一天”“今天”“后一天 ›”切换日期。',
    '每个预约显示时间、商户的小票简称和地址、序列号、终端号、型号、目标银行和工单状态；“待确认（离线预约）”表示服务台尚未确认。',
    '到达现场后点“打开，填入现场迁移”：现场迁移页面会填好模板、商户参数和工单核对。',
    '连接终端，填写商户类别码，开始迁移。',
  ),
);

export const engineerGuideZhCN: RoleGuide = {
  overview: section(
    '现场工程师：一天的工作',
    text('工程师到商户现场，用笔记本电脑连接终端完成迁移。没有网络时也能工作，所有记录保存在本机。'),
    steps(
      '在“今日上门”查看当天的预约，打开要处理的一个。',
      '在“终端”页面用 USB 或 RS-232 线连接终端。',
      '在“现场迁移”核对工单，点“开始迁移”，等待结果。',
      '迁移结果会自动更新工单；服务台据此关闭工单或重新预约。',
    ),
    note('随时按 F1 或点右上角的“帮助”打开本指南，它会翻到当前页面的说明。遇到问题请联系下方的支持联系人。'),
  ),
  training: trainingEngineerZhCN,
  terminal: terminalZhCN,
  today: todayZhCN,
  onsite: onsiteZhCN,
  merchants: section(
    '商户与终端',
    text('您可以查找商户和终端，查看小票简称、终端型号、序列号、终端号和商户号，用来在现场核对。'),
    points('按商户名称、统一社会信用代码、终端号、商户号或序列号搜索。', '新建和修改由服务台办理；信息有误时请联系服务台。'),
  ),
  cases: section(
    '迁移工单',
    text('这里只列出有您上门预约的工单，可以搜索和筛选。'),
    points('点一行打开工单详情。', '工单的推进（材料、审核、协议、预约）由服务台办理。'),
  ),
  case: section(
    '工单详情',
    text('查看终端、银行、材料和处理记录，上门前了解情况。'),
    points('“开始现场处理”“登记迁移完成”和“登记迁移失败”由现场迁移的结果自动完成，无需在此操作。', '迁移失败时写明的原因会记录在处理记录中，服务台据此重新预约。'),
  ),
  calendar: section(
    '预约日历',
    text('您可以按日、周、月查看所有工程师的预约；预约、改期和取消由服务台办理。'),
    points('点击预约可查看商户、时间、预约时区和工单状态。', '上方可切换“显示时区”，并按地区和厂商筛选。'),
  ),
  settings: personalSettingsZhCN,
};
