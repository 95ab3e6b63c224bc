// The Reports page's tables as one CSV file for Excel or WPS: a title row before each table, a
// blank row between them, CRLF, and a BOM first so Excel reads the UTF-8 as UTF-8 (without it,
// every Chinese header and name is garbled in the ANSI code page).
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { ReportTable } from './report-tables';

const bom = '\uFEFF';

/** The CSV text of the tables, BOM included; the period heads the file. */
export function reportCsv(heading: string, tables: readonly Pick<ReportTable, 'title' | 'columns' | 'rows'>[]): string {
  const records: (string | number)[][] = [[heading]];
  for (const table of tables) records.push([], [table.title], table.columns, ...table.rows);
  // A cell starting with = + - @ is run as a formula by spreadsheets (an engineer's or a bank's
  // name is text someone typed): csv-stringify prefixes it with an apostrophe.
  return bom + stringify(records, { record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true });
}
