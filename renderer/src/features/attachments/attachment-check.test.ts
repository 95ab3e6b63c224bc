import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, attachmentSignatures } from '../../../../shared/desk/attachments/attachment-type';
import { acceptList, checkAttachment, megabytes, onlyImages, typeName } from './attachment-check';

const pdf = new TextEncoder().encode('%PDF-1.4\n');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
const photos = ['image/jpeg', 'image/png'] as const;

describe('attachment check before sending', () => {
  it('takes a PDF, JPEG or PNG by its first bytes', () => {
    expect(checkAttachment(9, pdf)).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(checkAttachment(8, png)).toEqual({ ok: true, mediaType: 'image/png' });
    expect(checkAttachment(4, jpeg)).toEqual({ ok: true, mediaType: 'image/jpeg' });
  });

  it('refuses an empty file, one over the limit and any other content whatever its name', () => {
    expect(checkAttachment(0, new Uint8Array())).toEqual({ ok: false, problem: 'fileEmpty' });
    expect(checkAttachment(ATTACHMENT_MAX_BYTES, pdf).ok).toBe(true);
    expect(checkAttachment(ATTACHMENT_MAX_BYTES + 1, pdf)).toEqual({ ok: false, problem: 'fileTooLarge' });
    expect(checkAttachment(2, new TextEncoder().encode('MZ'))).toEqual({ ok: false, problem: 'fileWrongType' });
    expect(megabytes(ATTACHMENT_MAX_BYTES)).toBe('20.0');
  });

  it('takes only the types a place accepts (a photo step: images), after the same size and content checks', () => {
    expect(checkAttachment(8, png, photos)).toEqual({ ok: true, mediaType: 'image/png' });
    expect(checkAttachment(4, jpeg, photos)).toEqual({ ok: true, mediaType: 'image/jpeg' });
    expect(checkAttachment(9, pdf, photos)).toEqual({ ok: false, problem: 'typeNotAccepted', mediaType: 'application/pdf' });
    expect(checkAttachment(ATTACHMENT_MAX_BYTES + 1, png, photos)).toEqual({ ok: false, problem: 'fileTooLarge' });
    expect(checkAttachment(2, new TextEncoder().encode('MZ'), photos)).toEqual({ ok: false, problem: 'fileWrongType' });
  });

  it('offers the chooser the types the shared check accepts, and names them', () => {
    expect(acceptList().split(',').sort()).toEqual(attachmentSignatures.map((s) => s.mediaType).sort());
    expect(acceptList(photos)).toBe('image/jpeg,image/png');
    expect(onlyImages(photos)).toBe(true);
    expect(onlyImages(['image/png', 'application/pdf'])).toBe(false);
    expect(attachmentSignatures.map((s) => typeName(s.mediaType))).toEqual(['PDF', 'JPEG', 'PNG']);
  });
});
