// The rebind engine's, the terminal service's and the serial port's refusals
// (shared/errors/service-reasons-en.ts) in Simplified Chinese, typed by that catalog so none is missing.
import type { serviceReasonsEnglish } from '../../../../shared/errors/service-reasons-en';

export const serviceReasonsZhCN: Record<keyof typeof serviceReasonsEnglish, string> = {
  'parameter-set-invalid': '新参数集无效：{problems}。请更正；未向终端发送任何内容。',
  'operation-not-open': '迁移操作 #{operationId} 未处于未完成状态：没有需要恢复的内容。',
  'operation-running': '迁移操作 #{operationId} 正在进行；请等待其结束。',
  'operation-owned-elsewhere': '迁移操作 #{operationId} 正由另一个进程（{owner}）执行；请等待其结束，或先停止该进程。',
  'abandon-reason-too-short': '请用一句话说明为何手动关闭该操作（至少 {min} 个字符）。',
  'stage-set-empty': '要暂存的参数集为空：请先根据新银行的参数生成。',

  'port-permission-denied': '没有权限打开 {path}。在 Linux 上，请把您的用户加入 dialout 组（{command}），注销并重新登录后再连接。',
  'port-not-found': '{path} 不存在。请检查线缆、终端是否已开机，或从列表中重新选择端口。',
  'port-busy': '{path} 正被其他程序占用。请关闭该程序（或另一个 RebindDesk 窗口）后重试。',
  'port-open-failed': '无法打开 {path}：{detail}',

  'secret-field-unknown': 'terminal.{field} 不是终端的保密值；唯一的保密值是 keyCheckValue。',
  'secret-role-not-allowed': '您的角色（{role}）不能查看终端的 {field}。',
  'terminal-not-connected': '终端 {serial} 未连接；请先连接该终端再重试。',
  'no-terminal-connected': '未连接终端。请选择一个端口（或演示终端）并先连接。',
  'no-terminal-to-reconnect': '未连接终端。请先在“终端”页面连接终端（或演示终端）。',
  'rebind-running-on-terminal': '这台终端正在进行迁移。请在“现场迁移”页面等待其结果。',
};
