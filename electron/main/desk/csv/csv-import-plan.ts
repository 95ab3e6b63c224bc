// The whole CSV import short of writing: decode, read, map the header, check every row on its own
// and then across rows and against the database. All or nothing: a file with any problem gives no
// records, so the caller (the CLI's `rebind import`, the app's import page) cannot import half of
// it; it writes `records` in one transaction, or shows `problems`.
import { reason } from '../../../../shared/errors/reason';
import type { CsvKind } from '../../../../shared/desk/csv/csv-columns';
import { csvProblem, type CsvProblem } from '../../../../shared/desk/csv/csv-problem';
import type { CsvRecordOf } from '../../../../shared/desk/csv/csv-records';
import { crossCheck, type CheckedRecord, type CrossCheckOptions, type CsvLookupsOf } from './csv-cross-checks';
import { decodeCsvBytes, decodeCsvBytesAs, type CsvEncoding, type ForcibleCsvEncoding } from './csv-decode';
import { deskFieldChecks, type ColumnCheck } from './csv-field-checks';
import { readHeader } from './csv-headers';
import { readCsvText, type CsvTextRow } from './csv-read';
import { checkRow, isBlankRow } from './csv-row-checks';

export interface CsvImportPlan<K extends CsvKind> {
  kind: K;
  /** How the bytes were read; null when they could not be. */
  encoding: CsvEncoding | null;
  /** Data rows in the file, blank rows left out. */
  rowCount: number;
  /** Every record of the file when there is no problem; empty otherwise. */
  records: CsvRecordOf<K>[];
  /** Sorted by row; header problems (row 1) first. */
  problems: CsvProblem[];
  /** Reported, but they do not stop the import. */
  warnings: CsvProblem[];
  /** The header and the first rows as read, for the preview. */
  preview: CsvTextRow[];
}

export interface PlanImportOptions extends CrossCheckOptions {
  /** The encoding the user chose in the preview, instead of BOM → UTF-8 → GB18030. */
  forcedEncoding?: ForcibleCsvEncoding;
  /** Today (YYYY-MM-DD, the caller's clock), so an ID number's birth date after it is refused. */
  today?: string;
  /** Checks to use instead of the desk validators for some columns (tests). */
  fieldChecks?: Partial<Record<string, ColumnCheck>>;
  previewRows?: number;
}

/** Everything an import of `bytes` would write, or every reason it would not. */
export function planImport<K extends CsvKind>(bytes: Uint8Array, kind: K, lookups: CsvLookupsOf<K>, options: PlanImportOptions = {}): CsvImportPlan<K> {
  const plan: CsvImportPlan<K> = { kind, encoding: null, rowCount: 0, records: [], problems: [], warnings: [], preview: [] };
  const decoded = options.forcedEncoding ? decodeCsvBytesAs(bytes, options.forcedEncoding) : decodeCsvBytes(bytes);
  if (!decoded.ok) return { ...plan, problems: [decoded.problem] };
  plan.encoding = decoded.encoding;

  const read = readCsvText(decoded.text);
  if (!read.ok) return { ...plan, problems: [read.problem] };
  const [headerRow, ...rest] = read.rows;
  plan.preview = read.rows.slice(0, 1 + (options.previewRows ?? 20));
  if (!headerRow || isBlankRow(headerRow)) return { ...plan, problems: [csvProblem(null, null, null, reason('csv-empty-file'))] };
  const dataRows = rest.filter((row) => !isBlankRow(row));
  plan.rowCount = dataRows.length;

  const { header, problems } = readHeader(kind, headerRow);
  if (header.columns.length === 0) return { ...plan, problems };
  problems.push(...unnamedColumnsWithValues(header.written, headerRow, dataRows));
  if (dataRows.length === 0) problems.push(csvProblem(null, null, null, reason('csv-no-data-rows')));

  const checks = { ...deskFieldChecks({ today: options.today })[kind], ...options.fieldChecks } as Record<string, ColumnCheck>;
  const good: CheckedRecord<CsvRecordOf<K>>[] = [];
  for (const row of dataRows) {
    const checked = checkRow(kind, header, row, checks);
    problems.push(...checked.problems);
    plan.warnings.push(...checked.warnings);
    if (checked.record) good.push({ row, record: checked.record });
  }
  problems.push(...crossCheck(kind, header, good, lookups, options));

  plan.problems = problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (plan.problems.length === 0) plan.records = good.map((checked) => checked.record);
  return plan;
}

// Excel leaves a column without a header when cells right of the table were once used; an empty one
// is ignored, but values under no header would be dropped unseen, so they are a problem.
function unnamedColumnsWithValues(written: string[], headerRow: CsvTextRow, rows: CsvTextRow[]): CsvProblem[] {
  return written.flatMap((name, i) => (name === '' && rows.some((row) => (row.cells[i] ?? '').trim() !== '') ? [csvProblem(headerRow.row, headerRow.line, null, reason('csv-header-empty', { index: i + 1 }))] : []));
}
