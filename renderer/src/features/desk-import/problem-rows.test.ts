import { describe, expect, it } from 'vitest';
import { encodingName, problemRows } from './problem-rows';

const problem = (row: number | null, column: string | null, code: string) => ({ row, line: row, column, reason: { code, params: {} } });

describe('the import problems as listed', () => {
  it('come by spreadsheet row, the whole file’s first, then by column, keeping the order main gave within one cell', () => {
    const listed = problemRows([problem(4, 'uscc', 'a'), problem(2, 'phone', 'b'), problem(null, null, 'c'), problem(2, 'name', 'd'), problem(2, 'name', 'e')]);
    expect(listed.map((p) => [p.row, p.column, p.reason.code])).toEqual([
      [null, null, 'c'],
      [2, 'name', 'd'],
      [2, 'name', 'e'],
      [2, 'phone', 'b'],
      [4, 'uscc', 'a'],
    ]);
    expect(new Set(listed.map((p) => p.key)).size).toBe(5);
  });

  it('name the encodings main reads as a person does', () => {
    expect([encodingName('utf-8-bom'), encodingName('utf-8'), encodingName('gb18030'), encodingName(null)]).toEqual(['UTF-8 (BOM)', 'UTF-8', 'GB18030/GBK', '—']);
  });
});
