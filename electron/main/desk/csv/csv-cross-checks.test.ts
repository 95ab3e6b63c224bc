import { describe, expect, it } from 'vitest';
import { reason } from '../../../../shared/errors/reason';
import type { MerchantCsvRecord, TerminalCsvRecord } from '../../../../shared/desk/csv/csv-records';
import { fixedLookups, merchantHeaderChinese, merchantRecord, terminalHeaderChinese, terminalRecord } from '../../../../tests/fixtures/desk-csv/desk-csv-fixtures';
import { crossCheck } from './csv-cross-checks';
import { readHeader } from './csv-headers';

const rowsOf = <R>(records: R[]) => records.map((record, i) => ({ row: { row: i + 2, line: i + 2, cells: [] }, record }));
const said = (problems: { row: number | null; column: string | null; reason: unknown }[]) => problems.map((p) => [p.row, p.column, p.reason]);

describe('crossCheck, merchants', () => {
  const { header } = readHeader('merchants', { row: 1, line: 1, cells: merchantHeaderChinese });

  it('refuses a USCC that appears twice in the file, on the later row, naming the first', () => {
    const a = merchantRecord(1);
    const records: MerchantCsvRecord[] = [a, merchantRecord(2), { ...merchantRecord(3), uscc: a.uscc }];
    expect(said(crossCheck('merchants', header, rowsOf(records), fixedLookups()))).toEqual([[4, '统一社会信用代码', reason('csv-duplicate-in-file', { value: a.uscc, firstRow: 2 })]]);
  });

  it('refuses a merchant that already exists', () => {
    const records = [merchantRecord(1), merchantRecord(2)];
    expect(said(crossCheck('merchants', header, rowsOf(records), fixedLookups({ merchants: [records[1]!.uscc] })))).toEqual([[3, '统一社会信用代码', reason('csv-merchant-exists', { value: records[1]!.uscc })]]);
  });
});

describe('crossCheck, terminals', () => {
  const { header } = readHeader('terminals', { row: 1, line: 1, cells: terminalHeaderChinese });
  const merchant = merchantRecord(1).uscc;

  it('passes terminals of known merchants, models and banks', () => {
    const records = [terminalRecord(1, merchant), terminalRecord(2, merchant, { model: 'Newland N910', bank: 'acquirer-a' })];
    expect(crossCheck('terminals', header, rowsOf(records), fixedLookups({ merchants: [merchant] }))).toEqual([]);
  });

  it('refuses a serial or TID twice in the file or already held, and an unknown merchant, model or bank', () => {
    const records: TerminalCsvRecord[] = [
      terminalRecord(1, merchant),
      terminalRecord(2, merchant, { serial: terminalRecord(1, merchant).serial, tid: terminalRecord(1, merchant).tid }),
      terminalRecord(3, merchant, { serial: 'SN-HELD', tid: '77777777' }),
      terminalRecord(4, merchantRecord(9).uscc, { model: 'Verifone X990', bank: 'acquirer-z' }),
    ];
    expect(said(crossCheck('terminals', header, rowsOf(records), fixedLookups({ merchants: [merchant], serials: ['SN-HELD'], tids: ['77777777'] })))).toEqual([
      [3, '终端序列号', reason('csv-duplicate-in-file', { value: records[0]!.serial, firstRow: 2 })],
      [3, '终端号', reason('csv-duplicate-in-file', { value: records[0]!.tid, firstRow: 2 })],
      [4, '终端序列号', reason('csv-terminal-exists', { value: 'SN-HELD' })],
      [4, '终端号', reason('csv-terminal-exists', { value: '77777777' })],
      [5, '商户统一社会信用代码', reason('csv-merchant-unknown', { value: merchantRecord(9).uscc })],
      [5, '终端型号', reason('csv-model-unknown', { value: 'Verifone X990' })],
      [5, '当前收单银行', reason('csv-bank-unknown', { value: 'acquirer-z' })],
    ]);
  });

  it('accepts a merchant that is not in the database but in the same import', () => {
    const other = merchantRecord(9).uscc;
    expect(crossCheck('terminals', header, rowsOf([terminalRecord(1, other)]), fixedLookups(), { merchantsInSameImport: new Set([other]) })).toEqual([]);
  });
});
