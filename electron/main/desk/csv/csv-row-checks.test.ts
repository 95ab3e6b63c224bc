import { describe, expect, it } from 'vitest';
import { reason } from '../../../../shared/errors/reason';
import { merchantCells, merchantHeaderEnglish, merchantRecord } from '../../../../tests/fixtures/desk-csv/desk-csv-fixtures';
import { deskFieldChecks } from './csv-field-checks';
import { readHeader } from './csv-headers';
import { checkRow, isBlankRow } from './csv-row-checks';

const checks = deskFieldChecks({ today: '2026-12-01' }).merchants;
const { header } = readHeader('merchants', { row: 1, line: 1, cells: merchantHeaderEnglish });
const at = (column: string) => merchantHeaderEnglish.indexOf(column);
const rowWith = (changes: Record<string, string>, cells = merchantCells(merchantRecord(7))) => {
  const changed = [...cells];
  for (const [column, value] of Object.entries(changes)) changed[at(column)] = value;
  return { row: 5, line: 6, cells: changed };
};
const check = (changes: Record<string, string>) => checkRow('merchants', header, rowWith(changes), checks);
const problemsOf = (changes: Record<string, string>) => check(changes).problems.map((p) => [p.row, p.line, p.column, p.reason]);

describe('checkRow', () => {
  it('turns a good row into its record as the validators store it: codes upper-cased, numbers without spaces, text trimmed, the status as its code', () => {
    const record = merchantRecord(7);
    const checked = check({ name: `  ${record.name}\u3000`, uscc: record.uscc.toLowerCase(), phone: '+86 138 0013 8000', account_no: '6222 0213 0000 0000 007', account_status: '冻结' });
    expect(checked).toEqual({ record: { ...record, phone: '13800138000', accountNo: '6222021300000000007', accountStatus: 'frozen' }, problems: [], warnings: [] });
  });

  it("reports every bad cell of the row with its validator's reason, under its header, at the spreadsheet row and the text line", () => {
    expect(problemsOf({ name: '', uscc: '91350100M000100Y4', legal_rep_id: '1101051949123100', cnaps: '1023910000130', account_status: 'closed', address: '路'.repeat(201) })).toEqual([
      [5, 6, 'name', reason('csv-value-required')],
      [5, 6, 'uscc', reason('uscc-bad-length', { length: 17 })],
      [5, 6, 'legal_rep_id', reason('resident-id-bad-length', { length: 16 })],
      [5, 6, 'address', reason('desk-field-too-long', { max: 200 })],
      [5, 6, 'cnaps', reason('cnaps-bad-length', { length: 13 })],
      [5, 6, 'account_status', reason('account-status-unknown', { value: 'closed' })],
    ]);
  });

  it('passes on a warning without refusing the row (an early USCC whose organisation code fails GB 11714)', () => {
    // 91350100M000100Y43 with its organisation code's check character changed from 4 to 5 and the
    // USCC's own check character recomputed (6), so only the inner check fails.
    const checked = check({ uscc: '91350100M000100Y56' });
    expect(checked.problems).toEqual([]);
    expect(checked.record?.uscc).toBe('91350100M000100Y56');
    expect(checked.warnings).toEqual([{ row: 5, line: 6, column: 'uscc', reason: reason('uscc-org-code-check-failed', { orgCode: 'M000100Y5' }) }]);
  });

  it('refuses a masked ID or account number from an export without sensitive values', () => {
    expect(problemsOf({ legal_rep_id: '••••••••••••••002X', account_no: '***************0007' }).map(([, , column, why]) => [column, why])).toEqual([
      ['legal_rep_id', reason('csv-value-masked')],
      ['account_no', reason('csv-value-masked')],
    ]);
  });

  it('leaves optional cells empty, and an empty account status as not given', () => {
    expect(check({ contact: '', address: ' ', branch: '\u3000', account_status: '' }).record).toMatchObject({ contact: '', address: '', branch: '', accountStatus: null });
  });

  it('treats cells missing at the end of a short row as empty, and refuses extra cells that hold values', () => {
    const short = { row: 2, line: 2, cells: merchantCells(merchantRecord(1)).slice(0, 10) };
    expect(checkRow('merchants', header, short, checks).problems.map((p) => [p.column, p.reason.code])).toEqual([['account_no', 'csv-value-required']]);
    const long = { row: 2, line: 2, cells: [...merchantCells(merchantRecord(1)), '', 'extra'] };
    expect(checkRow('merchants', header, long, checks).problems.map((p) => [p.column, p.reason])).toEqual([[null, reason('csv-row-too-many-cells', { found: 14, expected: 12 })]]);
    expect(checkRow('merchants', header, { ...long, cells: [...merchantCells(merchantRecord(1)), '', ''] }, checks).problems).toEqual([]);
  });

  it('takes off the apostrophe an export put before a formula character, and only that one', () => {
    expect(check({ phone: "'+8613800138000", address: "'=1+1", contact: "'-李伟" }).record).toMatchObject({ phone: '13800138000', address: '=1+1', contact: '-李伟' });
    expect(check({ address: "'五四路" }).record).toMatchObject({ address: "'五四路" });
  });

  it('reads a line break inside a cell (a wrapped spreadsheet cell) as one space', () => {
    expect(check({ address: '五四路1号\r\n  二层', name: '鼓楼\n便利店' }).record).toMatchObject({ address: '五四路1号 二层', name: '鼓楼 便利店' });
  });

  it('runs a plugged check on filled cells only', () => {
    const seen: string[] = [];
    const plugged = { ...checks, contact: (value: string) => (seen.push(value), { value, ok: false, errors: [reason('desk-field-invalid')], warnings: [] }) };
    expect(checkRow('merchants', header, rowWith({ contact: '' }), plugged).problems).toEqual([]);
    expect(checkRow('merchants', header, rowWith({ contact: '王' }), plugged).problems.map((p) => [p.column, p.reason.code])).toEqual([['contact', 'desk-field-invalid']]);
    expect(seen).toEqual(['王']);
  });
});

describe('isBlankRow', () => {
  it('is a row of empty or blank cells (Excel writes `,,,,` for rows it once used)', () => {
    expect(isBlankRow({ row: 3, line: 3, cells: [''] })).toBe(true);
    expect(isBlankRow({ row: 3, line: 3, cells: ['', ' ', '\u3000'] })).toBe(true);
    expect(isBlankRow({ row: 3, line: 3, cells: ['', 'x'] })).toBe(false);
  });
});
