// UTF-8 through the platform's TextEncoder and TextDecoder, which every runtime of shared/ has
// (Node, Chromium). Decoding is fatal: the terminal must reject invalid UTF-8 (overlong forms,
// surrogate code points, truncated sequences) outright instead of replacing it with U+FFFD.

// shared/ compiles without DOM or Node types, so the two globals are typed here by what is used.
interface TextCodecs {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: 'utf-8', options: { fatal: boolean; ignoreBOM: boolean }) => { decode(bytes: Uint8Array): string };
}
const codecs = globalThis as unknown as TextCodecs;
const encoder = new codecs.TextEncoder();
// ignoreBOM: a leading EF BB BF is the character U+FEFF like any other, not a marker to strip.
const strictDecoder = new codecs.TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Number of bytes `text` takes in UTF-8 (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8ByteLength(text: string): number {
  return encoder.encode(text).length;
}

/** True when `text` has no lone surrogate, so it has an exact UTF-8 encoding. */
export function isWellFormedText(text: string): boolean {
  // With the u flag a surrogate pair is one code point; only a lone surrogate is in \p{Surrogate}.
  return !/\p{Surrogate}/u.test(text);
}

/** Encodes `text` as UTF-8; a lone surrogate becomes U+FFFD. */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decodes strict UTF-8: undefined for anything a fatal TextDecoder refuses. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}
