// Reads the header row: each cell names a column in English or Chinese, in any order. A name that is
// no column, a column named twice (also once in each language) and a required column left out are
// problems on row 1, under the header as the file writes it.
import { reason } from '../../../../shared/errors/reason';
import { columnForHeader, columnsOf, type CsvColumn, type CsvKind } from '../../../../shared/desk/csv/csv-columns';
import { csvProblem, type CsvProblem } from '../../../../shared/desk/csv/csv-problem';
import type { CsvTextRow } from './csv-read';

export interface CsvHeader {
  /** The column each cell of a row holds, by position; null for a column without a header. */
  columns: (CsvColumn | null)[];
  /** The header cells as written (trimmed), by position. */
  written: string[];
}

/** The header's columns, and what is wrong with it. */
export function readHeader(kind: CsvKind, header: CsvTextRow): { header: CsvHeader; problems: CsvProblem[] } {
  const written = header.cells.map((cell) => cell.trim());
  const problems: CsvProblem[] = [];
  const at = (column: string | null, code: string, params: Record<string, string | number>) => problems.push(csvProblem(header.row, header.line, column, reason(code, params)));

  const separator = written.length === 1 ? ['\t', ';', '|'].find((s) => written[0]!.includes(s)) : undefined;
  if (separator !== undefined) {
    at(null, 'csv-not-comma-separated', { separator: separator === '\t' ? 'TAB' : separator });
    return { header: { columns: [], written }, problems };
  }

  const firstPosition = new Map<string, number>();
  const columns = written.map((cell, i) => {
    if (cell === '') return null;
    const column = columnForHeader(kind, cell);
    if (!column) {
      at(cell, 'csv-header-unknown', { header: cell, expected: expectedHeaders(kind) });
      return null;
    }
    const first = firstPosition.get(column.key);
    if (first !== undefined) {
      at(cell, 'csv-header-duplicate', { header: cell, first: written[first]!, firstIndex: first + 1 });
      return null;
    }
    firstPosition.set(column.key, i);
    return column;
  });
  for (const column of columnsOf(kind)) {
    if (column.required && !firstPosition.has(column.key)) at(column.english, 'csv-header-missing', { english: column.english, chinese: column.chinese });
  }
  return { header: { columns, written }, problems };
}

/** The column names of a kind, as a list a person can copy from: `name/商户名称, uscc/统一社会信用代码, …`. */
export function expectedHeaders(kind: CsvKind): string {
  return columnsOf(kind)
    .map((column) => `${column.english}/${column.chinese}`)
    .join(', ');
}
