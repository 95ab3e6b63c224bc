import { ATTACHMENT_MAX_BYTES } from '../../../../shared/desk/attachments/attachment-type';
import { i18n } from '../../i18n';
import { megabytes, typeName } from './attachment-check';
import type { AttachmentRefused } from './checked-upload';

/** Why a file was not sent, in the user's language, with its size against the limit. */
export function sayRefused(error: AttachmentRefused): string {
  return i18n.global.t(`attachments.${error.problem}`, {
    fileName: error.fileName,
    sizeMb: megabytes(error.size),
    maxMb: megabytes(ATTACHMENT_MAX_BYTES),
    found: error.mediaType ? typeName(error.mediaType) : '',
    accepted: error.accepted.map(typeName).join(' / '),
  });
}
