import type { AccountStatus } from '../../../../shared/desk/model';
import type { TerminalForm } from '../../../../shared/desk/forms';
import type { RecordChange } from '../../db/outbox';
import type { Stored } from '../../db/record-table';

/**
 * A merchant as stored: the legal representative's ID number and the account number only as
 * field-encryption values (`v1:…`) with their last 4 characters beside them for the masked view.
 */
export interface MerchantFields {
  name: string;
  uscc: string;
  legalRep: string;
  legalRepIdSealed: string;
  legalRepIdLast4: string;
  contact: string;
  phone: string;
  address: string;
  area: string;
  settlementBank: string;
  settlementBranch: string;
  cnaps: string;
  accountNoSealed: string;
  accountNoLast4: string;
  swift?: string;
  accountStatus: AccountStatus;
  accountCheckedOn?: string;
  shortName: string;
}

/** A terminal as stored. */
export type TerminalFields = TerminalForm;

/** What the desk searches merchants by: one text matched against every key. */
export interface MerchantSearch {
  text: string;
  limit: number;
  offset: number;
}

/**
 * Merchants and their terminals. Writes return the outbox change; call them inside the audited
 * operation that records them. An update names the version it was made on and returns null when
 * the row has moved on.
 */
export interface MerchantRepository {
  merchant(id: string): Stored<MerchantFields> | undefined;
  merchantByUscc(uscc: string): Stored<MerchantFields> | undefined;
  insertMerchant(merchant: Stored<MerchantFields>): RecordChange;
  updateMerchant(merchant: Stored<MerchantFields>, baseVersion: number): RecordChange | null;
  /**
   * Merchants whose name contains the text, or whose USCC, or one of whose terminals' TID, MID or
   * serial, starts with it; by name. One more than `limit` tells the caller there are more.
   */
  searchMerchants(search: MerchantSearch): Stored<MerchantFields>[];
  /** Every merchant, by USCC, a page at a time (exports). */
  merchantsPage(afterUscc: string, limit: number): Stored<MerchantFields>[];

  terminal(id: string): Stored<TerminalFields> | undefined;
  terminalBySerial(serial: string): Stored<TerminalFields> | undefined;
  terminalByTid(tid: string): Stored<TerminalFields> | undefined;
  terminalsOf(merchantIds: readonly string[]): Stored<TerminalFields>[];
  /** Every terminal, by serial, a page at a time (exports). */
  terminalsPage(afterSerial: string, limit: number): Stored<TerminalFields>[];
  insertTerminal(terminal: Stored<TerminalFields>): RecordChange;
  updateTerminal(terminal: Stored<TerminalFields>, baseVersion: number): RecordChange | null;
}
