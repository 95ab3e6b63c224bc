// The seam between the CSV rows and the field validators (USCC, ID number, CNAPS, phone, in
// shared/desk/validators/): each column may have one check that says what is wrong with a tidied,
// non-empty value that already has the right length. A warning (such as the inner organisation
// code of an early USCC) is reported but does not stop the import.
import type { Reason } from '../../../../shared/errors/reason';
import type { MerchantColumnKey, TerminalColumnKey } from '../../../../shared/desk/csv/csv-columns';

export type FieldVerdict = null | { reason: Reason; warning?: boolean };

/** Null when the value is good. */
export type FieldCheck = (value: string) => FieldVerdict;

export type MerchantFieldChecks = Partial<Record<MerchantColumnKey, FieldCheck>>;
export type TerminalFieldChecks = Partial<Record<TerminalColumnKey, FieldCheck>>;

export interface CsvFieldChecks {
  merchants: MerchantFieldChecks;
  terminals: TerminalFieldChecks;
}

/** Lengths, required cells and the account status only: what holds before the validators are plugged in. */
export const structuralChecksOnly: CsvFieldChecks = { merchants: {}, terminals: {} };
