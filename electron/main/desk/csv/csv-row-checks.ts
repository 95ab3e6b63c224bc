// Checks one data row on its own: each cell under a known header must be filled when required, must
// not be a masked export value, and must pass its column's desk field validator, which also gives
// the value as stored. Every problem of the row is reported, not only the first.
import { reason } from '../../../../shared/errors/reason';
import { columnsOf, type CsvKind } from '../../../../shared/desk/csv/csv-columns';
import { csvProblem, type CsvProblem } from '../../../../shared/desk/csv/csv-problem';
import type { CsvRecordOf, MerchantCsvRecord } from '../../../../shared/desk/csv/csv-records';
import { importedCell, isEmptyCell } from './csv-cell';
import type { ColumnCheck } from './csv-field-checks';
import type { CsvHeader } from './csv-headers';
import type { CsvTextRow } from './csv-read';

export interface CheckedRow<K extends CsvKind> {
  /** The row's record, or null when it has a problem. */
  record: CsvRecordOf<K> | null;
  problems: CsvProblem[];
  warnings: CsvProblem[];
}

// Masked values hold the bullet of shared/auth/mask.ts, or the asterisk a GBK export writes instead.
const maskCharacters = /[•*]/;

/** Whether every cell of the row is empty: Excel writes `,,,,` for rows it considers used; they hold nothing. */
export function isBlankRow(row: CsvTextRow): boolean {
  return row.cells.every(isEmptyCell);
}

/** The row's record, or every problem it has. */
export function checkRow<K extends CsvKind>(kind: K, header: CsvHeader, row: CsvTextRow, checks: Readonly<Record<string, ColumnCheck>>): CheckedRow<K> {
  const problems: CsvProblem[] = [];
  const warnings: CsvProblem[] = [];
  const values: Record<string, string> = {};
  for (const column of columnsOf(kind)) values[column.key] = '';

  const width = header.written.length;
  if (row.cells.length > width && !row.cells.slice(width).every(isEmptyCell)) {
    problems.push(csvProblem(row.row, row.line, null, reason('csv-row-too-many-cells', { found: row.cells.length, expected: width })));
  }
  for (let i = 0; i < header.columns.length; i++) {
    const column = header.columns[i];
    if (!column) continue;
    const written = header.written[i]!;
    const cell = importedCell(row.cells[i] ?? '');
    if (isEmptyCell(cell)) {
      if (column.required) problems.push(csvProblem(row.row, row.line, written, reason('csv-value-required')));
      continue;
    }
    if (column.sensitive && maskCharacters.test(cell)) {
      problems.push(csvProblem(row.row, row.line, written, reason('csv-value-masked')));
      continue;
    }
    const checked = checks[column.key]!(cell);
    for (const error of checked.errors) problems.push(csvProblem(row.row, row.line, written, error));
    for (const warning of checked.warnings) warnings.push(csvProblem(row.row, row.line, written, warning));
    values[column.key] = checked.value;
  }
  if (problems.length > 0) return { record: null, problems, warnings };
  return { record: toRecord(kind, values), problems, warnings };
}

function toRecord<K extends CsvKind>(kind: K, values: Record<string, string>): CsvRecordOf<K> {
  if (kind === 'terminals') return values as unknown as CsvRecordOf<K>;
  const merchant = values as unknown as MerchantCsvRecord;
  return { ...merchant, accountStatus: (values['accountStatus'] || null) as MerchantCsvRecord['accountStatus'] } as CsvRecordOf<K>;
}
