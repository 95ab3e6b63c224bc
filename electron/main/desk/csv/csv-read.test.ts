import { describe, expect, it } from 'vitest';
import { readCsvText, recordStartLines } from './csv-read';

const rowsOf = (text: string) => {
  const read = readCsvText(text);
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  return read.rows;
};

describe('readCsvText', () => {
  it('reads CRLF, LF and CR line ends, with and without a final line end', () => {
    const expected = [
      { row: 1, line: 1, cells: ['a', 'b'] },
      { row: 2, line: 2, cells: ['1', '2'] },
    ];
    for (const text of ['a,b\r\n1,2\r\n', 'a,b\n1,2\n', 'a,b\r1,2\r', 'a,b\r\n1,2']) expect(rowsOf(text)).toEqual(expected);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted cells', () => {
    expect(rowsOf('name,address\r\n"福州, 鼓楼","五四路""1""号\r\n二层"\r\n')[1]!.cells).toEqual(['福州, 鼓楼', '五四路"1"号\r\n二层']);
  });

  it('numbers rows as the spreadsheet does and lines as the text does, after cells with line breaks and blank lines', () => {
    const text = 'a,b\r\n1,"x\r\ny\r\nz"\r\n\r\n2,3\r\n"4",5';
    expect(rowsOf(text).map(({ row, line }) => [row, line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 5],
      [4, 6],
      [5, 7],
    ]);
  });

  it('says where a quoted cell that never closes starts', () => {
    expect(readCsvText('a,b\r\n1,2\r\n3,"open\r\n4,5\r\n6,7\r\n')).toEqual({
      ok: false,
      problem: { row: 3, line: 3, column: null, reason: { code: 'csv-quote-not-closed', params: { row: 3, line: 3 } } },
    });
  });

  it('stops at an open quote that would swallow the rest of a large file, at the row it opened on', () => {
    const text = `a,b\n1,"open\n${'x,y\n'.repeat(20_000)}`;
    expect(readCsvText(text)).toMatchObject({ ok: false, problem: { row: 2, line: 2, reason: { code: 'csv-quote-not-closed' } } });
  });

  it('says which row has a quotation mark in the middle of a cell', () => {
    expect(readCsvText('a,b\n1,"x\ny"\n2,ab"c\n')).toMatchObject({ ok: false, problem: { row: 3, line: 4, reason: { code: 'csv-quote-misplaced', params: { row: 3, line: 4 } } } });
    expect(readCsvText('a,b\n"x"y,2\n')).toMatchObject({ ok: false, problem: { row: 2, line: 2, reason: { code: 'csv-quote-misplaced' } } });
    expect(readCsvText('a,b\r\n\r\n1,"x\r\ny"\r\n2,"x"y\r\n')).toMatchObject({ ok: false, problem: { row: 4, line: 5, reason: { code: 'csv-quote-misplaced' } } });
  });

  it('reads nothing from empty text, and a blank line as one empty cell', () => {
    expect(rowsOf('')).toEqual([]);
    expect(rowsOf('\r\n')).toEqual([{ row: 1, line: 1, cells: [''] }]);
  });
});

describe('recordStartLines', () => {
  it('counts a CRLF inside quotes as one line and a doubled quote as no toggle', () => {
    expect(recordStartLines('"a\r\n""b""\r\n",1\r\nc,2\r\n')).toEqual({ lines: [1, 4], openQuoteLine: null });
  });
});
