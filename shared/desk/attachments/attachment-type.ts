// What an attachment is, by its first bytes rather than its name: a renamed .exe is not a PDF.
// The desk keeps scans, photos and PDFs; everything else is refused naming what is accepted.
// Shared: main refuses by it, and the case page checks a file by it before sending it.

// The largest attachment, 20 MiB (a multi-page colour scan at 300 dpi stays below it), is the contract's.
export { ATTACHMENT_MAX_BYTES } from '../../ipc/contract-desk-cases';

/** The media types accepted, each with the bytes it starts with. */
export const attachmentSignatures = [
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
] as const;

/** One accepted media type. */
export type AttachmentMediaType = (typeof attachmentSignatures)[number]['mediaType'];

/** The media type `bytes` start with, or null when they are none of the accepted ones. */
export function sniffMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  for (const { mediaType, magic } of attachmentSignatures) {
    if (bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte)) return mediaType;
  }
  return null;
}
