// The service report's data and trust (issue 11 point 3) through the router, as the app wires it:
// a visit signed off after a real rebind on the demo terminal, its report issued (content frozen,
// PDF kept with the final case by content hash, the PDF's SHA-256 and the fingerprint in the audit
// chain in one operation), verified, corrected by a superseding report. Real SQLite files in temp
// dirs; the printer is the rig's stand-in (see report-rig.ts), the CLI test prints with Chromium.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/main/audit/audit-verify';
import { readAuditPage } from '../../../electron/main/audit/audit-rows';
import { attachmentsDirOf } from '../../../electron/main/data-dir';
import { contentPath, sha256Of } from '../../../electron/main/fs/content-store';
import type { IssuedReport, ReportVerifyResult } from '../../../shared/report/report-record';
import { serviceReportContentSchema } from '../../../shared/report/service-report';
import { reportFingerprint } from '../../../electron/main/report/report-fingerprint';
import { callAs } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { refusalOf } from '../desk/booking-fixture';
import { bookedVisit } from '../checklist/checklist-rig';
import { signedOffVisit, standInPrinter } from './report-rig';

const tempDir = useTempDir('rebinddesk-report-');

type Listed = { reports: IssuedReport[]; issuable: { runId: string }[] };
type Pdf = { report: IssuedReport; fileName: string; dataBase64: string };

describe('issuing a report', () => {
  it('freezes the content, keeps the PDF with the closed case by its hash and records the hash and fingerprint in the audit chain, in one operation', async () => {
    const printer = standInPrinter();
    const dir = tempDir();
    const visit = await signedOffVisit(dir, { reportPrinter: printer });
    const { ctx } = visit.desk;
    const db = ctx.database.current();
    expect(db.prepare('SELECT state FROM cases WHERE id = ?').get(visit.caseId)).toEqual({ state: 'closed' });
    const before = (await callAs(ctx, visit.desk.desk, 'report:list', { caseId: visit.caseId })) as Listed;
    expect(before).toEqual({ reports: [], issuable: [expect.objectContaining({ runId: visit.runId, outcome: 'completed' })] });
    const headBefore = readAuditPage(db, 0, 10_000).length;

    const report = (await callAs(ctx, visit.engineer.window, 'report:issue', { runId: visit.runId, language: 'zh-CN' })) as IssuedReport;
    expect(report).toMatchObject({ reportNumber: 'SR-20261201-0001', caseId: visit.caseId, runId: visit.runId, terminalSerial: '1170012345', language: 'zh-CN', issuedBy: { username: 'eng.1' }, supersedes: null, supersededBy: null });

    // What the printer was given: the frozen content, its fingerprint and QR code, the evidence photo.
    const input = printer.printed[0]!;
    expect(input.fingerprint).toBe(report.fingerprint);
    expect(reportFingerprint(input.content)).toBe(report.fingerprint);
    expect(input.qrSvgDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(input.evidenceThumbnails).toEqual([expect.objectContaining({ dataUrl: expect.stringMatching(/^data:image\/png;base64,/) })]);
    const content = serviceReportContentSchema.parse(input.content);
    const operation = db.prepare('SELECT id, target_digest AS target, digest_before AS before FROM rebind_operations').get() as { id: number; target: string; before: string };
    expect(content).toMatchObject({
      reportNumber: report.reportNumber,
      merchant: { name: expect.any(String) },
      terminal: { serialNumber: '1170012345', model: expect.any(String), firmware: expect.any(String) },
      newBank: { code: 'acquirer-b' },
      operationId: operation.id,
      before: { tid: '12345678', parameterDigest: operation.before },
      after: { parameterDigest: operation.target, tid: expect.stringMatching(/^\w{8}$/), mid: expect.stringMatching(/^\w{15}$/) },
      settledBatch: { count: expect.any(Number), totalFen: expect.any(Number) },
      checklist: { runId: visit.runId, outcome: { kind: 'completed' }, finishedBy: 'eng.1' },
      signatures: { merchant: { signerName: '张三', strokes: [expect.objectContaining({ points: expect.any(Array) })] }, engineer: { signerName: 'eng.1' } },
    });
    expect(content.before.parameterDigest).not.toBe(content.after.parameterDigest);
    expect(content.checklist.steps.every((step) => step.answer !== null && step.answeredAt !== null)).toBe(true);
    const stored = db.prepare('SELECT content, fingerprint FROM service_reports WHERE id = ?').get(report.id) as { content: string; fingerprint: string };
    expect(reportFingerprint(serviceReportContentSchema.parse(JSON.parse(stored.content)))).toBe(stored.fingerprint);

    // The PDF: in the attachment store under its hash, an attachment row of the (final) case.
    expect(existsSync(contentPath(attachmentsDirOf(dir), report.pdfSha256))).toBe(true);
    expect(db.prepare("SELECT purpose, file_name AS name, media_type AS type, size FROM attachments WHERE sha256 = ?").get(report.pdfSha256)).toEqual({ purpose: 'service-report', name: 'SR-20261201-0001.pdf', type: 'application/pdf', size: report.pdfSize });

    // One audit entry holding the PDF's hash and the fingerprint, chained and verifiable; outbox rows beside it.
    const entries = readAuditPage(db, 0, 10_000).slice(headBefore);
    expect(entries.map((e) => e.action)).toEqual(['service-report.issued']);
    expect(JSON.parse(entries[0]!.payload)).toMatchObject({ reportNumber: report.reportNumber, caseId: visit.caseId, pdfSha256: report.pdfSha256, fingerprint: report.fingerprint, pdfSize: report.pdfSize, terminalSerial: '1170012345' });
    expect(report.auditSeq).toBe(entries[0]!.seq);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    expect(db.prepare("SELECT entity FROM outbox WHERE audit_seq = ? ORDER BY entity").all(entries[0]!.seq)).toEqual([{ entity: 'attachment' }, { entity: 'service-report' }]);

    // The desk reads it back and fetches the PDF, checked against its hash.
    const pdf = (await callAs(ctx, visit.desk.desk, 'report:pdf', { reportId: report.id })) as Pdf;
    expect(pdf.fileName).toBe('SR-20261201-0001.pdf');
    expect(sha256Of(Buffer.from(pdf.dataBase64, 'base64'))).toBe(report.pdfSha256);
    const after = (await callAs(ctx, visit.desk.desk, 'report:list', { caseId: visit.caseId })) as Listed;
    expect(after.reports.map((r) => r.reportNumber)).toEqual(['SR-20261201-0001']);
    expect(after.issuable).toEqual([]);
    // A frozen row: the database refuses to change it.
    expect(() => db.prepare("UPDATE service_reports SET merchant_name = 'x'").run()).toThrow(/frozen/);
    await ctx.close();
  });

  it('is refused to the desk and to another engineer, before the run is finished, twice without a correction, and when the printer fails (nothing stored)', async () => {
    let fail = false;
    const printer = standInPrinter();
    const flaky = { print: (input: Parameters<typeof printer.print>[0]) => (fail ? Promise.reject(new Error('the print window closed')) : printer.print(input)) };
    const visit = await signedOffVisit(tempDir(), { reportPrinter: flaky }, 2);
    const { ctx } = visit.desk;
    const db = ctx.database.current();
    const input = { runId: visit.runId, language: 'en-US' };
    expect(await refusalOf(ctx, visit.desk.desk, 'report:issue', input)).toMatchObject({ code: 'forbidden' });
    expect(await refusalOf(ctx, visit.desk.engineers[1]!.window, 'report:issue', input)).toMatchObject({ code: 'forbidden', reason: 'appointment-not-yours' });

    fail = true;
    const entriesBefore = readAuditPage(db, 0, 10_000).length;
    expect(await refusalOf(ctx, visit.engineer.window, 'report:issue', input)).toMatchObject({ code: 'internal', reason: 'report-print-failed', params: { detail: 'the print window closed' } });
    expect(db.prepare('SELECT COUNT(*) AS n FROM service_reports').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM attachments WHERE purpose = 'service-report'").get()).toEqual({ n: 0 });
    expect(readAuditPage(db, 0, 10_000)).toHaveLength(entriesBefore);

    fail = false;
    const first = (await callAs(ctx, visit.desk.admin, 'report:issue', input)) as IssuedReport;
    expect(first.issuedBy.username).toBe('test.admin');
    expect(await refusalOf(ctx, visit.engineer.window, 'report:issue', input)).toMatchObject({ code: 'conflict', reason: 'report-already-issued', params: { number: first.reportNumber } });
    await ctx.close();
  });

  it('is refused while the run is open', async () => {
    const visit = await bookedVisit(tempDir(), 1, { reportPrinter: standInPrinter() });
    const view = (await callAs(visit.desk.ctx, visit.engineer.window, 'checklist:run-start', { appointmentId: visit.appointmentId })) as { run: { id: string } };
    expect(await refusalOf(visit.desk.ctx, visit.engineer.window, 'report:issue', { runId: view.run.id, language: 'zh-CN' })).toMatchObject({ code: 'conflict', reason: 'report-run-not-finished' });
    await visit.desk.ctx.close();
  });
});

describe('a correction', () => {
  it('is a new report superseding the current one, with its reason; both stay and both verify, the old one naming its successor', async () => {
    const visit = await signedOffVisit(tempDir(), { reportPrinter: standInPrinter() });
    const { ctx } = visit.desk;
    const first = (await callAs(ctx, visit.engineer.window, 'report:issue', { runId: visit.runId, language: 'zh-CN' })) as IssuedReport;
    expect(await refusalOf(ctx, visit.engineer.window, 'report:issue', { runId: visit.runId, language: 'zh-CN', correction: { reportId: first.id, reason: 'typo' } })).toMatchObject({ code: 'invalid-input' });
    const reason = '商户要求英文版报告交银行备案';
    const second = (await callAs(ctx, visit.engineer.window, 'report:issue', { runId: visit.runId, language: 'en-US', correction: { reportId: first.id, reason } })) as IssuedReport;
    expect(second).toMatchObject({ reportNumber: 'SR-20261201-0002', language: 'en-US', supersedes: { reportNumber: first.reportNumber, reason } });
    expect(second.fingerprint).not.toBe(first.fingerprint);
    // Only the current report can be corrected.
    expect(await refusalOf(ctx, visit.engineer.window, 'report:issue', { runId: visit.runId, language: 'zh-CN', correction: { reportId: first.id, reason } })).toMatchObject({ reason: 'report-not-current', params: { number: first.reportNumber, by: second.reportNumber } });

    const listed = (await callAs(ctx, visit.desk.desk, 'report:list', { caseId: visit.caseId })) as Listed;
    expect(listed.reports.map((r) => [r.reportNumber, r.supersedes?.reportNumber ?? null, r.supersededBy?.reportNumber ?? null])).toEqual([
      [first.reportNumber, null, second.reportNumber],
      [second.reportNumber, first.reportNumber, null],
    ]);
    const bytesOf = async (id: string) => ((await callAs(ctx, visit.desk.desk, 'report:pdf', { reportId: id })) as Pdf).dataBase64;
    const old = (await callAs(ctx, visit.desk.desk, 'report:verify', { dataBase64: await bytesOf(first.id) })) as ReportVerifyResult;
    expect(old).toMatchObject({ status: 'genuine', report: { reportNumber: first.reportNumber, supersededBy: { reportNumber: second.reportNumber } } });
    expect(await callAs(ctx, visit.desk.desk, 'report:verify', { dataBase64: await bytesOf(second.id) })).toMatchObject({ status: 'genuine', report: { reportNumber: second.reportNumber, supersededBy: null } });
    const entries = readAuditPage(ctx.database.current(), 0, 10_000).filter((e) => e.action === 'service-report.issued').map((e) => JSON.parse(e.payload) as Record<string, unknown>);
    expect(entries.map((p) => [p['reportNumber'], p['supersedes'], p['reason'] ?? null])).toEqual([
      [first.reportNumber, null, null],
      [second.reportNumber, first.reportNumber, reason],
    ]);
    await ctx.close();
  });
});

describe('verifying a file', () => {
  it('says genuine for the issued bytes, altered for a changed byte or a damaged record, unknown for any other file', async () => {
    const visit = await signedOffVisit(tempDir(), { reportPrinter: standInPrinter() });
    const { ctx } = visit.desk;
    const report = (await callAs(ctx, visit.engineer.window, 'report:issue', { runId: visit.runId, language: 'zh-CN' })) as IssuedReport;
    const bytes = Buffer.from(((await callAs(ctx, visit.desk.desk, 'report:pdf', { reportId: report.id })) as Pdf).dataBase64, 'base64');
    const verify = (file: Buffer) => callAs(ctx, visit.desk.desk, 'report:verify', { dataBase64: file.toString('base64') }) as Promise<ReportVerifyResult>;

    expect(await verify(bytes)).toEqual({ status: 'genuine', pdfSha256: report.pdfSha256, report });
    // One byte of the body changed: the Title still names the report, the bytes are not the issued ones.
    const altered = Buffer.from(bytes);
    altered.writeUInt8(altered.readUInt8(altered.length - 20) ^ 0x01, altered.length - 20);
    expect(await verify(altered)).toMatchObject({ status: 'altered', why: 'bytes-differ', report: { reportNumber: report.reportNumber, caseId: visit.caseId, terminalSerial: '1170012345', issuedBy: { username: 'eng.1' } } });
    // The report number in the Title changed as well: nothing in it names a report of this data directory.
    const renamed = Buffer.from(bytes.toString('latin1').replaceAll(report.reportNumber, 'SR-20991231-9999').replaceAll(report.fingerprint, 'f'.repeat(64)), 'latin1');
    expect(await verify(renamed)).toMatchObject({ status: 'unknown', isPdf: true });
    expect(await verify(Buffer.from('not a pdf at all'))).toMatchObject({ status: 'unknown', isPdf: false });
    expect(await refusalOf(ctx, visit.desk.desk, 'report:verify', { dataBase64: '' })).toMatchObject({ reason: 'report-file-empty' });

    // Someone edits the audit entry behind the app's back (dropping the trigger): the issued bytes no longer verify.
    const db = ctx.database.current();
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET payload = replace(payload, ?, ?) WHERE action = 'service-report.issued'").run(report.pdfSha256, 'e'.repeat(64));
    expect(await verify(bytes)).toMatchObject({ status: 'altered', why: 'record-damaged', report: { reportNumber: report.reportNumber } });
    await ctx.close();
  });
});
