import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditedOn } from '../../../electron/main/db/audited';
import { createCaseService } from '../../../electron/main/desk/cases/case-service';
import { createSqliteCaseRepository } from '../../../electron/main/desk/cases/sqlite-case-repository';
import { createSqliteReferenceRepository } from '../../../electron/main/desk/reference/sqlite-reference-repository';
import { openContentStore, sha256Of } from '../../../electron/main/fs/content-store';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/ipc/contract-desk-cases';
import { useTempDir } from '../support/temp-dir';
import type { PickerAnswers } from '../support/main-context';
import { caseRig, sampleJpeg, samplePdf, samplePng, type CaseRig } from './case-rig';

const tempDir = useTempDir('rebinddesk-desk-attachments-');

interface Attachment { id: string; sha256: string; mediaType: string; size: number; purpose: string }

async function openCase(rig: CaseRig): Promise<string> {
  return ((await rig.call(rig.desk, 'desk:case-open', { terminalId: rig.terminalId, targetBank: 'acquirer-c' })) as { id: string }).id;
}
const add = (rig: CaseRig, caseId: string, bytes: Buffer, purpose = 'business-licence', fileName = 'scan.pdf') =>
  rig.call(rig.desk, 'desk:attachment-add', { caseId, purpose, fileName, dataBase64: bytes.toString('base64') }) as Promise<Attachment>;
/** Every file under the attachments folder, as paths relative to it. */
function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length + 1)).sort();
}

describe('case attachments', () => {
  it('takes PDF, JPEG and PNG by their first bytes, whatever the name, and stores each at attachments/ab/<sha256> with a row', async () => {
    const dir = tempDir();
    const rig = await caseRig(dir);
    const caseId = await openCase(rig);
    const pdf = await add(rig, caseId, samplePdf, 'business-licence', 'licence.jpg');
    const jpeg = await add(rig, caseId, sampleJpeg, 'site-photo', 'door.png');
    const png = await add(rig, caseId, samplePng, 'legal-rep-id', 'id');
    expect([pdf.mediaType, jpeg.mediaType, png.mediaType]).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
    expect(pdf).toMatchObject({ sha256: sha256Of(samplePdf), size: samplePdf.length, purpose: 'business-licence' });
    expect(storedFiles(dir)).toEqual([pdf, jpeg, png].map((a) => join(a.sha256.slice(0, 2), a.sha256)).sort());
    expect(readFileSync(join(dir, 'attachments', pdf.sha256.slice(0, 2), pdf.sha256))).toEqual(samplePdf);
    const read = (await rig.call(rig.desk, 'desk:attachment-get', { attachmentId: jpeg.id })) as { dataUrl: string };
    expect(read.dataUrl).toBe(`data:image/jpeg;base64,${sampleJpeg.toString('base64')}`);
    const detail = (await rig.call(rig.desk, 'desk:case-get', { caseId })) as { attachments: Attachment[] };
    expect(detail.attachments.map((a) => a.id)).toEqual([pdf.id, jpeg.id, png.id]);
    const db = rig.ctx.database.current();
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.attachment-added'").get()).toEqual({ n: 3 });
    expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'attachment'").get()).toEqual({ n: 3 });
    await rig.ctx.close();
  });

  it('refuses other types naming what is accepted, empty files and files over 20 MiB, storing nothing', async () => {
    const dir = tempDir();
    const rig = await caseRig(dir);
    const caseId = await openCase(rig);
    const exe = Buffer.from('MZ\x90\x00 this is not a scan');
    const refused = await rig.refused(rig.desk, 'desk:attachment-add', { caseId, purpose: 'other', fileName: 'scan.pdf', dataBase64: exe.toString('base64') });
    expect(refused).toMatchObject({ code: 'invalid-input', reason: 'attachment-type-refused', params: { fileName: 'scan.pdf' } });
    expect(refused.message).toMatch(/not a PDF, JPEG or PNG/);
    // The channel's own bound refuses an oversized body before the service reads it ...
    const tooLarge = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x20);
    samplePdf.copy(tooLarge);
    expect(await rig.refused(rig.desk, 'desk:attachment-add', { caseId, purpose: 'other', fileName: 'big.pdf', dataBase64: tooLarge.toString('base64') })).toMatchObject({ code: 'invalid-input' });
    // ... and the service says how large and what the limit is.
    const db = rig.ctx.database.current();
    const service = createCaseService({ repo: createSqliteCaseRepository(() => db), reference: createSqliteReferenceRepository(() => db), audited: auditedOn(() => db), now: () => rig.clock.at, attachments: openContentStore(join(dir, 'attachments')) });
    expect(() => service.addAttachment({ operatorId: 2, username: 'li.desk', role: 'desk' }, { caseId, purpose: 'other', fileName: 'big.pdf', bytes: tooLarge })).toThrow(
      expect.objectContaining({ refusal: { reason: 'attachment-too-large', params: { size: ATTACHMENT_MAX_BYTES + 1, max: ATTACHMENT_MAX_BYTES } } }),
    );
    expect(await rig.refused(rig.desk, 'desk:attachment-add', { caseId, purpose: 'other', fileName: 'empty.pdf', dataBase64: '' })).toMatchObject({ reason: 'attachment-empty' });
    // Exactly at the limit is taken.
    const atLimit = tooLarge.subarray(0, ATTACHMENT_MAX_BYTES);
    expect(service.addAttachment({ operatorId: 2, username: 'li.desk', role: 'desk' }, { caseId, purpose: 'other', fileName: 'limit.pdf', bytes: atLimit }).size).toBe(ATTACHMENT_MAX_BYTES);
    expect(storedFiles(dir)).toEqual([join(sha256Of(atLimit).slice(0, 2), sha256Of(atLimit))]);
    expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 1 });
    await rig.ctx.close();
  });

  it('stores the same content once: again for the same purpose is the same row, for another purpose a new row over the same file; no temporary file is left', async () => {
    const dir = tempDir();
    const rig = await caseRig(dir);
    const caseId = await openCase(rig);
    const first = await add(rig, caseId, samplePdf, 'business-licence');
    const again = await add(rig, caseId, samplePdf, 'business-licence', 'scan (1).pdf');
    const other = await add(rig, caseId, samplePdf, 'tax-registration');
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
    expect(other.sha256).toBe(first.sha256);
    expect(storedFiles(dir)).toEqual([join(first.sha256.slice(0, 2), first.sha256)]);
    const db = rig.ctx.database.current();
    expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 2 });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.attachment-added'").get()).toEqual({ n: 2 });
    await rig.ctx.close();
  });

  it('says a missing or changed file on disk instead of handing out other bytes, and attaching it again repairs it', async () => {
    const dir = tempDir();
    const rig = await caseRig(dir);
    const caseId = await openCase(rig);
    const stored = await add(rig, caseId, samplePdf);
    const path = join(dir, 'attachments', stored.sha256.slice(0, 2), stored.sha256);
    writeFileSync(path, Buffer.from('%PDF-1.4 tampered'));
    expect(await rig.refused(rig.desk, 'desk:attachment-get', { attachmentId: stored.id })).toMatchObject({ code: 'not-found', reason: 'attachment-file-damaged' });
    rmSync(path);
    expect(await rig.refused(rig.desk, 'desk:attachment-get', { attachmentId: stored.id })).toMatchObject({ reason: 'attachment-file-missing', params: { sha256: stored.sha256 } });
    await add(rig, caseId, samplePdf);
    expect(readFileSync(path)).toEqual(samplePdf);
    await rig.ctx.close();
  });

  it('travels in a backup and comes back with a restore into a data directory that lost it; an older backup without attachments still restores', async () => {
    const dir = tempDir();
    const answers: PickerAnswers = {};
    const rig = await caseRig(dir, answers);
    const caseId = await openCase(rig);
    const stored = await add(rig, caseId, sampleJpeg, 'site-photo', 'door.jpg');
    const backup = (await rig.call(rig.admin, 'backup:create', { destination: 'default' })) as { id: string; location: string };
    const carried = new Database(backup.location, { readonly: true });
    expect(carried.prepare('SELECT sha256, bytes FROM backup_attachments').all()).toEqual([{ sha256: stored.sha256, bytes: sampleJpeg }]);
    carried.close();
    rmSync(join(dir, 'attachments'), { recursive: true });
    await rig.call(rig.admin, 'backup:restore', { source: { kind: 'history', id: backup.id } });
    expect(storedFiles(dir)).toEqual([join(stored.sha256.slice(0, 2), stored.sha256)]);
    expect(((await rig.call(rig.desk, 'desk:attachment-get', { attachmentId: stored.id })) as { dataUrl: string }).dataUrl).toBe(`data:image/jpeg;base64,${sampleJpeg.toString('base64')}`);
    // The restored database has the app's schema: the carried table is gone from it.
    expect(rig.ctx.database.current().prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'backup_attachments'").get()).toEqual({ n: 0 });

    // A backup as the app wrote it before attachments: the SQLite file alone.
    const old = join(dir, 'backups', 'older.sqlite');
    await rig.ctx.database.current().backup(old);
    const oldFile = new Database(old);
    oldFile.pragma('journal_mode = DELETE');
    oldFile.close();
    const oldCheck = new Database(old, { readonly: true });
    expect(oldCheck.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'backup_attachments'").get()).toEqual({ n: 0 });
    oldCheck.close();
    await rig.call(rig.desk, 'desk:case-transition', { caseId, version: 1, action: 'cancel', reason: '商户撤销申请' });
    answers.backupSource = old;
    await rig.call(rig.admin, 'backup:restore', { source: { kind: 'choose' } });
    expect(rig.ctx.database.current().prepare('SELECT state FROM cases').get()).toEqual({ state: 'draft' });
    expect(storedFiles(dir)).toEqual([join(stored.sha256.slice(0, 2), stored.sha256)]);
    await rig.ctx.close();
  });

  it('refuses to restore a backup whose carried attachment does not match its checksum, leaving the live data as it was', async () => {
    const dir = tempDir();
    const rig = await caseRig(dir);
    const caseId = await openCase(rig);
    const stored = await add(rig, caseId, samplePng, 'legal-rep-id', 'id.png');
    const backup = (await rig.call(rig.admin, 'backup:create', { destination: 'default' })) as { id: string; location: string };
    const file = new Database(backup.location);
    file.prepare('UPDATE backup_attachments SET bytes = ?').run(Buffer.from('not the png'));
    file.close();
    await rig.call(rig.desk, 'desk:case-transition', { caseId, version: 1, action: 'cancel', reason: '商户撤销申请' });
    expect(await rig.refused(rig.admin, 'backup:restore', { source: { kind: 'history', id: backup.id } })).toMatchObject({ code: 'backup-invalid', reason: 'backup-attachment-damaged', params: { sha256: stored.sha256 } });
    expect(rig.ctx.database.current().prepare('SELECT state FROM cases').get()).toEqual({ state: 'cancelled' });
    await rig.ctx.close();
  });
});
