// `rebind import` and `rebind export` as the real program in a child process, on data directories
// the CLI creates and the app then opens (and the other way round).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../electron/main/main-context';
import { csvText, merchantCells, merchantHeaderChinese, merchantHeaderEnglish, merchantRecord, terminalCells, terminalHeaderChinese, terminalRecord } from '../../fixtures/desk-csv/desk-csv-fixtures';
import { createFirstAdmin, testMainContext, testWindow } from '../support/main-context';
import { runRebind } from '../support/rebind-cli';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-desk-csv-cli-');

const merchants = [merchantRecord(1, { name: '福州"鼓楼", 便利店' }), merchantRecord(2, { address: '五四路2号\r\n二层' }), merchantRecord(3)];

function rows(dir: string, sql: string): unknown[] {
  const db = new Database(join(dir, databaseFileName), { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

function write(dir: string, name: string, bytes: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('rebind import and export', () => {
  it('imports a good file (BOM, CRLF, quoted commas and line breaks) in one transaction, and says so in JSON', async () => {
    const dir = tempDir();
    const file = write(dir, 'merchants.csv', `\uFEFF${csvText([merchantHeaderEnglish, ...merchants.map(merchantCells)])}`);
    const dry = await runRebind(['import', 'merchants', file, '--data-dir', dir, '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ imported: 0, checked: 3, encoding: 'utf-8-bom', dryRun: true });
    expect(rows(dir, 'SELECT uscc FROM merchants')).toEqual([]);
    const result = await runRebind(['import', 'merchants', file, '--data-dir', dir, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ imported: 3, encoding: 'utf-8-bom' });
    const stored = rows(dir, 'SELECT name, address, account_no, created_by FROM merchants ORDER BY uscc') as { name: string; address: string; account_no: string; created_by: string }[];
    expect(stored.map((m) => m.name)).toEqual(merchants.map((m) => m.name));
    expect(stored[1]!.address).toBe('五四路2号 二层');
    expect(stored.every((m) => m.account_no.startsWith('v1:') && m.created_by.startsWith('cli:'))).toBe(true);
    const audit = rows(dir, "SELECT action, payload FROM audit_log WHERE action = 'merchant.imported'") as { payload: string }[];
    expect(audit.map((a) => JSON.parse(a.payload))).toEqual([{ rows: 3, encoding: 'utf-8-bom' }]);
  });

  it('exits 2 with every bad row (row as the spreadsheet shows it, column, message) and imports nothing', async () => {
    const dir = tempDir();
    const bad = [merchants[0]!, { ...merchants[1]!, uscc: '91350100M000100Y44' }, { ...merchants[2]!, legalRepId: '', phone: '12' }];
    const file = write(dir, 'bad.csv', csvText([merchantHeaderEnglish, ...bad.map(merchantCells)]));
    const json = await runRebind(['import', 'merchants', file, '--data-dir', dir, '--json']);
    expect(json.code).toBe(2);
    const { problems } = JSON.parse(json.stdout) as { problems: { row: number; column: string; message: string }[] };
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'uscc'],
      [4, 'legal_rep_id'],
      [4, 'phone'],
    ]);
    expect(problems[1]!.message).toBe('This cell is empty; it is required.');
    const text = await runRebind(['import', 'merchants', file, '--data-dir', dir]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('has 3 problem(s); nothing was imported');
    expect(text.stderr).toContain('row 3, column uscc: ');
    expect(text.stderr).toContain('row 4, column legal_rep_id: This cell is empty; it is required.');
    expect(rows(dir, 'SELECT uscc FROM merchants')).toEqual([]);
    expect((await runRebind(['import', 'shops', file, '--data-dir', dir])).code).toBe(2);
  });

  it('imports GBK terminals with Chinese headers onto the app’s reference data, exports, and reads its full export back into a new data directory', async () => {
    const dir = tempDir();
    const merchantFile = write(dir, 'm.csv', iconv.encode(csvText([merchantHeaderChinese, ...merchants.map(merchantCells)]), 'gbk'));
    expect((await runRebind(['import', 'merchants', merchantFile, '--data-dir', dir])).code).toBe(0);
    // The app opens the same directory: its sample banks and models go in, its keys are the CLI's.
    const ctx = testMainContext(dir);
    await createFirstAdmin(ctx, testWindow());
    await ctx.close();
    const terminals = [terminalRecord(1, merchants[0]!.uscc), terminalRecord(2, merchants[2]!.uscc, { model: 'Newland ME31', bank: 'acquirer-c' })];
    const terminalFile = write(dir, 't.csv', iconv.encode(csvText([terminalHeaderChinese, ...terminals.map(terminalCells)]), 'gbk'));
    const imported = await runRebind(['import', 'terminals', terminalFile, '--data-dir', dir, '--json']);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ imported: 2, encoding: 'gb18030' });

    const terminalsOut = join(dir, 'terminals-out.csv');
    expect((await runRebind(['export', 'terminals', '--data-dir', dir, '--out', terminalsOut])).code).toBe(0);
    expect(readFileSync(terminalsOut, 'utf8')).toBe(`\uFEFF${csvText([['serial', 'tid', 'mid', 'model', 'merchant_uscc', 'bank'], ...terminals.map(terminalCells)])}`);

    const masked = await runRebind(['export', 'merchants', '--data-dir', dir]);
    expect(masked.code).toBe(0);
    for (const m of merchants) expect(masked.stdout).not.toContain(m.accountNo);
    expect(rows(dir, "SELECT action FROM audit_log WHERE action = 'merchant.exported-sensitive'")).toEqual([]);

    const fullOut = join(dir, 'merchants-full.csv');
    const full = await runRebind(['export', 'merchants', '--data-dir', dir, '--out', fullOut, '--encoding', 'gbk', '--include-sensitive']);
    expect(full.code, full.stderr).toBe(0);
    expect(full.stderr).toContain('3 merchants written');
    expect(iconv.decode(readFileSync(fullOut), 'gbk')).toContain(merchants[0]!.accountNo);
    expect(rows(dir, "SELECT actor FROM audit_log WHERE action = 'merchant.exported-sensitive'")).toEqual([{ actor: expect.stringMatching(/^cli:/) }]);

    const other = tempDir();
    const back = await runRebind(['import', 'merchants', fullOut, '--data-dir', other, '--json']);
    expect(back.code, back.stdout).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual({ imported: 3, encoding: 'gb18030' });
    const again = await runRebind(['export', 'merchants', '--data-dir', other]);
    expect(again.stdout).toBe(masked.stdout);
  });

  it('refuses to export from a directory without a database, creating nothing there', async () => {
    const dir = join(tempDir(), 'mistyped');
    const refused = await runRebind(['export', 'merchants', '--data-dir', dir]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`${dir} holds no RebindDesk database (rebinddesk.sqlite)`);
    expect(refused.stderr).toContain('Check --data-dir');
    expect(existsSync(dir)).toBe(false);
    const empty = tempDir();
    expect((await runRebind(['export', 'terminals', '--data-dir', empty, '--out', join(empty, 't.csv')])).code).toBe(2);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('refuses a bad encoding or a missing file as a usage error', async () => {
    const dir = tempDir();
    expect((await runRebind(['export', 'merchants', '--data-dir', dir, '--encoding', 'latin1'])).code).toBe(2);
    const missing = await runRebind(['import', 'terminals', join(dir, 'nope.csv'), '--data-dir', dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });
});
