import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../tests/support/csv-reader';
import { csvCell, csvRow } from './csv';

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
