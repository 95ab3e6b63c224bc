// Journal records of EXPORT_JOURNAL: one F050 group per transaction (docs/protocol.md §7.13).
import { decodeGroup, Tag } from '../../../../shared/rtp';
import type { Tlv } from '../../../../shared/rtp';
import { TerminalProtocolError } from '../link/link-errors';
import { ResponseFields } from './response-fields';

/** One transaction of the current batch. */
export interface JournalRecord {
  /** F051 STAN, 6 digits. */
  stan: string;
  /** F052 terminal local time, YYYYMMDDhhmmss. */
  time: string;
  /** F053 amount in fen. */
  amountFen: number;
  /** F054 masked PAN (first 6, stars, last 4). */
  maskedPan: string;
  /** F055 type: SALE, VOID, REFUND, PREAUTH. */
  type: string;
  /** F056 status: APPROVED, REVERSED, OFFLINE, VOIDED. */
  status: string;
}

/** Reads the F050 groups of every EXPORT_JOURNAL page, in order. */
export function journalFromTlvs(tlvs: readonly Tlv[]): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (const item of tlvs) {
    if (item.tag !== Tag.F050) continue;
    const group = decodeGroup(item);
    if (!group.ok) throw new TerminalProtocolError('EXPORT_JOURNAL', `journal record ${records.length + 1} is not a TLV group: ${group.error.message}`, 'F050');
    const f = new ResponseFields('EXPORT_JOURNAL', group.items);
    records.push({
      stan: f.text(Tag.F051),
      time: f.text(Tag.F052),
      amountFen: f.decimal(Tag.F053),
      maskedPan: f.text(Tag.F054),
      type: f.text(Tag.F055),
      status: f.text(Tag.F056),
    });
  }
  return records;
}
