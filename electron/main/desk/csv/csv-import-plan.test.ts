import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { reason } from '../../../../shared/errors/reason';
import { csvText, fixedLookups, merchantCells, merchantHeaderChinese, merchantHeaderEnglish, merchantRecord, terminalCells, terminalHeaderEnglish, terminalRecord } from '../../../../tests/fixtures/desk-csv/desk-csv-fixtures';
import { planImport } from './csv-import-plan';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const merchants = [merchantRecord(1), merchantRecord(2), merchantRecord(3)];
const goodMerchantFile = csvText([merchantHeaderEnglish, ...merchants.map(merchantCells)]);

describe('planImport', () => {
  it('gives every record of a good file, with the encoding it was read in', () => {
    const plan = planImport(utf8(goodMerchantFile), 'merchants', fixedLookups());
    expect(plan).toMatchObject({ kind: 'merchants', encoding: 'utf-8', rowCount: 3, records: merchants, problems: [], warnings: [] });
    expect(plan.preview.map((row) => row.cells[0])).toEqual(['name', ...merchants.map((m) => m.name)]);
  });

  it('gives no record at all when one row is bad, and names the row and the column', () => {
    const cells = merchants.map(merchantCells);
    cells[1]![merchantHeaderEnglish.indexOf('cnaps')] = '10239100001';
    const plan = planImport(utf8(csvText([merchantHeaderEnglish, ...cells])), 'merchants', fixedLookups());
    expect(plan.records).toEqual([]);
    expect(plan.rowCount).toBe(3);
    expect(plan.problems).toEqual([{ row: 3, line: 3, column: 'cnaps', reason: reason('cnaps-bad-length', { length: 11 }) }]);
  });

  it('sorts header, row and cross-row problems by row', () => {
    const cells = [merchantCells(merchants[0]!), merchantCells({ ...merchants[1]!, name: '' }), merchantCells(merchants[0]!)];
    const plan = planImport(utf8(csvText([[...merchantHeaderChinese, '备注'], ...cells])), 'merchants', fixedLookups());
    expect(plan.problems.map((p) => [p.row, p.column, p.reason.code])).toEqual([
      [1, '备注', 'csv-header-unknown'],
      [3, '商户名称', 'csv-value-required'],
      [4, '统一社会信用代码', 'csv-duplicate-in-file'],
    ]);
  });

  it('reads a GBK file, or the encoding the user forced', () => {
    const bytes = new Uint8Array(iconv.encode(goodMerchantFile, 'gbk'));
    expect(planImport(bytes, 'merchants', fixedLookups())).toMatchObject({ encoding: 'gb18030', records: merchants });
    const forced = planImport(bytes, 'merchants', fixedLookups(), { forcedEncoding: 'utf-8' });
    expect(forced).toMatchObject({ encoding: null, records: [], problems: [{ row: null, line: 2, reason: { code: 'csv-not-in-encoding' } }] });
  });

  it('skips blank rows but keeps numbering rows as the spreadsheet does', () => {
    const text = csvText([merchantHeaderEnglish, merchantCells(merchants[0]!), [''], Array(12).fill(''), merchantCells({ ...merchants[1]!, legalRep: '' })]);
    const plan = planImport(utf8(text), 'merchants', fixedLookups());
    expect(plan.rowCount).toBe(2);
    expect(plan.problems.map((p) => [p.row, p.column])).toEqual([[5, 'legal_rep']]);
  });

  it('refuses an empty file, a header without rows, and values under a column without a header', () => {
    expect(planImport(new Uint8Array(), 'merchants', fixedLookups()).problems.map((p) => p.reason.code)).toEqual(['csv-empty-file']);
    expect(planImport(utf8('\r\n\r\n'), 'merchants', fixedLookups()).problems.map((p) => p.reason.code)).toEqual(['csv-empty-file']);
    expect(planImport(utf8(csvText([merchantHeaderEnglish])), 'merchants', fixedLookups()).problems.map((p) => p.reason.code)).toEqual(['csv-no-data-rows']);
    const unnamed = csvText([[...merchantHeaderEnglish, '', ''], [...merchantCells(merchants[0]!), '', 'note']]);
    expect(planImport(utf8(unnamed), 'merchants', fixedLookups()).problems).toEqual([{ row: 1, line: 1, column: null, reason: reason('csv-header-empty', { index: 14 }) }]);
    const emptyUnnamed = csvText([[...merchantHeaderEnglish, ''], [...merchantCells(merchants[0]!), '']]);
    expect(planImport(utf8(emptyUnnamed), 'merchants', fixedLookups()).records).toHaveLength(1);
  });

  it('checks terminals against the lookups and the merchants imported with them', () => {
    const uscc = merchants[0]!.uscc;
    const text = csvText([terminalHeaderEnglish, terminalCells(terminalRecord(1, uscc)), terminalCells(terminalRecord(2, uscc))]);
    expect(planImport(utf8(text), 'terminals', fixedLookups()).problems.map((p) => [p.row, p.reason.code])).toEqual([
      [2, 'csv-merchant-unknown'],
      [3, 'csv-merchant-unknown'],
    ]);
    expect(planImport(utf8(text), 'terminals', fixedLookups(), { merchantsInSameImport: new Set([uscc]) }).records).toEqual([terminalRecord(1, uscc), terminalRecord(2, uscc)]);
  });

  it('checks with the desk validators, refusing an ID born after today when told the date, and takes other checks for some columns', () => {
    const born2027 = merchantRecord(1, { legalRepId: '110105202701010016' });
    const bytes = utf8(csvText([merchantHeaderEnglish, merchantCells(born2027)]));
    expect(planImport(bytes, 'merchants', fixedLookups()).problems).toEqual([]);
    expect(planImport(bytes, 'merchants', fixedLookups(), { today: '2026-12-01' }).problems).toEqual([
      { row: 2, line: 2, column: 'legal_rep_id', reason: reason('resident-id-born-in-future', { date: '2027-01-01' }) },
    ]);
    const checks = { phone: (value: string) => ({ value, ok: !value.startsWith('138'), errors: value.startsWith('138') ? [reason('phone-bad-format')] : [], warnings: [] }) };
    expect(planImport(utf8(goodMerchantFile), 'merchants', fixedLookups(), { fieldChecks: checks }).problems.map((p) => [p.row, p.column, p.reason.code])).toEqual([
      [2, 'phone', 'phone-bad-format'],
      [3, 'phone', 'phone-bad-format'],
      [4, 'phone', 'phone-bad-format'],
    ]);
  });
});
