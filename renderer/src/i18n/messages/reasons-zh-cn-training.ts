// Training mode's refusals (shared/errors/training-reasons-en.ts) in Simplified Chinese, typed by that catalog so none is missing.
import type { trainingReasonsEnglish } from '../../../../shared/errors/training-reasons-en';

export const trainingReasonsZhCN: Record<keyof typeof trainingReasonsEnglish, string> = {
  'training-channel-refused': '培训模式下不能使用此功能（{channel}）：请先退出培训模式。',
  'training-demo-terminal-only': '培训模式只能使用演示终端，未打开端口 {port}。请选择“演示终端”；要操作真实终端，请先退出培训模式。',
  'training-rebind-running': '培训终端上的改绑正在进行。请等它结束（或在“现场迁移”页取消），再退出培训模式。',
  'training-reset-others': '另有 {count} 个窗口处于培训模式。请先在那里退出培训模式，再重置培训数据。',
  'training-not-active': '此窗口不在培训模式中。',
};
