// CSV as RFC 4180 writes it, for the auditors' export: every spreadsheet and script reads it back
// to the exact text, including commas, quotes and line breaks inside a cell.

/** One cell: quoted when it holds a comma, quote, CR or LF (or starts or ends with a space), quotes doubled. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record: cells joined by commas, ended with CRLF as RFC 4180 asks. */
export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
