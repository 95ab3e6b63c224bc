import { describe, expect, it } from 'vitest';
import { Command, decimalTlv, encodeRequest, Tag } from '../../../../shared/rtp';
import { maxChunkLength, planStageChunks, putStageBodySize } from './stage-plan';

/** The real encoder's size of a PUT_STAGE body, as the reference for the arithmetic. */
function encodedSize(offset: number, length: number): number {
  return encodeRequest({ seq: 0, cmd: Command.PUT_STAGE, tlvs: [decimalTlv(Tag.F061, offset), { tag: Tag.F062, value: new Uint8Array(length) }] }).length;
}

describe('PUT_STAGE chunk size', () => {
  it('fills a 1024-byte body exactly at offset 0: 2 + F061(4) + F062 tag(2) + length(3) + 1013', () => {
    expect(maxChunkLength(1024, 0)).toBe(1013);
    expect(encodedSize(0, 1013)).toBe(1024);
  });

  it('matches the encoder for every maxBody from 16 to 1100 and offsets of every digit count', () => {
    for (let maxBody = 16; maxBody <= 1100; maxBody++) {
      for (const offset of [0, 9, 10, 999, 1000, 65535]) {
        const chunk = maxChunkLength(maxBody, offset);
        expect(putStageBodySize(offset, chunk)).toBe(encodedSize(offset, chunk));
        expect(encodedSize(offset, chunk)).toBeLessThanOrEqual(maxBody);
        // One byte more would not fit: the chunk is the largest possible.
        expect(encodedSize(offset, chunk + 1)).toBeGreaterThan(maxBody);
      }
    }
  });

  it('cuts a set into consecutive chunks that cover it exactly', () => {
    const chunks = planStageChunks(4096, 1024);
    // Offsets from 1013 on take 4 digits in F061, 3 more bytes than "0".
    expect(chunks.map((c) => c.length)).toEqual([1013, 1010, 1010, 1010, 53]);
    let next = 0;
    for (const chunk of chunks) {
      expect(chunk.offset).toBe(next);
      expect(putStageBodySize(chunk.offset, chunk.length)).toBeLessThanOrEqual(1024);
      next += chunk.length;
    }
    expect(next).toBe(4096);
    expect(planStageChunks(165, 1024)).toEqual([{ offset: 0, length: 165 }]);
    expect(planStageChunks(70_000, 65535).length).toBe(2);
  });

  it('refuses a maxBody too small for any chunk', () => {
    expect(() => planStageChunks(10, 8)).toThrow(RangeError);
  });
});
