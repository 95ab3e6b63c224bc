import { describe, expect, it } from 'vitest';
import { merchantHeaderChinese, merchantHeaderEnglish } from '../../../../tests/fixtures/desk-csv/desk-csv-fixtures';
import { readHeader } from './csv-headers';

const headerRow = (cells: string[]) => ({ row: 1, line: 1, cells });
const keys = (cells: string[]) => readHeader('merchants', headerRow(cells)).header.columns.map((column) => column?.key ?? null);

describe('readHeader', () => {
  it('maps English and Chinese headers, in any order, trimmed, English in any case', () => {
    expect(keys(merchantHeaderEnglish)).toEqual(['name', 'uscc', 'legalRep', 'legalRepId', 'contact', 'phone', 'address', 'bank', 'branch', 'cnaps', 'accountNo', 'accountStatus']);
    expect(keys([...merchantHeaderChinese].reverse())).toEqual(['accountStatus', 'accountNo', 'cnaps', 'branch', 'bank', 'address', 'phone', 'contact', 'legalRepId', 'legalRep', 'uscc', 'name']);
    expect(keys([' 商户名称 ', 'USCC', 'legal_rep', '法定代表人身份证号', 'Phone', 'bank', 'cnaps', 'account_no'])).toEqual(['name', 'uscc', 'legalRep', 'legalRepId', 'phone', 'bank', 'cnaps', 'accountNo']);
    expect(readHeader('merchants', headerRow(merchantHeaderChinese)).problems).toEqual([]);
  });

  it('lets optional columns be left out, and names every required one that is missing', () => {
    const { problems } = readHeader('merchants', headerRow(['name', 'uscc', 'phone']));
    expect(problems.map((p) => [p.row, p.column, p.reason.code, p.reason.params['chinese']])).toEqual([
      [1, 'legal_rep', 'csv-header-missing', '法定代表人'],
      [1, 'legal_rep_id', 'csv-header-missing', '法定代表人身份证号'],
      [1, 'bank', 'csv-header-missing', '开户银行'],
      [1, 'cnaps', 'csv-header-missing', '开户行行号'],
      [1, 'account_no', 'csv-header-missing', '银行账号'],
    ]);
  });

  it('refuses an unknown header and a column named twice, in one language or both, under the header as written', () => {
    const { header, problems } = readHeader('terminals', headerRow(['serial', '终端号', 'mid', 'model', 'merchant_uscc', 'bank', 'colour', 'TID']));
    expect(problems).toEqual([
      { row: 1, line: 1, column: 'colour', reason: { code: 'csv-header-unknown', params: { header: 'colour', expected: 'serial/终端序列号, tid/终端号, mid/商户号, model/终端型号, merchant_uscc/商户统一社会信用代码, bank/当前收单银行' } } },
      { row: 1, line: 1, column: 'TID', reason: { code: 'csv-header-duplicate', params: { header: 'TID', first: '终端号', firstIndex: 2 } } },
    ]);
    expect(header.columns[1]?.key).toBe('tid');
    expect(header.columns[7]).toBeNull();
  });

  it('says a semicolon- or tab-separated header is not comma-separated', () => {
    expect(readHeader('terminals', headerRow(['serial;tid;mid'])).problems.map((p) => p.reason)).toEqual([{ code: 'csv-not-comma-separated', params: { separator: ';' } }]);
    expect(readHeader('terminals', headerRow(['serial\ttid'])).problems.map((p) => p.reason)).toEqual([{ code: 'csv-not-comma-separated', params: { separator: 'TAB' } }]);
  });
});
