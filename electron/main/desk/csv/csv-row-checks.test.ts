import { describe, expect, it } from 'vitest';
import { reason } from '../../../../shared/errors/reason';
import { merchantCells, merchantHeaderEnglish, merchantRecord } from '../../../../tests/fixtures/desk-csv/desk-csv-fixtures';
import { readHeader } from './csv-headers';
import { checkRow, isBlankRow } from './csv-row-checks';

const { header } = readHeader('merchants', { row: 1, line: 1, cells: merchantHeaderEnglish });
const at = (column: string) => merchantHeaderEnglish.indexOf(column);
const rowWith = (changes: Record<string, string>, cells = merchantCells(merchantRecord(7))) => {
  const changed = [...cells];
  for (const [column, value] of Object.entries(changes)) changed[at(column)] = value;
  return { row: 5, line: 6, cells: changed };
};
const problemsOf = (changes: Record<string, string>) => checkRow('merchants', header, rowWith(changes), {}).problems.map((p) => [p.row, p.line, p.column, p.reason]);

describe('checkRow', () => {
  it('turns a good row into its record, tidied: codes upper-cased, spaces out of numbers, the rest trimmed, the status in English', () => {
    const record = merchantRecord(7);
    const checked = checkRow('merchants', header, rowWith({ name: `  ${record.name} `, uscc: record.uscc.toLowerCase(), account_no: '6222 0213 0000 0000 007', account_status: '冻结' }), {});
    expect(checked).toEqual({ record: { ...record, accountNo: '6222021300000000007', accountStatus: 'frozen' }, problems: [], warnings: [] });
  });

  it('reports every bad cell of the row, each under its header, at the spreadsheet row and the text line', () => {
    expect(problemsOf({ name: '', uscc: '91350100M000100Y4', legal_rep_id: '1101051949123100', cnaps: '1023910000130', account_status: 'closed', address: '路'.repeat(201) })).toEqual([
      [5, 6, 'name', reason('csv-value-required')],
      [5, 6, 'uscc', reason('csv-value-wrong-length', { length: 17, expected: 18 })],
      [5, 6, 'legal_rep_id', reason('csv-value-wrong-length', { length: 16, expected: 18 })],
      [5, 6, 'address', reason('csv-value-too-long', { length: 201, max: 200 })],
      [5, 6, 'cnaps', reason('csv-value-wrong-length', { length: 13, expected: 12 })],
      [5, 6, 'account_status', reason('csv-value-not-in-list', { value: 'closed', allowed: 'normal, frozen, arrears, 正常, 冻结, 欠款' })],
    ]);
  });

  it('counts characters, not UTF-16 units: a name of 100 characters outside the BMP fits', () => {
    expect(problemsOf({ name: '𠀀'.repeat(100) })).toEqual([]);
    expect(problemsOf({ name: '𠀀'.repeat(101) })).toEqual([[5, 6, 'name', reason('csv-value-too-long', { length: 101, max: 100 })]]);
  });

  it('refuses a masked ID or account number from an export without sensitive values', () => {
    expect(problemsOf({ legal_rep_id: '••••••••••••••002X', account_no: '***************0007' }).map(([, , column, why]) => [column, why])).toEqual([
      ['legal_rep_id', reason('csv-value-masked')],
      ['account_no', reason('csv-value-masked')],
    ]);
  });

  it('leaves optional cells empty, and an empty account status as not given', () => {
    const checked = checkRow('merchants', header, rowWith({ contact: '', address: ' ', branch: '', account_status: '' }), {});
    expect(checked.record).toMatchObject({ contact: '', address: '', branch: '', accountStatus: null });
  });

  it('treats cells missing at the end of a short row as empty, and refuses extra cells that hold values', () => {
    const short = { row: 2, line: 2, cells: merchantCells(merchantRecord(1)).slice(0, 10) };
    expect(checkRow('merchants', header, short, {}).problems.map((p) => [p.column, p.reason.code])).toEqual([['account_no', 'csv-value-required']]);
    const long = { row: 2, line: 2, cells: [...merchantCells(merchantRecord(1)), '', 'extra'] };
    expect(checkRow('merchants', header, long, {}).problems.map((p) => [p.column, p.reason])).toEqual([[null, reason('csv-row-too-many-cells', { found: 14, expected: 12 })]]);
    expect(checkRow('merchants', header, { ...long, cells: [...merchantCells(merchantRecord(1)), '', ''] }, {}).problems).toEqual([]);
  });

  it('takes off the apostrophe an export put before a formula character', () => {
    expect(checkRow('merchants', header, rowWith({ phone: "'+8613800138000", address: "'=1+1" }), {}).record).toMatchObject({ phone: '+8613800138000', address: '=1+1' });
    expect(checkRow('merchants', header, rowWith({ address: "'五四路" }), {}).record).toMatchObject({ address: "'五四路" });
  });

  it('runs a plugged field check only on filled cells of the right length, and lets a warning through', () => {
    const seen: string[] = [];
    const checks = {
      uscc: (value: string) => (seen.push(value), { reason: reason('uscc-organisation-code-check', {}), warning: true }),
      cnaps: () => ({ reason: reason('cnaps-not-digits', {}) }),
    };
    const checked = checkRow('merchants', header, rowWith({}), checks);
    expect(seen).toEqual([merchantRecord(7).uscc]);
    expect(checked.warnings.map((p) => [p.column, p.reason.code])).toEqual([['uscc', 'uscc-organisation-code-check']]);
    expect(checked.problems.map((p) => [p.column, p.reason.code])).toEqual([['cnaps', 'cnaps-not-digits']]);
    expect(checked.record).toBeNull();
    checkRow('merchants', header, rowWith({ uscc: '123' }), checks);
    expect(seen).toHaveLength(1);
  });
});

describe('isBlankRow', () => {
  it('is a row of empty or blank cells (Excel writes `,,,,` for rows it once used)', () => {
    expect(isBlankRow({ row: 3, line: 3, cells: [''] })).toBe(true);
    expect(isBlankRow({ row: 3, line: 3, cells: ['', ' ', ''] })).toBe(true);
    expect(isBlankRow({ row: 3, line: 3, cells: ['', 'x'] })).toBe(false);
  });
});
