// Turns a CSV file's bytes into text without guessing: a byte-order mark decides first, then the
// bytes either are valid UTF-8 (a strict decoder, so a GBK file cannot slip through as mojibake) or
// are read as GB18030, the superset of GBK that Chinese spreadsheets save as "CSV (comma
// delimited)". Statistical detectors (chardet and the like) are wrong on short files often enough
// to corrupt names silently; the app's preview lets the user force the other encoding instead.
import iconv from 'iconv-lite';
import { reason } from '../../../../shared/errors/reason';
import { csvProblem, type CsvProblem } from '../../../../shared/desk/csv/csv-problem';

/** The encodings a user may force in the preview (GB18030 reads every GBK file). */
export const forcibleCsvEncodings = ['utf-8', 'gb18030'] as const;
export type ForcibleCsvEncoding = (typeof forcibleCsvEncodings)[number];

/** How the file was read: `utf-8-bom` is UTF-8 that started with a byte-order mark. */
export type CsvEncoding = 'utf-8-bom' | ForcibleCsvEncoding;

export type DecodedCsv = { ok: true; text: string; encoding: CsvEncoding } | { ok: false; problem: CsvProblem };

const utf8Bom = [0xef, 0xbb, 0xbf];
const newline = 0x0a;

/** Decodes by BOM, then strict UTF-8, then GB18030; refuses UTF-16/32 and bytes valid in neither. */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  const utf16 = refuseUtf16(bytes);
  if (utf16) return utf16;
  if (startsWithUtf8Bom(bytes)) return decodeCsvBytesAs(bytes, 'utf-8');
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  const gb = gb18030(bytes);
  if (gb !== null) return { ok: true, text: gb, encoding: 'gb18030' };
  // Past the first line that is not UTF-8 the file reads as GB18030, so the line GB18030 stumbles on is the broken one.
  const line = firstBadLine(bytes, (text) => gb18030(text) !== null);
  return { ok: false, problem: csvProblem(null, line, null, reason('csv-not-decodable', { line })) };
}

/** Decodes in the encoding the user chose; bytes that are not valid in it are a problem, never replaced silently. */
export function decodeCsvBytesAs(bytes: Uint8Array, encoding: ForcibleCsvEncoding): DecodedCsv {
  const utf16 = refuseUtf16(bytes);
  if (utf16) return utf16;
  if (encoding === 'utf-8') {
    const bom = startsWithUtf8Bom(bytes);
    const text = strictUtf8(bom ? bytes.subarray(utf8Bom.length) : bytes);
    if (text !== null) return { ok: true, text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
    return notIn(bytes, encoding, (line) => strictUtf8(line) !== null);
  }
  const text = gb18030(bytes);
  if (text !== null) return { ok: true, text, encoding };
  return notIn(bytes, encoding, (line) => gb18030(line) !== null);
}

function notIn(bytes: Uint8Array, encoding: ForcibleCsvEncoding, valid: (line: Uint8Array) => boolean): DecodedCsv {
  const line = firstBadLine(bytes, valid);
  return { ok: false, problem: csvProblem(null, line, null, reason('csv-not-in-encoding', { encoding: encodingLabel(encoding), line })) };
}

/** The encoding as a person names it. */
export function encodingLabel(encoding: CsvEncoding): string {
  return encoding === 'gb18030' ? 'GB18030/GBK' : encoding === 'utf-8-bom' ? 'UTF-8 (BOM)' : 'UTF-8';
}

function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return utf8Bom.every((byte, i) => bytes[i] === byte);
}

// Excel's "Unicode text" is UTF-16 with tabs between cells, not a CSV: say how to save it instead of
// decoding it into one long cell. FF FE also opens UTF-32LE, which is refused the same way.
function refuseUtf16(bytes: Uint8Array): DecodedCsv | null {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return null;
  return { ok: false, problem: csvProblem(null, null, null, reason('csv-utf16-unsupported', { encoding: le ? 'UTF-16LE' : 'UTF-16BE' })) };
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    // ignoreBOM keeps a BOM as U+FEFF rather than eating it, so a BOM handled above is never eaten twice.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

// iconv-lite replaces bytes it cannot map with U+FFFD instead of throwing. GB18030 maps every
// code point, U+FFFD included (84 31 A4 37), so a replacement character is only an error when
// encoding the text again does not give the same bytes back.
function gb18030(bytes: Uint8Array): string | null {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030', { stripBOM: false });
  if (!text.includes('\uFFFD')) return text;
  return Buffer.from(bytes).equals(iconv.encode(text, 'gb18030')) ? text : null;
}

// LF (0x0A) never occurs inside a multi-byte character in UTF-8 or GB18030, so lines can be tested one by one.
function firstBadLine(bytes: Uint8Array, valid: (line: Uint8Array) => boolean): number {
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== newline) continue;
    if (!valid(bytes.subarray(start, i))) return line;
    start = i + 1;
    line += 1;
  }
  return line;
}
