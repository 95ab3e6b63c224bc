// Writes merchants or terminals as a CSV file a desk opens in Excel or WPS: the English headers,
// CRLF line ends, UTF-8 with a BOM by default (without it Excel reads UTF-8 as the ANSI code page
// and garbles every Chinese name) or GBK for older tools. ID and account numbers are masked unless
// the caller has been allowed them (and has audited that). Reading the file back with planImport
// gives the same records.
import iconv from 'iconv-lite';
import { stringify } from 'csv-stringify/sync';
import { maskLast4 } from '../../../../shared/auth/mask';
import { reason } from '../../../../shared/errors/reason';
import { columnsOf, type CsvKind } from '../../../../shared/desk/csv/csv-columns';
import { csvProblem, type CsvProblem } from '../../../../shared/desk/csv/csv-problem';
import type { CsvRecordOf } from '../../../../shared/desk/csv/csv-records';

export const csvExportEncodings = ['utf-8', 'gbk'] as const;
export type CsvExportEncoding = (typeof csvExportEncodings)[number];

export interface ExportCsvOptions {
  encoding?: CsvExportEncoding;
  /** ID and account numbers in full; the caller audits the export. */
  includeSensitive?: boolean;
}

export type ExportedCsv = { ok: true; bytes: Uint8Array; rows: number } | { ok: false; problems: CsvProblem[] };

const bom = '\uFEFF';
// GBK has no bullet (U+2022): the mask would come out as '?', so a GBK export masks with '*'.
const gbkMask = (masked: string) => masked.replaceAll('•', '*');

/** The file's bytes, or the cells GBK cannot hold. */
export function exportCsv<K extends CsvKind>(records: readonly CsvRecordOf<K>[], kind: K, options: ExportCsvOptions = {}): ExportedCsv {
  const encoding = options.encoding ?? 'utf-8';
  const columns = columnsOf(kind);
  const rows = records.map((record) =>
    columns.map((column) => {
      const value = (record as unknown as Record<string, string | null>)[column.key] ?? '';
      if (!column.sensitive || options.includeSensitive || value === '') return value;
      return encoding === 'gbk' ? gbkMask(maskLast4(value)) : maskLast4(value);
    }),
  );
  const text = stringify([columns.map((column) => column.english), ...rows], {
    record_delimiter: 'windows',
    // A line break inside a cell must be quoted even though records end in CRLF.
    quote_record_delimiter: true,
    // CSV injection (OWASP): a cell starting with = + - @, tab or CR is run as a formula by Excel,
    // WPS and LibreOffice, so a merchant named "=HYPERLINK(…)" could act on the desk's machine.
    // csv-stringify prefixes such a cell with an apostrophe, which the spreadsheet shows as text;
    // planImport takes it off again (csv-cell.ts).
    escape_formulas: true,
  });
  if (encoding === 'utf-8') return { ok: true, bytes: new Uint8Array(Buffer.from(bom + text, 'utf8')), rows: records.length };

  const bytes = iconv.encode(text, 'gbk');
  if (iconv.decode(bytes, 'gbk') === text) return { ok: true, bytes: new Uint8Array(bytes), rows: records.length };
  return { ok: false, problems: notInGbk(rows, columns.map((column) => column.english)) };
}

function notInGbk(rows: string[][], headers: string[]): CsvProblem[] {
  const problems: CsvProblem[] = [];
  rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      const character = Array.from(cell).find((char) => iconv.decode(iconv.encode(char, 'gbk'), 'gbk') !== char);
      // The exported file's row: the header is row 1.
      if (character !== undefined) problems.push(csvProblem(r + 2, null, headers[c]!, reason('csv-export-not-encodable', { character, encoding: 'GBK' })));
    }),
  );
  return problems;
}
