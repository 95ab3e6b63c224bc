import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readAuditPage } from '../../../electron/main/audit/audit-rows';
import { auditedOn } from '../../../electron/main/db/audited';
import { applyTransition } from '../../../electron/main/desk/cases/case-transition';
import { createCaseService } from '../../../electron/main/desk/cases/case-service';
import { createSqliteCaseRepository } from '../../../electron/main/desk/cases/sqlite-case-repository';
import { createSqliteReferenceRepository } from '../../../electron/main/desk/reference/sqlite-reference-repository';
import { openContentStore } from '../../../electron/main/fs/content-store';
import { reason } from '../../../shared/errors/reason';
import type { IpcError } from '../../../shared/ipc/result';
import { useTempDir } from '../support/temp-dir';
import { caseRig, samplePdf, type CaseRig } from './case-rig';

const tempDir = useTempDir('rebinddesk-desk-cases-');

interface StoredCase { id: string; version: number; state: string; review: { decision: string; by: string; reason?: string } | null; agreement: unknown; closingReason?: string }
interface Detail { case: StoredCase; timeline: { action: string; fromState: string; toState: string; createdBy: string; createdAt: string; reason?: string }[]; materials: { kind: string; received: boolean; verifiedBy?: string; expiresOn?: string; lastValidDay: string | null; validDays: number | null }[]; gateReasons: { code: string }[]; actions: string[]; attachments: unknown[] }

/** Every reason code a refusal names, the joined ones taken apart. */
function codes(error: IpcError): string[] {
  const walk = (r: { code: string; params: Record<string, unknown> }): string[] =>
    r.code === 'case-reasons-joined' ? [...walk(r.params.first as never), ...walk(r.params.second as never)] : [r.code];
  return walk({ code: error.reason!, params: error.params ?? {} });
}

const kinds = ['business-licence', 'tax-registration', 'legal-rep-id', 'account-opening-permit', 'terminal-model-number', 'site-photo'];

async function openCase(rig: CaseRig, terminalId = rig.terminalId): Promise<StoredCase> {
  return (await rig.call(rig.desk, 'desk:case-open', { terminalId, targetBank: 'acquirer-c' })) as StoredCase;
}
const get = async (rig: CaseRig, id: string) => (await rig.call(rig.desk, 'desk:case-get', { caseId: id })) as Detail;

async function collectMaterials(rig: CaseRig, id: string): Promise<void> {
  for (const kind of kinds) await rig.call(rig.desk, 'desk:material-update', { caseId: id, kind, receivedOn: '2026-11-28', verified: true, expiresOn: null });
}

/** A case taken through materials, review and agreement, as the desk does it. */
async function signedCase(rig: CaseRig): Promise<StoredCase> {
  let current = await openCase(rig);
  await collectMaterials(rig, current.id);
  current = (await rig.call(rig.desk, 'desk:case-transition', { caseId: current.id, version: current.version, action: 'complete-materials' })) as StoredCase;
  current = (await rig.call(rig.desk, 'desk:case-transition', { caseId: current.id, version: current.version, action: 'submit-for-review' })) as StoredCase;
  current = (await rig.call(rig.desk, 'desk:case-review', { caseId: current.id, version: current.version, decision: 'approved' })) as StoredCase;
  const document = (await rig.call(rig.desk, 'desk:attachment-add', { caseId: current.id, purpose: 'agreement', fileName: 'agreement.pdf', dataBase64: samplePdf.toString('base64') })) as { id: string };
  return (await rig.call(rig.desk, 'desk:case-agreement', { caseId: current.id, version: current.version, signedOn: '2026-11-29', signatory: '王芳', attachmentId: document.id })) as StoredCase;
}

describe('rebinding cases', () => {
  it('opens a draft case for a terminal with a row per required material, its timeline row, audit entry and outbox rows', async () => {
    const rig = await caseRig(tempDir());
    const opened = await openCase(rig);
    expect(opened).toMatchObject({ state: 'draft', terminalId: rig.terminalId, merchantId: rig.merchantId, targetBank: 'acquirer-c', version: 1, review: null, agreement: null });
    const detail = await get(rig, opened.id);
    expect(detail.materials.map((m) => m.kind)).toEqual(kinds);
    expect(detail.materials.every((m) => !m.received)).toBe(true);
    expect(detail.timeline).toEqual([expect.objectContaining({ action: 'open', fromState: 'draft', toState: 'draft', createdBy: 'li.desk', createdAt: '2026-11-30T02:00:00.000Z' })]);
    expect(detail.actions).toEqual(['complete-materials', 'cancel']);
    const db = rig.ctx.database.current();
    const entry = readAuditPage(db, 0, 100).find((r) => r.action === 'case.opened')!;
    expect(JSON.parse(entry.payload)).toMatchObject({ from: 'acquirer-b', to: 'acquirer-c', serial: '1170012345' });
    const outbox = db.prepare('SELECT entity, audit_seq AS seq FROM outbox WHERE audit_seq = ?').all(entry.seq) as { entity: string }[];
    expect(outbox.map((r) => r.entity).sort()).toEqual(['case', 'case-material', 'case-material', 'case-material', 'case-material', 'case-material', 'case-material', 'case-transition']);
    await rig.ctx.close();
  });

  it('refuses a target bank that is unknown or the current one, an unknown terminal, and a second open case naming the open one', async () => {
    const rig = await caseRig(tempDir());
    const current = await rig.refused(rig.desk, 'desk:case-open', { terminalId: rig.terminalId, targetBank: 'acquirer-b' });
    expect(current).toMatchObject({ code: 'conflict', reason: 'case-target-is-current-bank', field: 'targetBank' });
    expect(await rig.refused(rig.desk, 'desk:case-open', { terminalId: rig.terminalId, targetBank: 'acquirer-z' })).toMatchObject({ code: 'not-found', reason: 'bank-unknown' });
    expect(await rig.refused(rig.desk, 'desk:case-open', { terminalId: '019a0000-0000-7000-8000-0000000000ff', targetBank: 'acquirer-c' })).toMatchObject({ code: 'not-found', reason: 'case-terminal-unknown' });
    const first = await openCase(rig);
    const second = await rig.refused(rig.desk, 'desk:case-open', { terminalId: rig.terminalId, targetBank: 'acquirer-c' });
    expect(second).toMatchObject({ code: 'conflict', reason: 'case-terminal-has-open-case', params: { caseId: first.id, serial: '1170012345' } });
    expect(second.message).toContain(first.id);
    // A cancelled case is history: the terminal can get a new one.
    await rig.call(rig.desk, 'desk:case-transition', { caseId: first.id, version: 1, action: 'cancel', reason: '商户撤销申请' });
    expect((await openCase(rig)).state).toBe('draft');
    expect(rig.ctx.database.current().prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 2 });
    await rig.ctx.close();
  });

  it('keeps one open case per terminal when two connections race: the one whose check missed the other is refused by the index, with the same reason', async () => {
    const rig = await caseRig(tempDir());
    const path = rig.ctx.database.path;
    const other = new Database(path);
    other.pragma('busy_timeout = 5000');
    const repo = createSqliteCaseRepository(() => other);
    // The second desk's check ran before the first desk's case committed: it saw no open case.
    const racedRepo = { ...repo, openCaseOfTerminal: (() => {
      let first = true;
      return (id: string) => (first ? ((first = false), undefined) : repo.openCaseOfTerminal(id));
    })() };
    const service = createCaseService({ repo: racedRepo, reference: createSqliteReferenceRepository(() => other), audited: auditedOn(() => other), now: () => rig.clock.at, attachments: openContentStore(tempDir()) });
    const winner = await openCase(rig);
    let refused: unknown;
    try {
      service.open({ operatorId: 1, username: 'zhao.desk', role: 'desk' }, { terminalId: rig.terminalId, targetBank: 'acquirer-c' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ code: 'conflict', refusal: { reason: 'case-terminal-has-open-case', params: { caseId: winner.id } } });
    // Nothing of the loser was kept: no case, no audit entry, no outbox row.
    expect(other.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
    expect(other.prepare("SELECT count(*) AS n FROM audit_log WHERE actor = 'zhao.desk'").get()).toEqual({ n: 0 });
    expect(other.prepare("SELECT count(*) AS n FROM outbox WHERE actor = 'zhao.desk'").get()).toEqual({ n: 0 });
    other.close();
    await rig.ctx.close();
  });

  it('takes a case from draft to agreement-signed through the channels, each step on the timeline with actor, time and reason', async () => {
    const rig = await caseRig(tempDir());
    const signed = await signedCase(rig);
    expect(signed).toMatchObject({ state: 'agreement-signed', review: { decision: 'approved', by: 'li.desk' }, agreement: { signedOn: '2026-11-29', signatory: '王芳' } });
    const detail = await get(rig, signed.id);
    expect(detail.timeline.map((t) => [t.action, t.fromState, t.toState])).toEqual([
      ['open', 'draft', 'draft'],
      ['complete-materials', 'draft', 'materials-complete'],
      ['submit-for-review', 'materials-complete', 'under-review'],
      ['approve', 'under-review', 'approved'],
      ['sign-agreement', 'approved', 'agreement-signed'],
    ]);
    // Only a slot is missing now: the gate's case-level reasons are empty.
    expect(detail.gateReasons).toEqual([]);
    expect(detail.actions).toEqual(['cancel']);
    const actions = readAuditPage(rig.ctx.database.current(), 0, 200).map((r) => r.action).filter((a) => a.startsWith('case.'));
    expect(actions.filter((a) => a === 'case.transitioned')).toHaveLength(4);
    expect(actions).toEqual(expect.arrayContaining(['case.opened', 'case.material-updated', 'case.reviewed', 'case.attachment-added', 'case.agreement-recorded']));
    await rig.ctx.close();
  });

  it('refuses transitions the table, the role, the reason, the guards or the version do not allow, with every reason and nothing written', async () => {
    const rig = await caseRig(tempDir());
    const engineer = (await (await import('../support/main-context')).signInNewOperator(rig.ctx, rig.admin, 'wang.eng', 'engineer')).window;
    const opened = await openCase(rig);
    const db = rig.ctx.database.current();
    const before = db.prepare('SELECT count(*) AS n FROM outbox').get();
    const missing = await rig.refused(rig.desk, 'desk:case-transition', { caseId: opened.id, version: 1, action: 'complete-materials' });
    expect(missing.code).toBe('conflict');
    expect(codes(missing)).toEqual(kinds.map(() => 'booking-material-missing'));
    const notAllowed = await rig.refused(rig.desk, 'desk:case-transition', { caseId: opened.id, version: 1, action: 'submit-for-review' });
    expect(codes(notAllowed)).toEqual(['case-action-not-allowed']);
    expect(await rig.refused(rig.desk, 'desk:case-transition', { caseId: opened.id, version: 1, action: 'cancel', reason: 'no' })).toMatchObject({ reason: 'case-action-reason-required' });
    expect(await rig.refused(rig.desk, 'desk:case-transition', { caseId: opened.id, version: 1, action: 'schedule' })).toMatchObject({ reason: 'case-action-through-booking', field: 'action' });
    expect(await rig.refused(rig.desk, 'desk:case-review', { caseId: opened.id, version: 1, decision: 'approved' })).toMatchObject({ reason: 'case-review-not-under-review' });
    expect(await rig.refused(engineer, 'desk:case-transition', { caseId: opened.id, version: 1, action: 'cancel', reason: '商户撤销申请' })).toMatchObject({ code: 'forbidden' });
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual(before);

    await collectMaterials(rig, opened.id);
    const stale = await rig.refused(rig.desk, 'desk:case-transition', { caseId: opened.id, version: 7, action: 'complete-materials' });
    expect(stale).toMatchObject({ code: 'conflict', reason: 'record-changed' });
    let current = (await rig.call(rig.desk, 'desk:case-transition', { caseId: opened.id, version: 1, action: 'complete-materials' })) as StoredCase;
    current = (await rig.call(rig.desk, 'desk:case-transition', { caseId: current.id, version: current.version, action: 'reopen-materials', reason: '营业执照照片模糊' })) as StoredCase;
    expect(current.state).toBe('draft');
    current = (await rig.call(rig.desk, 'desk:case-transition', { caseId: current.id, version: current.version, action: 'complete-materials' })) as StoredCase;
    current = (await rig.call(rig.desk, 'desk:case-transition', { caseId: current.id, version: current.version, action: 'submit-for-review' })) as StoredCase;
    expect(await rig.refused(rig.desk, 'desk:case-review', { caseId: current.id, version: current.version, decision: 'rejected' })).toMatchObject({ reason: 'case-action-reason-required' });
    current = (await rig.call(rig.desk, 'desk:case-review', { caseId: current.id, version: current.version, decision: 'rejected', reason: '缺少门头照片' })) as StoredCase;
    expect(current).toMatchObject({ state: 'draft', review: { decision: 'rejected', reason: '缺少门头照片' } });
    current = (await rig.call(rig.desk, 'desk:case-transition', { caseId: current.id, version: current.version, action: 'complete-materials' })) as StoredCase;
    current = (await rig.call(rig.desk, 'desk:case-transition', { caseId: current.id, version: current.version, action: 'submit-for-review' })) as StoredCase;
    // approve through the transition channel is the review: the decision is recorded too.
    current = (await rig.call(rig.desk, 'desk:case-transition', { caseId: current.id, version: current.version, action: 'approve' })) as StoredCase;
    expect(current).toMatchObject({ state: 'approved', review: { decision: 'approved' } });
    const otherTerminal = rig.addTerminal('1170099999');
    const otherCase = await openCase(rig, otherTerminal);
    const foreign = (await rig.call(rig.desk, 'desk:attachment-add', { caseId: otherCase.id, purpose: 'agreement', fileName: 'a.pdf', dataBase64: samplePdf.toString('base64') })) as { id: string };
    expect(await rig.refused(rig.desk, 'desk:case-agreement', { caseId: current.id, version: current.version, signedOn: '2026-11-29', signatory: '王芳', attachmentId: foreign.id })).toMatchObject({ reason: 'case-agreement-attachment-unknown' });
    const detail = await get(rig, current.id);
    expect(detail.timeline.find((t) => t.action === 'reject')).toMatchObject({ reason: '缺少门头照片', createdBy: 'li.desk' });
    expect(detail.timeline.find((t) => t.action === 'reopen-materials')).toMatchObject({ reason: '营业执照照片模糊' });
    current = (await rig.call(rig.desk, 'desk:case-transition', { caseId: current.id, version: current.version, action: 'cancel', reason: '商户撤销申请' })) as StoredCase;
    expect(current).toMatchObject({ state: 'cancelled', closingReason: '商户撤销申请' });
    expect(await rig.refused(rig.desk, 'desk:case-transition', { caseId: current.id, version: current.version, action: 'cancel', reason: '商户撤销申请' })).toMatchObject({ reason: 'case-is-final' });
    await rig.ctx.close();
  });

  it('lets the booking service take schedule, on-site, rebound, failure and close through applyTransition, guarded by the gate', async () => {
    const rig = await caseRig(tempDir());
    const signed = await signedCase(rig);
    const db = rig.ctx.database.current();
    const repo = createSqliteCaseRepository(() => db);
    const bank = createSqliteReferenceRepository(() => db).bankByCode('acquirer-c')!;
    const audited = auditedOn(() => db);
    const step = (action: Parameters<typeof applyTransition>[2], role: 'desk' | 'engineer', why?: string, gateReasons?: ReturnType<typeof reason>[]) =>
      audited(
        (applied: ReturnType<typeof applyTransition>) => applied.entry,
        () => applyTransition(repo, repo.case(signed.id)!, action, { username: role === 'desk' ? 'li.desk' : 'wang.eng', role }, rig.clock.at, why, { bank, ...(gateReasons && { gateReasons }) }),
      );
    expect(() => step('schedule', 'desk', undefined, [reason('booking-engineer-double-booked')])).toThrow(/already has an appointment/);
    expect(repo.case(signed.id)!.state).toBe('agreement-signed');
    expect(step('schedule', 'desk', undefined, []).to).toBe('scheduled');
    expect(() => step('start-on-site', 'desk')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(step('start-on-site', 'engineer').to).toBe('on-site');
    expect(step('record-failure', 'engineer', 'restored: the host refused the key').to).toBe('failed');
    expect(repo.case(signed.id)!.closingReason).toBe('restored: the host refused the key');
    step('schedule', 'desk', undefined, []);
    step('start-on-site', 'engineer');
    rig.clock.at = new Date('2026-12-03T02:00:00.000Z');
    expect(step('record-rebound', 'engineer').to).toBe('rebound');
    expect(step('close', 'desk').to).toBe('closed');
    const timeline = repo.timeline(signed.id).map((t) => t.action);
    expect(timeline.slice(-7)).toEqual(['schedule', 'start-on-site', 'record-failure', 'schedule', 'start-on-site', 'record-rebound', 'close']);
    const outboxOfLast = db.prepare('SELECT entity FROM outbox WHERE audit_seq = (SELECT max(seq) FROM audit_log)').all();
    expect(outboxOfLast).toEqual([{ entity: 'case' }, { entity: 'case-transition' }]);

    // The candidates for another terminal now count this rebind: 3 days, after one failed visit.
    const other = rig.addTerminal('1170055555');
    const { candidates } = (await rig.call(rig.desk, 'desk:case-candidates', { terminalId: other })) as { candidates: { code: string; outcomes: unknown }[] };
    expect(candidates.find((c) => c.code === 'acquirer-c')!.outcomes).toEqual({ reboundCases: 1, medianDaysToRebound: 3, firstTimeFixRate: 0 });
    await rig.ctx.close();
  });

  it('records materials received, verified and their last valid day from the document or the bank, and refuses what does not fit', async () => {
    const rig = await caseRig(tempDir());
    const opened = await openCase(rig);
    const update = (input: object) => rig.call(rig.desk, 'desk:material-update', { caseId: opened.id, expiresOn: null, ...input }) as Promise<{ receivedOn?: string; verifiedBy?: string; verifiedAt?: string; expiresOn?: string }>;
    // acquirer-c keeps a business licence 365 days from receipt; the site photo 30.
    expect(await update({ kind: 'business-licence', receivedOn: '2026-11-01', verified: false })).toMatchObject({ receivedOn: '2026-11-01', expiresOn: '2027-10-31' });
    expect(await update({ kind: 'business-licence', receivedOn: '2026-11-01', verified: true, expiresOn: '2027-03-01' })).toMatchObject({ verifiedBy: 'li.desk', verifiedAt: '2026-11-30T02:00:00.000Z', expiresOn: '2027-03-01' });
    expect(await update({ kind: 'legal-rep-id', receivedOn: '2026-11-01', verified: true })).not.toHaveProperty('expiresOn');
    expect(await update({ kind: 'site-photo', receivedOn: '2026-11-20', verified: true })).toMatchObject({ expiresOn: '2026-12-19' });
    expect(await update({ kind: 'site-photo', receivedOn: null, verified: false })).not.toHaveProperty('verifiedBy');
    expect(await rig.refused(rig.desk, 'desk:material-update', { caseId: opened.id, kind: 'site-photo', receivedOn: null, verified: true })).toMatchObject({ reason: 'case-material-verify-unreceived', field: 'verified' });
    expect(await rig.refused(rig.desk, 'desk:material-update', { caseId: opened.id, kind: 'tax-registration', receivedOn: '2026-11-10', verified: false, expiresOn: '2026-11-01' })).toMatchObject({ reason: 'case-material-expiry-before-receipt', field: 'expiresOn' });
    expect(await rig.refused(rig.desk, 'desk:material-update', { caseId: opened.id, kind: 'shop-lease', receivedOn: '2026-11-10', verified: false })).toMatchObject({ reason: 'case-material-not-required', field: 'kind' });
    const detail = await get(rig, opened.id);
    expect(detail.materials.find((m) => m.kind === 'business-licence')).toMatchObject({ received: true, verifiedBy: 'li.desk', lastValidDay: '2027-03-01', validDays: 365 });
    // Missing: the tax registration, the account opening permit, the model and number, the site photo (un-received again).
    expect(detail.gateReasons.map((r) => r.code)).toEqual(['booking-not-approved', 'booking-agreement-unsigned', ...Array(4).fill('booking-material-missing')]);
    // Under review the materials are what the reviewer reads: locked.
    await collectMaterials(rig, opened.id);
    const complete = (await rig.call(rig.desk, 'desk:case-transition', { caseId: opened.id, version: 1, action: 'complete-materials' })) as StoredCase;
    await rig.call(rig.desk, 'desk:case-transition', { caseId: opened.id, version: complete.version, action: 'submit-for-review' });
    expect(await rig.refused(rig.desk, 'desk:material-update', { caseId: opened.id, kind: 'site-photo', receivedOn: '2026-11-29', verified: true })).toMatchObject({ reason: 'case-materials-locked' });
    // An expired material by the day of the gate's check is a reason there.
    rig.clock.at = new Date('2027-01-05T02:00:00.000Z');
    expect((await get(rig, opened.id)).gateReasons.map((r) => r.code)).toContain('booking-material-expired');
    await rig.ctx.close();
  });

  it('shows the candidate banks side by side for a terminal: fit by model and firmware, fees, area, added materials, and no data yet', async () => {
    const rig = await caseRig(tempDir());
    const { candidates } = (await rig.call(rig.desk, 'desk:case-candidates', { terminalId: rig.terminalId })) as { candidates: object[] };
    expect(candidates).toEqual([
      {
        code: 'acquirer-c',
        name: expect.any(String),
        fit: 'supported',
        firmware: 'PayDroid 7.1.2',
        feeRates: { debitPercent: 0.45, creditPercent: 0.55 },
        servesArea: true,
        addedMaterials: [{ kind: 'site-photo', validDays: 30 }],
        outcomes: { reboundCases: 0, medianDaysToRebound: null, firstTimeFixRate: null },
      },
    ]);
    // A terminal at acquirer-c sees acquirer-b, which takes the A920 from firmware 7.1 on.
    const old = rig.addTerminal('1170066666', { bank: 'acquirer-c', firmware: 'PayDroid 6.9' });
    const { candidates: back } = (await rig.call(rig.desk, 'desk:case-candidates', { terminalId: old })) as { candidates: { code: string; fit: string; minFirmware?: string }[] };
    expect(back).toEqual([expect.objectContaining({ code: 'acquirer-b', fit: 'firmware-too-old', minFirmware: '7.1', servesArea: true, addedMaterials: [] })]);
    await rig.ctx.close();
  });

  it('lists cases newest first in pages with the total, searching by merchant name, USCC, TID, MID or serial and filtering by state, bank and date', async () => {
    const rig = await caseRig(tempDir());
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      rig.clock.at = new Date(Date.UTC(2026, 10, 30, 2, i));
      const terminal = rig.addTerminal(`SN-${i}`, { tid: `2000000${i}`, mid: `89831000000010${i}` });
      ids.push((await openCase(rig, terminal)).id);
    }
    const list = (input: object) => rig.call(rig.desk, 'desk:cases-list', input) as Promise<{ rows: { id: string; serial: string }[]; total: number }>;
    const all = await list({});
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => r.id)).toEqual([...ids].reverse());
    expect((await list({ offset: 1, limit: 2 })).rows.map((r) => r.id)).toEqual([ids[3], ids[2]]);
    expect((await list({ search: 'SN-2' })).rows.map((r) => r.id)).toEqual([ids[2]]);
    expect((await list({ search: '20000004' })).rows.map((r) => r.id)).toEqual([ids[4]]);
    expect((await list({ search: '898310000000101' })).rows.map((r) => r.id)).toEqual([ids[1]]);
    expect((await list({ search: '91350100M000100Y43' })).total).toBe(5);
    expect((await list({ search: '上海浦东' })).total).toBe(5);
    expect((await list({ search: '北京' })).total).toBe(0);
    // Any part of the merchant's name: in the middle, two characters (what FTS5's trigrams cannot find), one.
    expect((await list({ search: '示例餐饮' })).total).toBe(5);
    expect((await list({ search: '餐饮' })).total).toBe(5);
    expect((await list({ search: '司' })).total).toBe(5);
    expect((await list({ search: '饮有限公司外' })).total).toBe(0);
    // Code-shaped text that no code begins with is looked for in the names.
    expect((await list({ search: 'SN-9' })).total).toBe(0);
    await rig.call(rig.desk, 'desk:case-transition', { caseId: ids[0], version: 1, action: 'cancel', reason: '商户撤销申请' });
    expect((await list({ states: ['cancelled'] })).rows.map((r) => r.id)).toEqual([ids[0]]);
    expect((await list({ bank: 'acquirer-b' })).total).toBe(0);
    expect((await list({ openedFrom: '2026-11-30T02:03:00.000Z' })).rows.map((r) => r.id)).toEqual([ids[4], ids[3]]);
    expect((await list({ openedBefore: '2026-11-30T02:01:00.000Z' })).rows.map((r) => r.id)).toEqual([ids[0]]);
    await rig.ctx.close();
  });

  it('lets an engineer read only the cases they have an appointment for', async () => {
    const rig = await caseRig(tempDir());
    const { signInNewOperator } = await import('../support/main-context');
    const engineer = await signInNewOperator(rig.ctx, rig.admin, 'wang.eng', 'engineer');
    const opened = await openCase(rig);
    expect(await rig.refused(engineer.window, 'desk:case-get', { caseId: opened.id })).toMatchObject({ code: 'forbidden', reason: 'case-not-yours' });
    expect(await rig.call(engineer.window, 'desk:cases-list', {})).toEqual({ rows: [], total: 0, totalCapped: false });
    const week = { 1: [{ start: '08:00', end: '18:00' }], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
    const profile = (await rig.call(rig.admin, 'desk:save-engineer', { base: null, record: { operatorId: engineer.operatorId, skills: ['PAX'], areas: ['310115'], timeZone: 'Asia/Shanghai', hours: week, absences: [] } })) as { id: string };
    rig.ctx.database.current().prepare(
      `INSERT INTO appointments (id, created_at, created_by, updated_at, updated_by, version, case_id, engineer_id, starts_at, ends_at, zone, status)
       VALUES ('019a0000-0000-7000-8000-0000000000a1', 't', 'test', 't', 'test', 1, ?, ?, '2026-12-01T02:00:00.000Z', '2026-12-01T03:00:00.000Z', 'Asia/Shanghai', 'confirmed')`,
    ).run(opened.id, profile.id);
    expect(((await rig.call(engineer.window, 'desk:case-get', { caseId: opened.id })) as Detail).case.id).toBe(opened.id);
    expect(((await rig.call(engineer.window, 'desk:cases-list', {})) as { total: number }).total).toBe(1);
    expect((await rig.call(rig.desk, 'desk:cases-list', { engineerId: profile.id }) as { total: number }).total).toBe(1);
    await rig.ctx.close();
  });
});
