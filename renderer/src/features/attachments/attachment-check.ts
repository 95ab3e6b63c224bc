// A file checked before it is sent, as main checks it (size, then type by its first bytes), so the
// user hears what to fix without a 27 MB round trip. Main checks again: this only saves the trip.
import { ATTACHMENT_MAX_BYTES, attachmentSignatures, sniffMediaType, type AttachmentMediaType } from '../../../../shared/desk/attachments/attachment-type';

export type AttachmentProblem = 'fileEmpty' | 'fileTooLarge' | 'fileWrongType' | 'typeNotAccepted';
export type AttachmentCheck = { ok: true; mediaType: AttachmentMediaType } | { ok: false; problem: AttachmentProblem; mediaType?: AttachmentMediaType };

/** Every type the attachment store keeps; a place may take fewer (an evidence step asking for a photo). */
export const allAttachmentTypes: readonly AttachmentMediaType[] = attachmentSignatures.map((s) => s.mediaType);

/** Checks a file's size and its first bytes (`head`, at least 8 bytes of it when the file has them) against the types `accepted` here. */
export function checkAttachment(size: number, head: Uint8Array, accepted: readonly AttachmentMediaType[] = allAttachmentTypes): AttachmentCheck {
  if (size === 0) return { ok: false, problem: 'fileEmpty' };
  if (size > ATTACHMENT_MAX_BYTES) return { ok: false, problem: 'fileTooLarge' };
  const mediaType = sniffMediaType(head);
  if (!mediaType) return { ok: false, problem: 'fileWrongType' };
  return accepted.includes(mediaType) ? { ok: true, mediaType } : { ok: false, problem: 'typeNotAccepted', mediaType };
}

/** The `accept` list of a file input (a hint to the system chooser; the check above decides). */
export const acceptList = (accepted: readonly AttachmentMediaType[] = allAttachmentTypes) => accepted.join(',');

/** True when a place takes only images: its chooser offers the camera and says "photo". */
export const onlyImages = (accepted: readonly AttachmentMediaType[]) => accepted.length > 0 && accepted.every((type) => type.startsWith('image/'));

/** A media type as people name it (PDF, JPEG, PNG). */
export const typeName = (mediaType: AttachmentMediaType) => ({ 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' })[mediaType];

/** Megabytes with one decimal, for the messages. */
export const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
