import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { reason } from '../../../../shared/errors/reason';
import { fixedLookups, merchantRecord, terminalRecord } from '../../../../tests/fixtures/desk-csv/desk-csv-fixtures';
import { exportCsv } from './csv-export';
import { planImport } from './csv-import-plan';

const bytesOf = (exported: ReturnType<typeof exportCsv>) => {
  if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
  return exported.bytes;
};
const textOf = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('exportCsv', () => {
  it('writes UTF-8 with a BOM, English headers and CRLF line ends', () => {
    const text = textOf(bytesOf(exportCsv([terminalRecord(1, merchantRecord(1).uscc)], 'terminals')));
    expect(text).toBe(`\uFEFFserial,tid,mid,model,merchant_uscc,bank\r\nSN0000000001,10000001,898350100000001,PAX A920,${merchantRecord(1).uscc},acquirer-b\r\n`);
  });

  it('masks ID and account numbers to the last 4 unless sensitive values are asked for', () => {
    const merchant = merchantRecord(4);
    const masked = textOf(bytesOf(exportCsv([merchant], 'merchants')));
    expect(masked).not.toContain(merchant.legalRepId);
    expect(masked).not.toContain(merchant.accountNo);
    expect(masked).toContain(`,${'•'.repeat(14)}${merchant.legalRepId.slice(-4)},`);
    expect(masked).toContain(`,${'•'.repeat(15)}${merchant.accountNo.slice(-4)},`);
    const full = textOf(bytesOf(exportCsv([merchant], 'merchants', { includeSensitive: true })));
    expect(full).toContain(`,${merchant.legalRepId},`);
    expect(full).toContain(`,${merchant.accountNo},`);
  });

  it('defuses cells a spreadsheet would run as a formula, and quotes commas, quotes and line breaks', () => {
    const merchant = merchantRecord(1, { name: '=HYPERLINK("http://x","点我")', contact: '@SUM(A1)', phone: '+8613800138000', address: '-1+1', branch: '\tcmd', bank: '\r银行', legalRep: '张, 敏' });
    const text = textOf(bytesOf(exportCsv([merchant], 'merchants')));
    expect(text.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"",""点我"")",${merchant.uscc},"张, 敏",${'•'.repeat(14)}${merchant.legalRepId.slice(-4)},'@SUM(A1),'+8613800138000,'-1+1,"'\r银行",'\tcmd,102391000013,${'•'.repeat(15)}${merchant.accountNo.slice(-4)},frozen`);
  });

  it('writes GBK without a BOM on request, masking with * (GBK has no bullet)', () => {
    const merchant = merchantRecord(2);
    const bytes = bytesOf(exportCsv([merchant], 'merchants', { encoding: 'gbk' }));
    expect([...bytes.subarray(0, 4)]).toEqual([...iconv.encode('name', 'gbk')]);
    const text = iconv.decode(Buffer.from(bytes), 'gbk');
    expect(text).toContain(merchant.name);
    expect(text).toContain(`,${'*'.repeat(14)}${merchant.legalRepId.slice(-4)},`);
  });

  it('refuses GBK when a cell holds a character GBK lacks, naming the row and column', () => {
    expect(exportCsv([merchantRecord(1), merchantRecord(2, { name: '𠀀记' })], 'merchants', { encoding: 'gbk' })).toEqual({
      ok: false,
      problems: [{ row: 3, line: null, column: 'name', reason: reason('csv-export-not-encodable', { character: '𠀀', encoding: 'GBK' }) }],
    });
  });

  it('round-trips: the export of records, with sensitive values, imports to the same records, in UTF-8 and in GBK', () => {
    const merchants = [
      merchantRecord(1),
      merchantRecord(2, { name: '=1+2 "引号", 逗号', address: '五四路1号, "二层"', accountStatus: null, contact: '', branch: '' }),
      merchantRecord(3, { phone: '0591-87654321-8001', contact: '-李伟', legalRep: "'O'Neil", address: '＝全角等号' }),
    ];
    for (const encoding of ['utf-8', 'gbk'] as const) {
      const plan = planImport(bytesOf(exportCsv(merchants, 'merchants', { encoding, includeSensitive: true })), 'merchants', fixedLookups());
      expect(plan.problems).toEqual([]);
      expect(plan.records).toEqual(merchants);
      expect(plan.encoding).toBe(encoding === 'utf-8' ? 'utf-8-bom' : 'gb18030');
    }
    const terminals = [terminalRecord(1, merchants[0]!.uscc), terminalRecord(2, merchants[1]!.uscc)];
    const plan = planImport(bytesOf(exportCsv(terminals, 'terminals')), 'terminals', fixedLookups({ merchants: merchants.map((m) => m.uscc) }));
    expect(plan.records).toEqual(terminals);
  });

  it('writes the header alone for no records', () => {
    expect(textOf(bytesOf(exportCsv([], 'terminals')))).toBe('\uFEFFserial,tid,mid,model,merchant_uscc,bank\r\n');
  });
});
