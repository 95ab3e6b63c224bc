import { byLanguage } from '../../i18n/text-table';

// The checklist's texts (the run on the On-site page, the signature, evidence, the template editor), each as [zh-CN, en-US].
// Step labels are not here: templates carry their own in both languages.
export const checklistMessages = byLanguage({
  checklist: {
    signature: {
      area: ['签名区域：用鼠标、手写笔或手指签名', 'Signature area: sign with mouse, pen or finger'],
      signHere: ['请在此线上方签名', 'Sign above this line'],
      undo: ['撤销上一笔', 'Undo last stroke'],
      clear: ['清除', 'Clear'],
    },
    evidence: {
      addPhoto: ['拍照或选择照片', 'Take or choose a photo'],
      addFile: ['选择文件', 'Choose a file'],
      remove: ['移除', 'Remove'],
      full: ['已达上限：此步骤最多 {max} 个文件。', 'Full: this step takes at most {max} files.'],
    },
  },
});
