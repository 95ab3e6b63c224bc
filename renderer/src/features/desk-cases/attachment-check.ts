// A file checked before it is sent, as main checks it (size, then type by its first bytes), so the
// user hears what to fix without a 27 MB round trip. Main checks again: this only saves the trip.
import { ATTACHMENT_MAX_BYTES, sniffMediaType, type AttachmentMediaType } from '../../../../shared/desk/attachments/attachment-type';

export type AttachmentCheck = { ok: true; mediaType: AttachmentMediaType } | { ok: false; problem: 'fileEmpty' | 'fileTooLarge' | 'fileWrongType' };

/** Checks a file's size and its first bytes (`head`, at least 8 bytes of it when the file has them). */
export function checkAttachment(size: number, head: Uint8Array): AttachmentCheck {
  if (size === 0) return { ok: false, problem: 'fileEmpty' };
  if (size > ATTACHMENT_MAX_BYTES) return { ok: false, problem: 'fileTooLarge' };
  const mediaType = sniffMediaType(head);
  return mediaType ? { ok: true, mediaType } : { ok: false, problem: 'fileWrongType' };
}

/** Megabytes with one decimal, for the messages. */
export const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
