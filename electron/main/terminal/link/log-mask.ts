// Hides key check values (E0E1) in the link log's hex, as describe.ts hides them in its text: a KCV
// is secret (DESIGN.md §4) and raw hex would otherwise show it. Matching is on the byte pattern
// `E0 E1 LL`, so it also works in damaged frames and inside staged chunks; a false match only hides
// a few harmless bytes. PUT_STAGE chunks are followed across frames, because a chunk boundary can
// split the pattern from its value.
import { Command } from '../../../../shared/rtp';

/** The longest value hidden after a match; a real KCV has 6 bytes. */
const MAX_SECRET = 32;
/** Bytes of the previous chunk kept to catch a pattern split by a chunk boundary. */
const TAIL = 2 + 1 + MAX_SECRET;

/** Turns logged bytes into hex with E0E1 values shown as "**". */
export class SecretMasker {
  /** Tail of the PUT_STAGE chunk content that ends at each offset, for continuity. */
  private readonly tails = new Map<number, Uint8Array>();

  /** Upper-case spaced hex of `bytes` with secret values masked. */
  hex(bytes: Uint8Array): string {
    const hidden = new Uint8Array(bytes.length);
    markSecrets(bytes.subarray(0, bodyEnd(bytes)), hidden);
    this.markStageChunk(bytes, hidden);
    let out = '';
    for (let i = 0; i < bytes.length; i++) {
      if (i > 0) out += ' ';
      out += hidden[i] === 1 ? '**' : HEX[bytes[i]!];
    }
    return out;
  }

  /** For an outgoing PUT_STAGE frame, marks values whose pattern began in the previous chunk. */
  private markStageChunk(frame: Uint8Array, hidden: Uint8Array): void {
    const chunk = findStageChunk(frame);
    if (chunk === undefined) return;
    if (chunk.offset === 0) this.tails.clear();
    const tail = this.tails.get(chunk.offset) ?? new Uint8Array(0);
    const joined = new Uint8Array(tail.length + chunk.end - chunk.start);
    joined.set(tail, 0);
    joined.set(frame.subarray(chunk.start, chunk.end), tail.length);
    const joinedHidden = new Uint8Array(joined.length);
    markSecrets(joined, joinedHidden);
    for (let i = tail.length; i < joined.length; i++) if (joinedHidden[i] === 1) hidden[chunk.start + i - tail.length] = 1;
    const endOffset = chunk.offset + (chunk.end - chunk.start);
    this.tails.set(endOffset, joined.slice(Math.max(0, joined.length - TAIL)));
    // Only the latest boundaries matter; keep the map from growing over a long stage.
    if (this.tails.size > 4) this.tails.delete(this.tails.keys().next().value!);
  }
}

/** Where the body of a whole frame ends (ETX and LRC are never secret); the length of anything else. */
function bodyEnd(bytes: Uint8Array): number {
  if (bytes.length >= 5 && bytes[0] === 0x02 && 5 + ((bytes[1]! << 8) | bytes[2]!) === bytes.length) return bytes.length - 2;
  return bytes.length;
}

/** Sets hidden[k] = 1 for the value bytes after each `E0 E1 LL` in `bytes`. */
function markSecrets(bytes: Uint8Array, hidden: Uint8Array): void {
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] !== 0xe0 || bytes[i + 1] !== 0xe1) continue;
    const length = bytes[i + 2]!;
    if (length === 0 || length > MAX_SECRET) continue;
    for (let k = i + 3; k < Math.min(bytes.length, i + 3 + length); k++) hidden[k] = 1;
  }
}

/** Where the F062 value of a PUT_STAGE request frame lies, and its F061 offset; undefined for other bytes. */
function findStageChunk(frame: Uint8Array): { offset: number; start: number; end: number } | undefined {
  // STX LEN LEN SEQ CMD ...: only well-formed request frames are followed.
  if (frame.length < 8 || frame[0] !== 0x02 || frame[4] !== Command.PUT_STAGE) return undefined;
  const bodyEnd = 3 + ((frame[1]! << 8) | frame[2]!);
  if (bodyEnd > frame.length) return undefined;
  let i = 5;
  let offset: number | undefined;
  let value: { start: number; end: number } | undefined;
  while (i + 3 <= bodyEnd) {
    const tag = (frame[i]! << 8) | frame[i + 1]!;
    let length = frame[i + 2]!;
    let at = i + 3;
    if (length === 0x81) {
      length = frame[at]!;
      at += 1;
    } else if (length === 0x82) {
      length = (frame[at]! << 8) | frame[at + 1]!;
      at += 2;
    } else if (length > 0x7f) return undefined;
    if (at + length > bodyEnd) return undefined;
    if (tag === 0xf061) offset = Number(String.fromCharCode(...frame.subarray(at, at + length)));
    if (tag === 0xf062) value = { start: at, end: at + length };
    i = at + length;
  }
  if (offset === undefined || !Number.isSafeInteger(offset) || value === undefined) return undefined;
  return { offset, ...value };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase());
