// The attachment type check lives in shared/ (the case page checks a file before sending it).
export { ATTACHMENT_MAX_BYTES, attachmentSignatures, sniffMediaType, type AttachmentMediaType } from '../../../../shared/desk/attachments/attachment-type';
