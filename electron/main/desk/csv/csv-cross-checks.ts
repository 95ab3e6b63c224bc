// Checks that need more than one row: a key that appears twice in the file, a record that already
// exists, and a terminal naming a merchant, model or bank that does not. What the database holds is
// asked through lookups the caller injects (the repositories), so this runs on plain records.
import { reason } from '../../../../shared/errors/reason';
import type { CsvKind } from '../../../../shared/desk/csv/csv-columns';
import { csvProblem, type CsvProblem } from '../../../../shared/desk/csv/csv-problem';
import type { CsvRecordOf, MerchantCsvRecord, TerminalCsvRecord } from '../../../../shared/desk/csv/csv-records';
import type { CsvHeader } from './csv-headers';
import type { CsvTextRow } from './csv-read';

export interface MerchantCsvLookups {
  merchantExists(uscc: string): boolean;
}

export interface TerminalCsvLookups {
  merchantExists(uscc: string): boolean;
  terminalSerialExists(serial: string): boolean;
  terminalTidExists(tid: string): boolean;
  modelExists(model: string): boolean;
  /** An acquiring bank's code from reference data (`acquirer-b`, …). */
  bankExists(code: string): boolean;
}

export type CsvLookupsOf<K extends CsvKind> = K extends 'merchants' ? MerchantCsvLookups : TerminalCsvLookups;

export interface CheckedRecord<R> {
  row: CsvTextRow;
  record: R;
}

export interface CrossCheckOptions {
  /** Merchants' USCCs being imported together with these terminals (not yet in the database). */
  merchantsInSameImport?: ReadonlySet<string>;
}

/** The problems between rows, and between rows and the database, of the rows that passed on their own. */
export function crossCheck<K extends CsvKind>(kind: K, header: CsvHeader, rows: CheckedRecord<CsvRecordOf<K>>[], lookups: CsvLookupsOf<K>, options: CrossCheckOptions = {}): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const label = (key: string) => header.written[header.columns.findIndex((column) => column?.key === key)] ?? key;
  const add = (row: CsvTextRow, key: string, code: string, params: Record<string, string | number>) => problems.push(csvProblem(row.row, row.line, label(key), reason(code, params)));
  const unique = uniqueIn(add);

  if (kind === 'merchants') {
    const seen = unique('uscc');
    for (const { row, record } of rows as CheckedRecord<MerchantCsvRecord>[]) {
      if (!seen(row, record.uscc)) continue;
      if (lookups.merchantExists(record.uscc)) add(row, 'uscc', 'csv-merchant-exists', { value: record.uscc });
    }
    return problems;
  }

  const terminalLookups = lookups as TerminalCsvLookups;
  const seenSerial = unique('serial');
  const seenTid = unique('tid');
  for (const { row, record } of rows as CheckedRecord<TerminalCsvRecord>[]) {
    if (seenSerial(row, record.serial) && terminalLookups.terminalSerialExists(record.serial)) add(row, 'serial', 'csv-terminal-exists', { value: record.serial });
    if (seenTid(row, record.tid) && terminalLookups.terminalTidExists(record.tid)) add(row, 'tid', 'csv-terminal-exists', { value: record.tid });
    if (!options.merchantsInSameImport?.has(record.merchantUscc) && !terminalLookups.merchantExists(record.merchantUscc)) add(row, 'merchantUscc', 'csv-merchant-unknown', { value: record.merchantUscc });
    if (!terminalLookups.modelExists(record.model)) add(row, 'model', 'csv-model-unknown', { value: record.model });
    if (!terminalLookups.bankExists(record.bank)) add(row, 'bank', 'csv-bank-unknown', { value: record.bank });
  }
  return problems;
}

// A key's first row is kept; each later row with the same value is a problem naming the first.
function uniqueIn(add: (row: CsvTextRow, key: string, code: string, params: Record<string, string | number>) => void) {
  return (key: string) => {
    const firstRow = new Map<string, number>();
    return (row: CsvTextRow, value: string): boolean => {
      const first = firstRow.get(value);
      if (first === undefined) {
        firstRow.set(value, row.row);
        return true;
      }
      add(row, key, 'csv-duplicate-in-file', { value, firstRow: first });
      return false;
    };
  };
}
