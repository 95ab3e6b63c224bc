// The simulated terminal's persistent state: what survives REBOOT and power loss. The open stage
// and the duplicate memory live in RAM only (terminal-session.ts).
import { canonicalParameterSet } from '../../../../shared/rtp';
import { parameterDigest } from '../parameter-digest';

export type SlotName = 'A' | 'B';

/** Journal record types (docs/protocol.md §7.13). */
export type JournalType = 'SALE' | 'VOID' | 'REFUND' | 'PREAUTH';

/** Journal record statuses (docs/protocol.md §7.13). */
export type JournalStatus = 'APPROVED' | 'REVERSED' | 'OFFLINE' | 'VOIDED';

/** One transaction of the open batch. */
export interface JournalRecord {
  /** STAN, 6 digits. */
  stan: string;
  /** Terminal local time, YYYYMMDDhhmmss. */
  time: string;
  /** Amount in fen. */
  amountFen: number;
  /** First 6, asterisks, last 4. */
  maskedPan: string;
  type: JournalType;
  status: JournalStatus;
}

/** What HELLO reports about the device itself. */
export interface TerminalIdentityInit {
  vendor: string;
  model: string;
  serialNumber: string;
  firmware: string;
  /** The body size advertised in F002 and accepted from the host (1024 or more). */
  maxBody: number;
}

/** How the acquirer's host behaves for SETTLE, SIGN_ON and ECHO_TEST. */
export interface AcquirerHostInit {
  /** False: the host cannot be reached; the terminal answers RC 08 after hostTimeoutMs. */
  reachable: boolean;
  /** Field 39 a reachable host answers with; "00" approves, anything else is RC 08 (declined). */
  responseCode: string;
  /** F030 sent with RC 08 when the host is unreachable, e.g. "91"; null leaves F030 out (docs/protocol.md §7.12). */
  unreachableCode: string | null;
  /** False: SETTLE finds the totals out of balance, uploads the batch and answers F015 "0". */
  totalsBalance: boolean;
}

/** The whole persistent state, as written to the state file. */
export interface SimulatorStateInit {
  identity: TerminalIdentityInit;
  host: AcquirerHostInit;
  /** Locked by the current acquirer: staging commands answer 0A. */
  locked: boolean;
  /** Non-volatile parameters of each slot, keyed by tag text ("A001"); null when empty. */
  slots: { A: Record<string, string> | null; B: Record<string, string> | null };
  activeSlot: SlotName;
  /** The inactive slot holds the set before the last COMMIT, which ROLLBACK can restore. */
  previousPresent: boolean;
  /** A009, 0-999999. */
  stan: number;
  /** A00A, 0-999999. */
  batchNumber: number;
  /** A reversal waits to be sent with the next SETTLE. */
  reversalPending: boolean;
  /** The open batch. */
  journal: JournalRecord[];
}

export function otherSlot(slot: SlotName): SlotName {
  return slot === 'A' ? 'B' : 'A';
}

/** The active slot's non-volatile parameters; state validation guarantees they exist. */
export function activeParams(state: SimulatorStateInit): Record<string, string> {
  const params = state.slots[state.activeSlot];
  if (params === null) throw new Error(`Simulator state has no parameters in the active slot ${state.activeSlot}.`);
  return params;
}

/** SHA-256 of the active slot's canonical set. */
export function activeDigest(state: SimulatorStateInit): Uint8Array {
  return parameterDigest(canonicalParameterSet(activeParams(state)));
}

/** A 6-digit counter as the terminal writes it (STAN, batch number). */
export function sixDigits(value: number): string {
  return String(value).padStart(6, '0');
}

/** The counter after `value`: 999999 wraps to 000001. */
export function nextCounter(value: number): number {
  return value >= 999_999 ? 1 : value + 1;
}

/** Every parameter GET_PARAMS reports: the active set plus the volatile STAN and batch number. */
export function reportedParams(state: SimulatorStateInit): Record<string, string> {
  return { ...activeParams(state), A009: sixDigits(state.stan), A00A: sixDigits(state.batchNumber) };
}
