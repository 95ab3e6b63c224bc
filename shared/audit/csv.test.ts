import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv';

/** A small RFC 4180 reader, only to prove that what we write reads back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('csv', () => {
  it('leaves plain cells alone', () => {
    expect(csvCell('case.update')).toBe('case.update');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
  });

  it('quotes cells with commas, quotes and line breaks and doubles the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it('reads back to the same cells', () => {
    const cells = ['{"note":"a, \\"b\\"","x":1}', 'multi\r\nline', '', 'plain', '"', ',', ' lead'];
    const text = csvRow(cells) + csvRow(['2', 'second']);
    expect(parseCsv(text)).toEqual([cells, ['2', 'second']]);
  });
});
