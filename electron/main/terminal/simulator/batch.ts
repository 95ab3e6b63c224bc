// The open batch: its totals, its journal as F050 groups, new sales, and what SETTLE does to it.
import { decimalTlv, groupTlv, Tag, textTlv } from '../../../../shared/rtp';
import type { Tlv } from '../../../../shared/rtp';
import { nextCounter, sixDigits } from './terminal-state';
import type { JournalRecord, SimulatorStateInit } from './terminal-state';

/** The totals GET_BATCH reports. */
export interface BatchSummary {
  /** Transactions that stand (APPROVED or OFFLINE). */
  count: number;
  /** Their amount in fen; REFUND subtracts, never below 0. */
  totalFen: number;
  reversalPending: boolean;
  /** Records waiting to be sent (status OFFLINE). */
  offlinePending: number;
  /** A00A as 6 digits. */
  batchNumber: string;
}

/** Totals of the open batch. */
export function batchSummary(state: SimulatorStateInit): BatchSummary {
  let count = 0;
  let total = 0;
  let offline = 0;
  for (const record of state.journal) {
    if (record.status === 'OFFLINE') offline++;
    if (record.status !== 'APPROVED' && record.status !== 'OFFLINE') continue;
    count++;
    total += record.type === 'REFUND' ? -record.amountFen : record.amountFen;
  }
  return { count, totalFen: Math.max(0, total), reversalPending: state.reversalPending, offlinePending: offline, batchNumber: sixDigits(state.batchNumber) };
}

/** True when COMMIT must answer 05: any record, a pending reversal or offline records. */
export function batchBlocksCommit(state: SimulatorStateInit): boolean {
  return state.journal.length > 0 || state.reversalPending;
}

/** One journal record as an F050 group (docs/protocol.md §7.13). */
export function journalRecordTlv(record: JournalRecord): Tlv {
  return groupTlv(Tag.F050, [
    textTlv(Tag.F051, record.stan),
    textTlv(Tag.F052, record.time),
    decimalTlv(Tag.F053, record.amountFen),
    textTlv(Tag.F054, record.maskedPan),
    textTlv(Tag.F055, record.type),
    textTlv(Tag.F056, record.status),
  ]);
}

const DEMO_PANS = ['622848******1234', '621700******5678', '622588******9012', '625807******3456', '436742******7890'];

/** The state with `n` approved sales added, each using the next STAN, stamped `now` in local time. */
export function withSales(state: SimulatorStateInit, n: number, now: Date): SimulatorStateInit {
  let stan = state.stan;
  const added: JournalRecord[] = [];
  for (let i = 0; i < n; i++) {
    stan = nextCounter(stan);
    // Amounts vary but stay reproducible: 10.00 to 99.00 CNY in whole yuan.
    const amountFen = (10 + ((stan * 37) % 90)) * 100;
    added.push({ stan: sixDigits(stan), time: localTimestamp(now), amountFen, maskedPan: DEMO_PANS[stan % DEMO_PANS.length]!, type: 'SALE', status: 'APPROVED' });
  }
  return { ...state, stan, journal: [...state.journal, ...added] };
}

/** The state after a successful SETTLE: batch cleared, reversal and offline records sent, next batch number. */
export function settledState(state: SimulatorStateInit): SimulatorStateInit {
  return { ...state, journal: [], reversalPending: false, batchNumber: nextCounter(state.batchNumber) };
}

/** YYYYMMDDhhmmss in local time. */
export function localTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
}
