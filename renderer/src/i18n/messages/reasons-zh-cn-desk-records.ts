// The desk's record refusals (shared/errors/desk-record-reasons-en.ts) in Simplified Chinese, typed by
// that catalog so none is missing.
import type { deskRecordReasonsEnglish } from '../../../../shared/errors/desk-record-reasons-en';

export const deskRecordReasonsZhCN: Record<keyof typeof deskRecordReasonsEnglish, string> = {
  'record-changed': '自您打开以来，已有其他人修改了此{entity}。请重新加载查看对方的修改，再重新进行您的修改；本次未保存任何内容。',
  'record-not-found': '此{entity}已不存在。请重新加载列表。',
  'bank-code-taken': '代码为 {code} 的银行已存在。请换一个代码，或编辑该银行。',
  'bank-unknown': '没有代码为 {code} 的银行。请先在“基础数据”中添加，或另选一个。',
  'model-taken': '型号 {vendor} {model} 已存在。请改为编辑该型号。',
  'model-usb-taken': 'USB 标识 {usbId} 已对应型号 {other}。每一对 USB 厂商号与产品号只能对应一个型号。',
  'model-unknown': '该终端型号已不存在。请重新加载列表。',
  'compatibility-taken': '此型号与 {bank} 的兼容性已有记录。请改为编辑该记录。',
  'engineer-profile-taken': '{username} 已有工程师档案。请改为编辑该档案。',
  'operator-not-engineer': '{username} 不是工程师（角色：{role}）。只有工程师角色的操作员才有排班档案。',
  'operator-unknown': '该操作员已不存在。请重新加载列表。',
  'samples-not-empty': '基础数据已存在；示例数据只会载入到空的安装中。',
  'entity-bank': '银行',
  'entity-terminal-model': '终端型号',
  'entity-compatibility': '兼容性记录',
  'entity-engineer': '工程师档案',
  'entity-merchant': '商户',
  'entity-terminal': '终端',
  'entity-case': '工单',
  'entity-appointment': '预约',
};
