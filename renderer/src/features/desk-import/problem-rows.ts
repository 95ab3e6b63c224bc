// The import's problems as the page lists them: by the row number the spreadsheet shows (the
// whole file's problems first), then by column as the file writes it.
import type { ImportPreview } from '../../../../shared/ipc/contract-desk-merchants';

export type CsvProblemView = ImportPreview['problems'][number];

export interface ProblemRow extends CsvProblemView {
  key: string;
}

export function problemRows(problems: readonly CsvProblemView[]): ProblemRow[] {
  return problems
    .map((problem, index) => ({ ...problem, key: `${index}` }))
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? '') || Number(a.key) - Number(b.key));
}

/** The encoding main read the file in, as a person names it. */
export function encodingName(encoding: string | null): string {
  if (encoding === 'utf-8-bom') return 'UTF-8 (BOM)';
  if (encoding === 'utf-8') return 'UTF-8';
  if (encoding === 'gb18030') return 'GB18030/GBK';
  return encoding ?? '—';
}
