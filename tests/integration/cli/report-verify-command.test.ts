// `rebind report verify` on the built CLI (npx vite build --config vite.node.config.ts) against a data
// directory the app wrote: a visit signed off after a real rebind on the demo terminal, its report
// printed by report-pdf's Chromium printer from the built print view (npx electron-vite build). The
// issued PDF is accepted; the same file with one byte changed, and any other file, are refused.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedReport } from '../../../shared/report/report-record';
import { printViewReportPrinter } from '../../../electron/main/report/print-view-report-printer';
import { launchChromiumPrintView, type ChromiumPrintView } from '../../support/chromium-print-view';
import { callAs } from '../support/main-context';
import { fileHash, useTempDir } from '../support/temp-dir';
import { runRebind } from '../support/rebind-cli';
import { signedOffVisit } from '../report/report-rig';
import { databaseFileName } from '../../../electron/main/main-context';

const tempDir = useTempDir('rebinddesk-report-cli-');
let chromium: ChromiumPrintView & { close(): Promise<void> };
let issued: { dir: string; pdf: string; report: IssuedReport };

// The issued report is made once for all three tests, in a directory of this file's own (useTempDir
// empties its directories after each test).
let shared = '';

beforeAll(async () => {
  shared = mkdtempSync(join(tmpdir(), 'rebinddesk-report-cli-shared-'));
  chromium = await launchChromiumPrintView();
  const dir = join(shared, 'data');
  const visit = await signedOffVisit(dir, { reportPrinter: printViewReportPrinter(chromium) });
  const report = (await callAs(visit.desk.ctx, visit.engineer.window, 'report:issue', { runId: visit.runId, language: 'zh-CN' })) as IssuedReport;
  const { dataBase64 } = (await callAs(visit.desk.ctx, visit.desk.desk, 'report:pdf', { reportId: report.id })) as { dataBase64: string };
  await visit.desk.ctx.close();
  const pdf = join(shared, `${report.reportNumber}.pdf`);
  writeFileSync(pdf, Buffer.from(dataBase64, 'base64'));
  issued = { dir, pdf, report };
}, 180_000);

afterAll(async () => {
  await chromium?.close();
  if (shared) rmSync(shared, { recursive: true, force: true });
});

const english = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const chinese = { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

describe('rebind report verify', () => {
  it('accepts the issued PDF (exit 0), naming the report, case, terminal, issuer and time, and changes nothing', async () => {
    const { dir, pdf, report } = issued;
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const before = fileHash(join(dir, databaseFileName));
    const text = await runRebind(['report', 'verify', pdf, '--data-dir', dir], { env: english });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('GENUINE');
    for (const fact of [report.reportNumber, report.caseId, report.terminalSerial, report.issuedAt, report.issuedBy.username, report.fingerprint, report.pdfSha256]) expect(text.stdout).toContain(fact);

    const json = await runRebind(['report', 'verify', pdf, '--data-dir', dir, '--json'], { env: english });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'genuine', pdfSha256: report.pdfSha256, report: { reportNumber: report.reportNumber, caseId: report.caseId, terminalSerial: '1170012345', issuedBy: { username: 'eng.1' } } });

    const zh = await runRebind(['report', 'verify', pdf, '--data-dir', dir], { env: chinese });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('真实：此文件就是出具时的报告。');
    expect(fileHash(join(dir, databaseFileName))).toBe(before);
  });

  it('refuses the same file with one byte changed (exit 1, altered: it names the report it claims to be)', async () => {
    const { dir, pdf, report } = issued;
    const bytes = readFileSync(pdf);
    // A byte inside the page content, far from the Info dictionary that names the report.
    const at = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
    const changed = join(tempDir(), 'changed.pdf');
    writeFileSync(changed, bytes);
    const result = await runRebind(['report', 'verify', changed, '--data-dir', dir, '--json'], { env: english });
    expect(result.code).toBe(1);
    const answer = JSON.parse(result.stdout) as { status: string; why?: string; report?: IssuedReport };
    expect(answer.status).toBe('altered');
    expect(answer).toMatchObject({ why: 'bytes-differ', report: { reportNumber: report.reportNumber } });
    const text = await runRebind(['report', 'verify', changed, '--data-dir', dir], { env: english });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`ALTERED`);
    expect(text.stderr).toContain(`It names report ${report.reportNumber}, but its bytes differ`);
  });

  it('says unknown (exit 1) for a file no report of the data directory is, and exit 2 for a missing file', async () => {
    const other = join(tempDir(), 'other.pdf');
    writeFileSync(other, '%PDF-1.4\n% not a report\n%%EOF\n');
    const unknown = await runRebind(['report', 'verify', other, '--data-dir', issued.dir], { env: chinese });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('未知：本数据目录出具的报告中没有此文件');
    const missing = await runRebind(['report', 'verify', join(tempDir(), 'none.pdf'), '--data-dir', issued.dir], { env: english });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no file');
  });
});
