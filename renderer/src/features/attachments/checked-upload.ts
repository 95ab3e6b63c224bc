// The one way a picked file is sent to main (case materials, the agreement, checklist evidence):
// checked as main checks it, then read as base64 for the channel.
import { allAttachmentTypes, checkAttachment, type AttachmentProblem } from './attachment-check';
import { fileBase64, fileHead } from './file-bytes';
import type { AttachmentMediaType } from '../../../../shared/desk/attachments/attachment-type';

/** A file refused before sending: which check, for the page to say in the user's words. */
export class AttachmentRefused extends Error {
  constructor(
    readonly problem: AttachmentProblem,
    readonly fileName: string,
    readonly size: number,
    /** What the file is, when it is an accepted kind of attachment but not one this place takes. */
    readonly mediaType?: AttachmentMediaType,
    readonly accepted: readonly AttachmentMediaType[] = allAttachmentTypes,
  ) {
    super(problem);
  }
}

export interface CheckedUpload {
  fileName: string;
  mediaType: AttachmentMediaType;
  dataBase64: string;
}

/** The file ready for a channel, or AttachmentRefused naming what is wrong with it. */
export async function checkedUpload(file: File, accepted: readonly AttachmentMediaType[] = allAttachmentTypes): Promise<CheckedUpload> {
  const check = checkAttachment(file.size, await fileHead(file), accepted);
  if (!check.ok) throw new AttachmentRefused(check.problem, file.name, file.size, check.mediaType, accepted);
  return { fileName: file.name, mediaType: check.mediaType, dataBase64: await fileBase64(file) };
}
