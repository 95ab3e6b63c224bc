// Splits CSV text into rows of cells with csv-parse, and numbers each row the way the user will look
// for it: the spreadsheet row (Excel and WPS give every record one row, a blank line included, so a
// cell holding a line break does not shift the rows below it) and the text line it starts on.
// csv-parse's own line counter counts a CRLF inside a quoted cell as two lines and its `raw` drops
// part of a CRLF, so the lines come from one pass over the text instead (see recordStartLines).
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { reason } from '../../../../shared/errors/reason';
import { csvProblem, type CsvProblem } from '../../../../shared/desk/csv/csv-problem';

export interface CsvTextRow {
  /** The spreadsheet row: the header is row 1. */
  row: number;
  /** The text line the row starts on. */
  line: number;
  cells: string[];
}

export type ReadCsv = { ok: true; rows: CsvTextRow[] } | { ok: false; problem: CsvProblem };

// A record this long is a quote left open, not a merchant: stop there rather than swallow the file.
const maxRecordChars = 64 * 1024;

/** Every record of the text, the header first; a file csv-parse cannot read is one problem at the row it stopped in. */
export function readCsvText(text: string): ReadCsv {
  const starts = recordStartLines(text);
  try {
    const parsed = parse(text, { bom: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'], max_record_size: maxRecordChars });
    return { ok: true, rows: parsed.map((cells, i) => ({ row: i + 1, line: starts.lines[i] ?? starts.lines.at(-1) ?? 1, cells })) };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The records read before the one that failed (a blank line is a record too, as in the spreadsheet).
    const records = typeof error['records'] === 'number' ? error['records'] : 0;
    const row = records + 1;
    // Up to the record that failed, csv-parse and the line pass agree on where records start.
    const line = error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE' ? (starts.openQuoteLine ?? starts.lines[records] ?? 1) : (starts.lines[records] ?? 1);
    return { ok: false, problem: csvProblem(row, line, null, reason(parseFailureCode(error.code), { row, line })) };
  }
}

function parseFailureCode(code: CsvError['code']): 'csv-quote-not-closed' | 'csv-quote-misplaced' | 'csv-unreadable' {
  if (code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_MAX_RECORD_SIZE') return 'csv-quote-not-closed';
  if (code === 'INVALID_OPENING_QUOTE' || code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') return 'csv-quote-misplaced';
  return 'csv-unreadable';
}

const quote = 0x22;
const cr = 0x0d;
const lf = 0x0a;

/**
 * The line each record starts on, by RFC 4180's rule that a line break inside quotes belongs to the
 * cell: every quote toggles (a doubled quote toggles twice), and CRLF, LF and CR each end one line,
 * as the parser is told. `openQuoteLine` is where a quote that never closes was opened.
 */
export function recordStartLines(text: string): { lines: number[]; openQuoteLine: number | null } {
  const lines: number[] = [];
  let line = 1;
  let inQuotes = false;
  let quoteOpenedOn = 1;
  let atRecordStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (atRecordStart) {
      lines.push(line);
      atRecordStart = false;
    }
    if (c === quote) {
      inQuotes = !inQuotes;
      if (inQuotes) quoteOpenedOn = line;
    } else if (c === cr || c === lf) {
      if (c === cr && text.charCodeAt(i + 1) === lf) i += 1;
      line += 1;
      if (!inQuotes) atRecordStart = true;
    }
  }
  return { lines, openQuoteLine: inQuotes ? quoteOpenedOn : null };
}
