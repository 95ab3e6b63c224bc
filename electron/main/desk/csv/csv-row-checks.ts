// Checks one data row on its own: every cell under a known header is tidied, then must be filled
// when required, fit its length, not be a masked export value, name a known account status, and
// pass the column's field check. Every problem of the row is reported, not only the first.
import { reason } from '../../../../shared/errors/reason';
import { accountStatusWords, columnsOf, type CsvColumn, type CsvKind } from '../../../../shared/desk/csv/csv-columns';
import { csvProblem, type CsvProblem } from '../../../../shared/desk/csv/csv-problem';
import type { CsvRecordOf, MerchantCsvRecord } from '../../../../shared/desk/csv/csv-records';
import { normaliseCell } from './csv-cell';
import type { FieldCheck, FieldVerdict } from './csv-field-checks';
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
const allowedStatuses = Object.keys(accountStatusWords).join(', ');

/** Whether every cell of the row is empty: Excel writes `,,,,` for rows it considers used; they hold nothing. */
export function isBlankRow(row: CsvTextRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

/** The row's record, or every problem it has. */
export function checkRow<K extends CsvKind>(kind: K, header: CsvHeader, row: CsvTextRow, checks: Partial<Record<string, FieldCheck>>): CheckedRow<K> {
  const problems: CsvProblem[] = [];
  const warnings: CsvProblem[] = [];
  const values: Record<string, string> = Object.fromEntries(columnsOf(kind).map((column) => [column.key, '']));

  const width = header.written.length;
  if (row.cells.length > width && row.cells.slice(width).some((cell) => cell.trim() !== '')) {
    problems.push(csvProblem(row.row, row.line, null, reason('csv-row-too-many-cells', { found: row.cells.length, expected: width })));
  }
  header.columns.forEach((column, i) => {
    if (!column) return;
    const value = normaliseCell(row.cells[i] ?? '', column.normalise);
    const verdict = structuralVerdict(column, value) ?? (value === '' ? null : (checks[column.key]?.(value) ?? null));
    if (verdict) (verdict.warning ? warnings : problems).push(csvProblem(row.row, row.line, header.written[i]!, verdict.reason));
    values[column.key] = value;
  });
  if (problems.length > 0) return { record: null, problems, warnings };
  return { record: toRecord(kind, values), problems, warnings };
}

function structuralVerdict(column: CsvColumn, value: string): FieldVerdict {
  const refuse = (code: string, params: Record<string, string | number> = {}) => ({ reason: reason(code, params) });
  if (value === '') return column.required ? refuse('csv-value-required') : null;
  if (column.sensitive && maskCharacters.test(value)) return refuse('csv-value-masked');
  const length = Array.from(value).length;
  if (column.exactLength !== undefined && length !== column.exactLength) return refuse('csv-value-wrong-length', { length, expected: column.exactLength });
  if (length > column.maxLength) return refuse('csv-value-too-long', { length, max: column.maxLength });
  if (column.key === 'accountStatus' && !(value in accountStatusWords)) return refuse('csv-value-not-in-list', { value, allowed: allowedStatuses });
  return null;
}

function toRecord<K extends CsvKind>(kind: K, values: Record<string, string>): CsvRecordOf<K> {
  if (kind === 'terminals') return values as unknown as CsvRecordOf<K>;
  const status = values['accountStatus'] ?? '';
  const merchant: MerchantCsvRecord = { ...(values as unknown as MerchantCsvRecord), accountStatus: status === '' ? null : accountStatusWords[status]! };
  return merchant as CsvRecordOf<K>;
}
