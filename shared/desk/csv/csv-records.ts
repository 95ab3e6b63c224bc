// What one good row of a merchant or terminal CSV file becomes, and what an export is given: the
// values as checked and tidied, keyed like the column tables (shared/desk/csv/csv-columns.ts).
import type { AccountStatus } from '../model/gate-views';
import type { CsvKind } from './csv-columns';

/** A merchant row. Optional columns left out or empty are ''; an account status not given is null. */
export interface MerchantCsvRecord {
  name: string;
  uscc: string;
  legalRep: string;
  legalRepId: string;
  contact: string;
  phone: string;
  address: string;
  bank: string;
  branch: string;
  cnaps: string;
  accountNo: string;
  accountStatus: AccountStatus | null;
}

/** A terminal row: `bank` is the current acquirer's code from reference data. */
export interface TerminalCsvRecord {
  serial: string;
  tid: string;
  mid: string;
  model: string;
  merchantUscc: string;
  bank: string;
}

/** The record type of a kind. */
export type CsvRecordOf<K extends CsvKind> = K extends 'merchants' ? MerchantCsvRecord : TerminalCsvRecord;
