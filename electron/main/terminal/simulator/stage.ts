// The open stage (RAM only: a reboot or power loss loses it). PUT takes chunks strictly in order;
// VERIFY runs the checks of PROTOCOL.md §3 in their order: 04, 06, 02, 03.
import { bytesEqual } from '../../../../shared/bytes';
import { parseStagedSet, ResultCode, Tag, tagToText } from '../../../../shared/rtp';
import { parameterDigest } from '../parameter-digest';

/** Outcome of a PUT. */
export type PutResult =
  | { readonly ok: true; readonly received: number }
  /** 04: the offset is not the bytes received so far. */
  | { readonly ok: false; readonly rc: typeof ResultCode.WRONG_STATE; readonly received: number }
  /** 03 naming F062: the chunk runs past the length BEGIN announced. */
  | { readonly ok: false; readonly rc: typeof ResultCode.INVALID_VALUE; readonly tag: string; readonly received: number };

/** Outcome of a VERIFY on a complete stage: RC, the digest of the staged bytes, and F020 for 03. */
export interface VerifyResult {
  readonly rc: number;
  readonly digest: Uint8Array;
  readonly offendingTag?: string;
  readonly detail: string;
}

/** A stage opened by BEGIN_STAGE. */
export class Stage {
  private readonly bytes: Uint8Array;
  private filled = 0;
  private verifiedParams: Record<string, string> | undefined;

  /** Opens a stage of `length` bytes expected to hash to `expectedDigest`. */
  constructor(readonly length: number, private readonly expectedDigest: Uint8Array) {
    this.bytes = new Uint8Array(length);
  }

  /** Bytes received so far. */
  get received(): number {
    return this.filled;
  }

  /** True when every announced byte has arrived. */
  get complete(): boolean {
    return this.filled === this.length;
  }

  /** The parameters of a stage VERIFY accepted; undefined until then. */
  get verified(): Record<string, string> | undefined {
    return this.verifiedParams;
  }

  /** Appends a chunk that must start where the stage ends. */
  put(offset: number, chunk: Uint8Array): PutResult {
    if (offset !== this.filled) return { ok: false, rc: ResultCode.WRONG_STATE, received: this.filled };
    if (offset + chunk.length > this.length) return { ok: false, rc: ResultCode.INVALID_VALUE, tag: tagToText(Tag.F062), received: this.filled };
    this.bytes.set(chunk, offset);
    this.filled += chunk.length;
    return { ok: true, received: this.filled };
  }

  /** Checks a complete stage: 06 digest mismatch, 02 not canonical, 03 bad value, else 00. */
  verify(): VerifyResult {
    const digest = parameterDigest(this.bytes);
    if (!bytesEqual(digest, this.expectedDigest)) return { rc: ResultCode.DIGEST_MISMATCH, digest, detail: 'the staged bytes do not hash to the digest BEGIN_STAGE announced' };
    const parsed = parseStagedSet(this.bytes);
    if (!parsed.ok) {
      if (parsed.rc === ResultCode.MALFORMED) return { rc: parsed.rc, digest, detail: parsed.message };
      return { rc: parsed.rc, digest, offendingTag: parsed.tag, detail: parsed.message };
    }
    this.verifiedParams = parsed.params;
    return { rc: ResultCode.OK, digest, detail: 'staged set verified' };
  }
}
