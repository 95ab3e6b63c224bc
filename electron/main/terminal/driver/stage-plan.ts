// How a canonical parameter set is cut into PUT_STAGE chunks so that every request body fits the
// terminal's maxBody exactly: SEQ and CMD, F061 with the offset in ASCII digits, F062 with the
// chunk and its BER length (1, 2 or 3 bytes depending on the chunk's own size).
import { encodedTlvSize, formatDecimal, lengthFieldSize } from '../../../../shared/rtp';

/** SEQ and CMD. */
const REQUEST_HEADER = 2;
/** A TLV's tag. */
const TAG = 2;

/** Size of a PUT_STAGE request body carrying `chunkLength` bytes at `offset`. */
export function putStageBodySize(offset: number, chunkLength: number): number {
  return REQUEST_HEADER + encodedTlvSize(formatDecimal(offset).length) + TAG + lengthFieldSize(chunkLength) + chunkLength;
}

/** The largest chunk at `offset` whose PUT_STAGE body fits `maxBody`; 0 when nothing fits. */
export function maxChunkLength(maxBody: number, offset: number): number {
  const budget = maxBody - REQUEST_HEADER - encodedTlvSize(formatDecimal(offset).length) - TAG;
  // The length field grows with the chunk, so the best size is at most 3 bytes below the budget.
  for (let chunk = budget - 1; chunk > 0; chunk--) if (chunk + lengthFieldSize(chunk) <= budget) return chunk;
  return 0;
}

/** One PUT_STAGE chunk: where it starts and how long it is. */
export interface StageChunk {
  offset: number;
  length: number;
}

/** The chunks of a set of `totalLength` bytes for a terminal with `maxBody`, in order. */
export function planStageChunks(totalLength: number, maxBody: number): StageChunk[] {
  const chunks: StageChunk[] = [];
  for (let offset = 0; offset < totalLength; ) {
    const length = Math.min(maxChunkLength(maxBody, offset), totalLength - offset);
    if (length <= 0) throw new RangeError(`maxBody ${maxBody} leaves no room for a PUT_STAGE chunk.`);
    chunks.push({ offset, length });
    offset += length;
  }
  return chunks;
}
