// The app's CSV channels over real SQLite: preview (bytes or the file dialog), commit in one audited
// transaction or nothing, and exports through the save dialog, masked unless asked (audited).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readAuditPage } from '../../../electron/main/audit/audit-rows';
import type { SenderInfo } from '../../../electron/main/ipc/router';
import type { MainContext } from '../../../electron/main/main-context';
import { csvText, merchantCells, merchantHeaderChinese, merchantHeaderEnglish, merchantRecord, terminalCells, terminalHeaderEnglish, terminalRecord } from '../../fixtures/desk-csv/desk-csv-fixtures';
import { callAs, createFirstAdmin, signInNewOperator, testMainContext, testWindow, type PickerAnswers } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-desk-csv-');

interface Preview { encoding: string | null; rowCount: number; problems: { row: number | null; column: string | null; reason: { code: string } }[]; preview: { row: number; cells: string[] }[]; base64: string }
interface View { name: string; uscc: string; legalRepId: string; settlement: { accountNo: string }; terminals: { serial: string; modelId: string; currentBank: string }[] }

const merchants = Array.from({ length: 5 }, (_, i) => merchantRecord(i + 1));
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

async function app(dir = tempDir(), answers: PickerAnswers = {}) {
  const ctx = testMainContext(dir, answers);
  const admin = testWindow();
  await createFirstAdmin(ctx, admin);
  return { ctx, admin, dir };
}

const count = (ctx: MainContext, table: string) => (ctx.database.current().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const search = async (ctx: MainContext, who: SenderInfo, text: string) => ((await callAs(ctx, who, 'desk:merchants-search', { text })) as { merchants: View[] }).merchants;

describe('CSV import and export in the app', () => {
  it('previews a GBK file with Chinese headers and CRLF, and imports it in one audited operation with the numbers encrypted', async () => {
    const { ctx, admin } = await app();
    const bytes = iconv.encode(csvText([merchantHeaderChinese, ...merchants.map(merchantCells)], '\r\n'), 'gbk');
    const preview = (await callAs(ctx, admin, 'desk:import-preview', { kind: 'merchants', source: { from: 'bytes', base64: base64(bytes) } })) as Preview;
    expect(preview).toMatchObject({ encoding: 'gb18030', rowCount: 5, problems: [] });
    expect(preview.preview[0]!.cells).toEqual(merchantHeaderChinese);
    expect(preview.preview[1]).toEqual({ row: 2, cells: merchantCells(merchants[0]!) });
    expect(count(ctx, 'merchants')).toBe(0);
    expect(await callAs(ctx, admin, 'desk:import-commit', { kind: 'merchants', base64: preview.base64 })).toEqual({ imported: 5, encoding: 'gb18030' });
    const found = await search(ctx, admin, '便利店');
    expect(found.map((m) => m.uscc)).toEqual(merchants.map((m) => m.uscc));
    expect(found[0]).toMatchObject({ name: merchants[0]!.name, legalRepId: `••••${merchants[0]!.legalRepId.slice(-4)}`, settlement: { accountNo: `••••${merchants[0]!.accountNo.slice(-4)}` } });
    const db = ctx.database.current();
    const stored = JSON.stringify(db.prepare('SELECT * FROM merchants').all()) + JSON.stringify(db.prepare('SELECT change FROM outbox').all());
    for (const m of merchants) {
      expect(stored).not.toContain(m.accountNo);
      expect(stored).not.toContain(m.legalRepId);
    }
    const imported = readAuditPage(db, 0, 100).filter((r) => r.action === 'merchant.imported');
    expect(imported.map((r) => JSON.parse(r.payload))).toEqual([{ rows: 5, encoding: 'gb18030' }]);
    expect(db.prepare('SELECT count(DISTINCT operation_id) AS ops, count(*) AS n, max(audit_seq) AS seq FROM outbox WHERE entity = ?').get('merchant')).toEqual({ ops: 1, n: 5, seq: imported[0]!.seq });
    await ctx.close();
  });

  it('imports nothing from a file with a bad row, and names each bad row and column as the spreadsheet shows them', async () => {
    const { ctx, admin } = await app();
    const rows = [merchants[0]!, { ...merchants[1]!, uscc: '91350100M000100Y44' }, merchants[2]!, { ...merchants[3]!, cnaps: '1234' }];
    const bytes = csvText([merchantHeaderEnglish, ...rows.map(merchantCells)]);
    const preview = (await callAs(ctx, admin, 'desk:import-preview', { kind: 'merchants', source: { from: 'bytes', base64: base64(bytes) } })) as Preview;
    expect(preview.problems.map((p) => [p.row, p.column, p.reason.code])).toEqual([
      [3, 'uscc', 'uscc-bad-check'],
      [5, 'cnaps', 'cnaps-bad-length'],
    ]);
    const outcome = (await callAs(ctx, admin, 'desk:import-commit', { kind: 'merchants', base64: base64(bytes) })) as { problems: unknown[] };
    expect(outcome.problems).toEqual(preview.problems);
    expect(count(ctx, 'merchants')).toBe(0);
    expect(ctx.database.current().prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'merchant'").get()).toEqual({ n: 0 });
    expect(readAuditPage(ctx.database.current(), 0, 100).filter((r) => r.action.endsWith('.imported'))).toEqual([]);
    await ctx.close();
  });

  it('reads the file the dialog chose, imports terminals onto imported merchants, and lets only admins import', async () => {
    const dir = tempDir();
    const file = join(dir, 'terminals.csv');
    const { ctx, admin } = await app(dir, { csvSource: file });
    await callAs(ctx, admin, 'desk:import-commit', { kind: 'merchants', base64: base64(csvText([merchantHeaderEnglish, ...merchants.map(merchantCells)])) });
    const terminals = [terminalRecord(1, merchants[0]!.uscc), terminalRecord(2, merchants[0]!.uscc, { model: 'Newland ME31', bank: 'acquirer-c' }), terminalRecord(3, merchants[1]!.uscc)];
    writeFileSync(file, `\uFEFF${csvText([terminalHeaderEnglish, ...terminals.map(terminalCells)])}`);
    const preview = (await callAs(ctx, admin, 'desk:import-preview', { kind: 'terminals', source: { from: 'picker' } })) as Preview;
    expect(preview).toMatchObject({ encoding: 'utf-8-bom', rowCount: 3, problems: [] });
    expect(await callAs(ctx, admin, 'desk:import-commit', { kind: 'terminals', base64: preview.base64 })).toEqual({ imported: 3, encoding: 'utf-8-bom' });
    const models = ((await callAs(ctx, admin, 'desk:reference', {})) as { models: { id: string; vendor: string; model: string }[] }).models;
    const first = (await search(ctx, admin, merchants[0]!.uscc))[0]!;
    expect(first.terminals.map((t) => [t.serial, models.find((m) => m.id === t.modelId)?.model, t.currentBank])).toEqual([
      [terminals[0]!.serial, 'A920', 'acquirer-b'],
      [terminals[1]!.serial, 'ME31', 'acquirer-c'],
    ]);
    // The same file again: every serial and TID is taken now.
    const again = (await callAs(ctx, admin, 'desk:import-commit', { kind: 'terminals', base64: preview.base64 })) as { problems: { row: number }[] };
    expect(new Set(again.problems.map((p) => p.row))).toEqual(new Set([2, 3, 4]));
    const desk = await signInNewOperator(ctx, admin, 'li.desk', 'desk');
    const refused = await ctx.router.handle('desk:import-commit', { kind: 'terminals', base64: preview.base64 }, desk.window);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await ctx.close();
  });

  it('exports masked by default, in full only when asked (audited), defuses formula cells, and reads its own export back as the same merchants', async () => {
    const dir = tempDir();
    const target = join(dir, 'export.csv');
    const { ctx, admin } = await app(dir, { csvTarget: target });
    const rows = [...merchants, merchantRecord(6, { name: '=HYPERLINK("http://x","点我")', contact: '+李伟', address: '@福州' })];
    await callAs(ctx, admin, 'desk:import-commit', { kind: 'merchants', base64: base64(csvText([merchantHeaderEnglish, ...rows.map(merchantCells)])) });

    expect(await callAs(ctx, admin, 'desk:export', { kind: 'merchants' })).toEqual({ path: target, rows: 6 });
    const masked = readFileSync(target);
    expect([...masked.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const maskedText = masked.toString('utf8');
    expect(maskedText.split('\r\n')[0]).toBe(`\uFEFF${merchantHeaderEnglish.join(',')}`);
    for (const m of rows) expect(maskedText).not.toContain(m.accountNo);
    expect(maskedText).toContain(`••••••••••••${rows[0]!.accountNo.slice(-4)}`);
    expect(maskedText).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(maskedText).toContain(`'+李伟`);
    expect(maskedText).toContain(`'@福州`);
    expect(readAuditPage(ctx.database.current(), 0, 100).filter((r) => r.action === 'merchant.exported-sensitive')).toEqual([]);

    expect(await callAs(ctx, admin, 'desk:export', { kind: 'merchants', includeSensitive: true, encoding: 'gbk' })).toEqual({ path: target, rows: 6 });
    const full = readFileSync(target);
    const audit = readAuditPage(ctx.database.current(), 0, 100).filter((r) => r.action === 'merchant.exported-sensitive');
    expect(audit.map((r) => [r.actor, JSON.parse(r.payload)])).toEqual([['test.admin', { rows: 6, encoding: 'gbk' }]]);
    await ctx.close();

    // Round trip: the full export into a new install gives the same merchants, numbers included.
    const other = await app();
    expect(await callAs(other.ctx, other.admin, 'desk:import-commit', { kind: 'merchants', base64: base64(full) })).toEqual({ imported: 6, encoding: 'gb18030' });
    for (const m of rows) {
      const [found] = await search(other.ctx, other.admin, m.uscc);
      expect(found).toMatchObject({ name: m.name, uscc: m.uscc });
      const id = (found as unknown as { id: string }).id;
      expect(await callAs(other.ctx, other.admin, 'sensitive:reveal', { entityType: 'merchant', entityId: id, field: 'accountNo' })).toEqual({ value: m.accountNo });
    }
    // A masked export cannot overwrite real numbers: it is refused cell by cell.
    const refused = (await callAs(other.ctx, other.admin, 'desk:import-commit', { kind: 'merchants', base64: base64(masked) })) as { problems: { column: string; reason: { code: string } }[] };
    expect(refused.problems.filter((p) => p.reason.code === 'csv-value-masked').map((p) => p.column)).toContain('account_no');
    await other.ctx.close();
  });

  it('says nothing was chosen when the dialogs are closed', async () => {
    const { ctx, admin } = await app();
    expect(await callAs(ctx, admin, 'desk:import-preview', { kind: 'merchants', source: { from: 'picker' } })).toBeNull();
    expect(await callAs(ctx, admin, 'desk:export', { kind: 'terminals' })).toBeNull();
    await ctx.close();
  });
});
