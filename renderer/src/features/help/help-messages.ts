import { byLanguage } from '../../i18n/text-table';

// The help drawer's and the support contact card's texts, each as [zh-CN, en-US]; the guide itself
// is structured data in guide/ (not messages: it is long text, read by role, never interpolated).

export const helpMessages = byLanguage({
  help: {
    openButton: ['帮助 · F1', 'Help · F1'],
    openHint: ['打开操作指南（F1）', 'Open the operating guide (F1)'],
    title: ['操作指南', 'Operating guide'],
    guideFor: ['查看谁的指南', "Whose guide"],
    contents: ['目录', 'Contents'],
    thisPage: ['当前页面', 'This page'],
    close: ['关闭', 'Close'],
    contact: {
      title: ['支持联系人', 'Support contact'],
      name: ['联系人', 'Contact'],
      phone: ['电话', 'Phone'],
      email: ['邮箱', 'Email'],
      hours: ['服务时间', 'Hours'],
      notSet: ['尚未设置支持联系人。', 'No support contact is set yet.'],
      notSetHint: ['请管理员在“设置 → 支持联系人”中填写。', 'An admin sets it in Settings → Support contact.'],
      goToSettings: ['去设置', 'Open Settings'],
      unreadable: ['无法读取支持联系人：{error}', 'The support contact could not be read: {error}'],
    },
    card: {
      title: ['支持联系人', 'Support contact'],
      hint: [
        '显示在每位操作员的操作指南上（F1）。电话或邮箱至少填一项；全部清空即为未设置。',
        "Shown on every operator's operating guide (F1). Give a phone or an email at least; clear every field to unset it.",
      ],
      name: ['联系人', 'Contact'],
      namePlaceholder: ['例如 服务台 王敏', 'e.g. Desk support, Wang Min'],
      phone: ['电话', 'Phone'],
      phonePlaceholder: ['例如 400-820-8820 或 0591-87654321 转 8001', 'e.g. 400-820-8820 or 0591-87654321 ext 8001'],
      email: ['邮箱', 'Email'],
      hours: ['服务时间', 'Hours'],
      hoursPlaceholder: ['例如 工作日 09:00–18:00', 'e.g. Mon–Fri 09:00–18:00'],
      save: ['保存', 'Save'],
      saved: ['支持联系人已保存。', 'Support contact saved.'],
      fixFirst: ['请先改正标红的字段。', 'Correct the fields marked in red first.'],
    },
  },
});
