// CSV files as desks save them, written to disk and read back the way the CLI and the app will:
// bytes from a file, through planImport; and an export written to a file and imported again. The
// database lookups are fixed sets here: the merchant and terminal repositories are not written yet.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCsv } from '../../../electron/main/desk/csv/csv-export';
import { planImport } from '../../../electron/main/desk/csv/csv-import-plan';
import { inEnglish } from '../../../shared/errors/reasons-en';
import { csvText, fixedLookups, merchantCells, merchantHeaderChinese, merchantHeaderEnglish, merchantRecord, terminalCells, terminalHeaderChinese, terminalRecord } from '../../fixtures/desk-csv/desk-csv-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'rebinddesk-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string): Uint8Array {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return new Uint8Array(readFileSync(path));
}

const merchants = Array.from({ length: 5 }, (_, i) => merchantRecord(i + 1));
const today = '2026-12-01';

describe('merchant files from disk', () => {
  it.each([
    ['UTF-8 with BOM, CRLF', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), '\r\n', 'utf-8-bom'],
    ['UTF-8 without BOM, LF', (text: string) => Buffer.from(text, 'utf8'), '\n', 'utf-8'],
    ['GBK, CRLF (Chinese Excel)', (text: string) => iconv.encode(text, 'gbk'), '\r\n', 'gb18030'],
  ] as const)('imports a good file: %s', (name, encode, eol, encoding) => {
    const bytes = file(`good-${encoding}.csv`, encode(csvText([merchantHeaderChinese, ...merchants.map(merchantCells)], eol)));
    expect(planImport(bytes, 'merchants', fixedLookups(), { today })).toMatchObject({ encoding, rowCount: 5, records: merchants, problems: [] });
  });

  it('imports names with characters only GB18030 has', () => {
    const rare = [merchantRecord(1, { name: '𠀀㐀记福州便利店', legalRep: '䶮' })];
    const bytes = file('gb18030.csv', iconv.encode(csvText([merchantHeaderEnglish, ...rare.map(merchantCells)]), 'gb18030'));
    expect(planImport(bytes, 'merchants', fixedLookups(), { today })).toMatchObject({ encoding: 'gb18030', records: rare, problems: [] });
  });

  it('imports quoted commas, doubled quotes and line breaks inside cells, and numbers the rows below as the spreadsheet shows them', () => {
    const quoted = [merchantRecord(1, { name: '福州"鼓楼", 便利店' }), merchantRecord(2, { address: '五四路1号\r\n二层' }), merchantRecord(3, { phone: '' })];
    const bytes = file('quoted.csv', csvText([merchantHeaderEnglish, ...quoted.map(merchantCells)]));
    const plan = planImport(bytes, 'merchants', fixedLookups(), { today });
    // Row 4 (the third merchant) starts on text line 5: the address above holds a line break.
    expect(plan.problems).toEqual([{ row: 4, line: 5, column: 'phone', reason: { code: 'csv-value-required', params: {} } }]);
    const fixed = file('quoted-fixed.csv', csvText([merchantHeaderEnglish, ...quoted.slice(0, 2).map(merchantCells)]));
    expect(planImport(fixed, 'merchants', fixedLookups(), { today }).records).toEqual([quoted[0], { ...quoted[1], address: '五四路1号 二层' }]);
  });

  it('imports nothing from a file with bad rows, and reports each one in English for the CLI', () => {
    const cells = merchants.map(merchantCells);
    cells[1]![1] = '91350100M000100Y42';
    cells[3]![3] = '11010519491231002';
    cells[4]![0] = '';
    const plan = planImport(file('bad.csv', csvText([merchantHeaderEnglish, ...cells])), 'merchants', fixedLookups(), { today });
    expect(plan.records).toEqual([]);
    expect(plan.problems.map((p) => `row ${p.row}, ${p.column}: ${inEnglish(p.reason)}`)).toEqual([
      expect.stringMatching(/^row 3, uscc: /),
      expect.stringMatching(/^row 5, legal_rep_id: /),
      'row 6, name: This cell is empty; it is required.',
    ]);
    for (const problem of plan.problems) expect(inEnglish(problem.reason)).not.toMatch(/^[a-z-]+ \{/);
  });

  it('refuses a UTF-16 file (Excel\'s "Unicode text") with the reason', () => {
    const bytes = file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText([merchantHeaderEnglish]), 'utf16le')]));
    expect(planImport(bytes, 'merchants', fixedLookups()).problems.map((p) => inEnglish(p.reason))).toEqual([
      'The file is saved as UTF-16LE ("Unicode text"), which is not a CSV file. Save it again as "CSV UTF-8 (comma delimited)" and import that.',
    ]);
  });
});

describe('export → file → import', () => {
  it('gives the same merchants, in UTF-8 with BOM and in GBK', () => {
    for (const encoding of ['utf-8', 'gbk'] as const) {
      const exported = exportCsv(merchants, 'merchants', { encoding, includeSensitive: true });
      if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
      const plan = planImport(file(`export-${encoding}.csv`, exported.bytes), 'merchants', fixedLookups(), { today });
      expect(plan).toMatchObject({ records: merchants, problems: [] });
    }
  });

  it('gives the same terminals, checked against the merchants they belong to', () => {
    const terminals = merchants.map((merchant, i) => terminalRecord(i + 1, merchant.uscc));
    const exported = exportCsv(terminals, 'terminals');
    if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
    const bytes = file('terminals.csv', exported.bytes);
    expect(planImport(bytes, 'terminals', fixedLookups({ merchants: merchants.map((m) => m.uscc) })).records).toEqual(terminals);
    expect(planImport(bytes, 'terminals', fixedLookups()).problems.map((p) => p.reason.code)).toEqual(Array(5).fill('csv-merchant-unknown'));
  });

  it('a masked export does not import over the real numbers', () => {
    const exported = exportCsv(merchants, 'merchants');
    if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
    const plan = planImport(file('masked.csv', exported.bytes), 'merchants', fixedLookups(), { today });
    expect(plan.records).toEqual([]);
    expect(new Set(plan.problems.map((p) => `${p.column} ${p.reason.code}`))).toEqual(new Set(['legal_rep_id csv-value-masked', 'account_no csv-value-masked']));
  });
});

describe('terminal files', () => {
  it('imports a Chinese-headed terminal file with columns in another order', () => {
    const uscc = merchants[0]!.uscc;
    const terminals = [terminalRecord(1, uscc), terminalRecord(2, uscc, { model: 'Newland N910', bank: 'acquirer-a' })];
    const order = [5, 4, 3, 2, 1, 0];
    const rows = [order.map((i) => terminalHeaderChinese[i]!), ...terminals.map((t) => order.map((i) => terminalCells(t)[i]!))];
    const bytes = file('terminals-zh.csv', iconv.encode(csvText(rows), 'gbk'));
    expect(planImport(bytes, 'terminals', fixedLookups({ merchants: [uscc] }))).toMatchObject({ encoding: 'gb18030', records: terminals, problems: [] });
  });
});
