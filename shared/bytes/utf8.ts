// UTF-8 without TextEncoder/TextDecoder: shared/ has no DOM or Node lib, and the terminal must
// reject invalid UTF-8 outright instead of silently replacing it with U+FFFD.

/** Number of bytes `text` takes in UTF-8 (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8ByteLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) length += 1;
    else if (unit < 0x800) length += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

/** True when `text` has no lone surrogate, so it has an exact UTF-8 encoding. */
export function isWellFormedText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit > 0xdbff || !isLowSurrogate(text.charCodeAt(i + 1))) return false;
    i++;
  }
  return true;
}

/** Encodes `text` as UTF-8; a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function encodeUtf8(text: string): Uint8Array {
  const out = new Uint8Array(utf8ByteLength(text));
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (cp <= 0xdbff && isLowSurrogate(next)) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else cp = 0xfffd;
    }
    if (cp < 0x80) {
      out[o++] = cp;
    } else if (cp < 0x800) {
      out[o++] = 0xc0 | (cp >> 6);
      out[o++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      out[o++] = 0xe0 | (cp >> 12);
      out[o++] = 0x80 | ((cp >> 6) & 0x3f);
      out[o++] = 0x80 | (cp & 0x3f);
    } else {
      out[o++] = 0xf0 | (cp >> 18);
      out[o++] = 0x80 | ((cp >> 12) & 0x3f);
      out[o++] = 0x80 | ((cp >> 6) & 0x3f);
      out[o++] = 0x80 | (cp & 0x3f);
    }
  }
  return out;
}

/**
 * Decodes strict UTF-8: returns undefined on any overlong form, surrogate code point, code point
 * above U+10FFFF, stray continuation byte or truncated sequence.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  const units: number[] = [];
  let text = '';
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      units.push(b0);
      i += 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      // 0xC0 and 0xC1 could only start overlong encodings of ASCII.
      const b1 = bytes[i + 1];
      if (b1 === undefined || !isContinuation(b1)) return undefined;
      units.push(((b0 & 0x1f) << 6) | (b1 & 0x3f));
      i += 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      if (b1 === undefined || b2 === undefined || !isContinuation(b1) || !isContinuation(b2)) return undefined;
      // E0 needs A0..BF (else overlong); ED needs 80..9F (else a UTF-16 surrogate).
      if (b0 === 0xe0 && b1 < 0xa0) return undefined;
      if (b0 === 0xed && b1 > 0x9f) return undefined;
      units.push(((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f));
      i += 3;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      const b3 = bytes[i + 3];
      if (b1 === undefined || b2 === undefined || b3 === undefined) return undefined;
      if (!isContinuation(b1) || !isContinuation(b2) || !isContinuation(b3)) return undefined;
      // F0 needs 90..BF (else overlong); F4 needs 80..8F (else above U+10FFFF).
      if (b0 === 0xf0 && b1 < 0x90) return undefined;
      if (b0 === 0xf4 && b1 > 0x8f) return undefined;
      const cp = (((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f)) - 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
      i += 4;
    } else {
      return undefined;
    }
    // Flush in slices: String.fromCharCode(...units) has an argument-count limit.
    if (units.length >= 4096) {
      text += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return text + String.fromCharCode(...units);
}

/** True when `bytes` is strict UTF-8 (see decodeUtf8). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return decodeUtf8(bytes) !== undefined;
}

function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
