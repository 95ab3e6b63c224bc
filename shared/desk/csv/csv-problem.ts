// One thing wrong with a CSV file, placed where the user will look for it: the row as the
// spreadsheet (Excel, WPS) numbers it, the header row being row 1, and the column by the header the
// file itself uses. `line` is the text line the row starts on, for a text editor; the two differ
// after a cell that holds a line break (one spreadsheet row, several text lines).
import type { Reason } from '../../errors/reason';

export interface CsvProblem {
  /** The spreadsheet row (header = 1), or null when the problem is the whole file (its encoding). */
  row: number | null;
  /** The text line the row starts on (1-based), or null. */
  line: number | null;
  /** The header as written in the file (or the expected header when it is missing), or null for a whole row or file. */
  column: string | null;
  reason: Reason;
}

/** A problem at a row (null: the whole file), text line and column. */
export function csvProblem(row: number | null, line: number | null, column: string | null, reason: Reason): CsvProblem {
  return { row, line, column, reason };
}
