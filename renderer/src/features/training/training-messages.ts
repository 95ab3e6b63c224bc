import { byLanguage } from '../../i18n/text-table';

// Training mode's texts (the banner on every page, the header's button), each as [zh-CN, en-US].
export const trainingMessages = byLanguage({
  training: {
    enter: ['培训模式', 'Training mode'],
    enterHint: ['用培训数据和演示终端练习一次完整的上门改绑；不会影响真实工单和报表。', 'Practise a whole visit on training data and the demo terminal; real cases and reports are not touched.'],
    banner: ['培训模式', 'Training mode'],
    bannerBody: [
      '此窗口中的工单、预约、改绑和检查单都是培训数据，单独保存，不会出现在真实工单、报表或同步中。只能连接演示终端。',
      'Cases, appointments, rebinds and checklists in this window are training data, kept apart: they never appear among real cases, in reports or in sync. Only the demo terminal can be connected.',
    ],
    openCase: ['打开培训工单', 'Open the training case'],
    noCase: ['培训工单已完成；重置培训数据可再练一次。', 'The training case is done; reset the training data to practise again.'],
    reset: ['重置培训数据', 'Reset training data'],
    resetConfirm: ['丢弃全部培训数据（工单、预约、检查单、演示终端状态）并重新准备一个待预约的培训工单？', 'Throw away all training data (cases, appointments, checklists, the demo terminal\'s state) and prepare a new training case ready to book?'],
    leave: ['退出培训模式', 'Leave training mode'],
    since: ['自 {time} 起', 'since {time}'],
    others: ['另有 {count} 个窗口在培训中', '{count} other window(s) in training'],
  },
});
