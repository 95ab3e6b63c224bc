// The batch as GET_BATCH reports it, and what SETTLE answers (PROTOCOL.md §3, CMD 02 and 20).
import { Tag } from '../../../../shared/rtp';
import type { Tlv } from '../../../../shared/rtp';
import { ResponseFields } from './response-fields';

/** The open batch (the same shape the Terminal page shows). */
export type { BatchSummary } from '../../../../shared/terminal/terminal-identity';
import type { BatchSummary } from '../../../../shared/terminal/terminal-identity';

/** The final answer of SETTLE. */
export interface SettleResult {
  /** F011 transactions settled. */
  count: number;
  /** F012 their total in fen. */
  totalFen: number;
  /** F015 the host agreed with the terminal's totals (else the batch was uploaded). */
  balanced: boolean;
}

/** True when COMMIT would refuse with RC 05: transactions, a reversal or offline records are pending. */
export function batchNeedsSettling(batch: BatchSummary): boolean {
  return batch.count > 0 || batch.reversalPending || batch.offlinePending > 0;
}

/** Reads GET_BATCH's response TLVs. */
export function batchFromResponse(tlvs: readonly Tlv[]): BatchSummary {
  const f = new ResponseFields('GET_BATCH', tlvs);
  return {
    count: f.decimal(Tag.F011),
    totalFen: f.decimal(Tag.F012),
    reversalPending: f.flag(Tag.F013),
    offlinePending: f.decimal(Tag.F014),
    batchNumber: f.text(Tag.A00A),
  };
}

/** Reads SETTLE's final response TLVs. */
export function settleFromResponse(tlvs: readonly Tlv[]): SettleResult {
  const f = new ResponseFields('SETTLE', tlvs);
  return { count: f.decimal(Tag.F011), totalFen: f.decimal(Tag.F012), balanced: f.flag(Tag.F015) };
}
