import { byLanguage } from '../../i18n/text-table';

// What the shared file chooser and its checks say, each as [zh-CN, en-US]; used by the case page and the checklist.
export const attachmentsMessages = byLanguage({
  attachments: {
    hint: ['PDF、JPEG 或 PNG，最大 {max} MB', 'PDF, JPEG or PNG, at most {max} MB'],
    hintFor: ['{accepted}，最大 {max} MB', '{accepted}, at most {max} MB'],
    fileTooLarge: ['文件 {fileName} 有 {sizeMb} MB，附件最大 {maxMb} MB。请降低扫描分辨率或拆分文件。', 'The file {fileName} is {sizeMb} MB; an attachment is at most {maxMb} MB. Scan at a lower resolution or split the file.'],
    fileEmpty: ['文件 {fileName} 是空的。请重新选择。', 'The file {fileName} is empty. Choose it again.'],
    fileWrongType: ['文件 {fileName} 不是 PDF、JPEG 或 PNG（按文件内容判断，与文件名无关）。请另存为其中一种格式。', 'The file {fileName} is not a PDF, JPEG or PNG (judged by its content, not its name). Save it as one of those.'],
    typeNotAccepted: ['文件 {fileName} 是 {found}，此处只接受 {accepted}。请选择其中一种格式的文件。', 'The file {fileName} is a {found}; this place takes {accepted} only. Choose a file of one of those.'],
    pdfNote: ['PDF 文件不在应用内显示：请保存副本后用 PDF 阅读器打开。', 'PDFs are not shown inside the app: save a copy and open it in a PDF reader.'],
    savePdf: ['保存 PDF 副本', 'Save a copy of the PDF'],
  },
});
