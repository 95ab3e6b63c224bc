// The on-site checklist (issue 11 points 1 and 2) through the router, as the app wires it: shipped
// templates, versions, a run on a booked appointment, answers with history, automatic steps from
// the real journal of a rebind on the demo terminal, the outcome that closes the appointment and
// moves the case. Real SQLite files in temp dirs.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAuditPage } from '../../../electron/main/audit/audit-rows';
import { attachmentsDirOf } from '../../../electron/main/data-dir';
import { contentPath } from '../../../electron/main/fs/content-store';
import type { ChecklistTemplateSummary, RunView, StoredChecklistTemplate } from '../../../shared/checklist';
import type { FinishResult } from '../../../shared/ipc/contract-checklist';
import { callAs, testMainContext, createFirstAdmin, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { refusalOf } from '../desk/booking-fixture';
import { answerAllManual, bookedVisit, pdfBase64, pngBase64, rebindOnDemo, signature, type Visit } from './checklist-rig';

const tempDir = useTempDir('rebinddesk-checklist-');

const start = (visit: Visit) => callAs(visit.desk.ctx, visit.engineer.window, 'checklist:run-start', { appointmentId: visit.appointmentId }) as Promise<RunView>;
const finish = (visit: Visit, runId: string, outcome: unknown) => callAs(visit.desk.ctx, visit.engineer.window, 'checklist:finish', { runId, outcome }) as Promise<FinishResult>;
const stepOf = (view: RunView, stepId: string) => view.steps.find((s) => s.stepId === stepId)!;

describe('shipped templates', () => {
  it('are loaded as version 1 into an empty install, once, audited; the desk reads them, only an admin saves', async () => {
    const dir = tempDir();
    let ctx = testMainContext(dir);
    const admin = testWindow();
    await createFirstAdmin(ctx, admin);
    const listed = (await callAs(ctx, admin, 'checklist:templates', {})) as { templates: ChecklistTemplateSummary[] };
    expect(listed.templates.map((t) => [t.bankCode, t.templateVersion, t.source, t.latest])).toEqual([
      ['acquirer-b', 1, 'shipped', true],
      ['acquirer-c', 1, 'shipped', true],
    ]);
    expect(listed.templates[0]!.stepCount).toBeGreaterThan(10);
    const db = ctx.database.current();
    expect(readAuditPage(db, 0, 500).filter((r) => r.action === 'checklist-template.samples-loaded')).toHaveLength(1);
    await ctx.close();
    ctx = testMainContext(dir);
    expect((ctx.database.current().prepare('SELECT COUNT(*) AS n FROM checklist_templates').get() as { n: number }).n).toBe(2);
    await ctx.close();
  });
});

describe('template versions', () => {
  it('an edit is a new version, old versions stay, a stale edit is refused, and a run keeps the version it started with', async () => {
    const visit = await bookedVisit(tempDir());
    const { ctx } = visit.desk;
    const [v1] = ((await callAs(ctx, visit.desk.admin, 'checklist:templates', { bankCode: 'acquirer-b' })) as { templates: ChecklistTemplateSummary[] }).templates;
    const first = await start(visit);
    expect(first.run).toMatchObject({ templateId: v1!.id, templateVersion: 1, bankCode: 'acquirer-b', status: 'open' });

    const original = (await callAs(ctx, visit.desk.admin, 'checklist:template-get', { templateId: v1!.id })) as StoredChecklistTemplate;
    const added = { id: 'cable-tidy', kind: 'tick', required: true, label: { 'zh-CN': '线缆已整理', 'en-US': 'Cables tidied' } };
    const content = { bankCode: 'acquirer-b', title: original.title, steps: [...original.steps, added] };
    const v2 = (await callAs(ctx, visit.desk.admin, 'checklist:template-save', { content, basedOn: { templateId: v1!.id, templateVersion: 1 } })) as StoredChecklistTemplate;
    expect(v2).toMatchObject({ bankCode: 'acquirer-b', templateVersion: 2, source: 'edited', createdBy: 'test.admin' });
    expect(await refusalOf(ctx, visit.desk.admin, 'checklist:template-save', { content, basedOn: { templateId: v1!.id, templateVersion: 1 } })).toMatchObject({
      code: 'conflict',
      reason: 'checklist-template-changed',
    });
    expect(await refusalOf(ctx, visit.desk.desk, 'checklist:template-save', { content, basedOn: { templateId: v2.id, templateVersion: 2 } })).toMatchObject({ code: 'forbidden' });
    const versions = ((await callAs(ctx, visit.desk.desk, 'checklist:templates', { bankCode: 'acquirer-b', allVersions: true })) as { templates: ChecklistTemplateSummary[] }).templates;
    expect(versions.map((t) => [t.templateVersion, t.latest])).toEqual([[2, true], [1, false]]);

    // The open run still asks version 1: its steps have no cable-tidy, and reopening keeps it.
    const again = await start(visit);
    expect(again.run.id).toBe(first.run.id);
    expect(again.template.templateVersion).toBe(1);
    expect(again.template.steps.map((s) => s.id)).toEqual(original.steps.map((s) => s.id));
    expect(await refusalOf(ctx, visit.engineer.window, 'checklist:answer', { runId: first.run.id, stepId: 'cable-tidy', value: { kind: 'tick', checked: true } })).toMatchObject({
      reason: 'checklist-step-unknown',
    });
    // A version row never changes, whatever the app does.
    const db = ctx.database.current();
    expect(() => db.prepare("UPDATE checklist_templates SET title = '{}' WHERE id = ?").run(v1!.id)).toThrow(/append-only/);
    await ctx.close();
  });

  it('refuses a template with a duplicate step id, naming the step', async () => {
    const visit = await bookedVisit(tempDir());
    const tick = { id: 'same', kind: 'tick', required: true, label: { 'zh-CN': '一', 'en-US': 'One' } };
    const refused = await refusalOf(visit.desk.ctx, visit.desk.admin, 'checklist:template-save', { content: { bankCode: 'acquirer-c', title: tick.label, steps: [tick, tick] }, basedOn: null });
    expect(refused).toMatchObject({ code: 'invalid-input', reason: 'checklist-step-id-duplicate' });
    await visit.desk.ctx.close();
  });
});

describe('a run', () => {
  it('saves each answer as a new row: answering again keeps the earlier one with who and when, never overwritten', async () => {
    const visit = await bookedVisit(tempDir());
    const { ctx } = visit.desk;
    const view = await start(visit);
    const call = (value: unknown, stepId = 'signal') => callAs(ctx, visit.engineer.window, 'checklist:answer', { runId: view.run.id, stepId, value });
    await call({ kind: 'number', value: -80 });
    const second = (await call({ kind: 'number', value: -75 })) as { step: RunView['steps'][number] };
    expect(second.step.history.map((a) => [(a.value as { value: number }).value, a.answeredBy, a.source])).toEqual([
      [-80, 'eng.1', 'engineer'],
      [-75, 'eng.1', 'engineer'],
    ]);
    expect(second.step.history[1]!.replaces).toBe(second.step.history[0]!.id);
    expect(second.step.current!.id).toBe(second.step.history[1]!.id);
    expect(await refusalOf(ctx, visit.engineer.window, 'checklist:answer', { runId: view.run.id, stepId: 'signal', value: { kind: 'number', value: -10 } })).toMatchObject({
      code: 'invalid-input',
      reason: 'checklist-number-out-of-range',
    });
    expect(await refusalOf(ctx, visit.engineer.window, 'checklist:answer', { runId: view.run.id, stepId: 'identity', value: { kind: 'tick', checked: true } })).toMatchObject({ reason: 'checklist-step-automatic' });
    expect(await refusalOf(ctx, visit.engineer.window, 'checklist:answer', { runId: view.run.id, stepId: 'receipt-legible', value: { kind: 'choice', optionId: 'sparkly' } })).toMatchObject({ reason: 'checklist-choice-unknown' });
    const unsafe = { ...signature('merchant', '张三'), svg: '<svg><script>alert(1)</script></svg>' };
    expect(await refusalOf(ctx, visit.engineer.window, 'checklist:answer', { runId: view.run.id, stepId: 'merchant-signature', value: unsafe })).toMatchObject({ reason: 'checklist-signature-unsafe' });

    const db = ctx.database.current();
    const rows = db.prepare("SELECT id FROM checklist_answers WHERE step_id = 'signal'").all() as { id: string }[];
    expect(rows).toHaveLength(2);
    expect(() => db.prepare("UPDATE checklist_answers SET value = '{}' WHERE step_id = 'signal'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM checklist_answers WHERE step_id = 'signal'").run()).toThrow(/append-only/);
    const audited = readAuditPage(db, 0, 500).filter((r) => r.action === 'checklist-run.answered');
    expect(audited.map((r) => JSON.parse(r.payload).answerId)).toEqual(rows.map((r) => r.id));
    expect(db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE entity = 'checklist-answer'").get()).toEqual({ n: 2 });
    // The desk reads the run with its history; it cannot answer.
    const read = (await callAs(ctx, visit.desk.desk, 'checklist:run-get', { appointmentId: visit.appointmentId })) as RunView;
    expect(stepOf(read, 'signal').history).toHaveLength(2);
    expect(await refusalOf(ctx, visit.desk.desk, 'checklist:answer', { runId: view.run.id, stepId: 'signal', value: { kind: 'number', value: -70 } })).toMatchObject({ code: 'forbidden' });
    await ctx.close();
  });

  it("is the booked engineer's (or an admin's); the database holds one open run per appointment", async () => {
    const visit = await bookedVisit(tempDir(), 2);
    const { ctx } = visit.desk;
    const other = visit.desk.engineers[1]!;
    expect(await refusalOf(ctx, other.window, 'checklist:run-start', { appointmentId: visit.appointmentId })).toMatchObject({ code: 'forbidden', reason: 'appointment-not-yours' });
    expect(await refusalOf(ctx, visit.desk.desk, 'checklist:run-start', { appointmentId: visit.appointmentId })).toMatchObject({ code: 'forbidden' });
    const view = await start(visit);
    const byAdmin = (await callAs(ctx, visit.desk.admin, 'checklist:run-start', { appointmentId: visit.appointmentId })) as RunView;
    expect(byAdmin.run.id).toBe(view.run.id);
    const db = ctx.database.current();
    const copy = db.prepare('SELECT * FROM checklist_runs WHERE id = ?').get(view.run.id) as Record<string, unknown>;
    const columns = Object.keys(copy);
    expect(() => db.prepare(`INSERT INTO checklist_runs (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => (c === 'id' ? '019a0000-0000-7000-8000-0000000000ff' : copy[c])))).toThrow(/UNIQUE/);
    await ctx.close();
  });

  it('keeps evidence in the case attachment store, checked by type; required steps block completion and say which', async () => {
    const visit = await bookedVisit(tempDir());
    const { ctx } = visit.desk;
    const view = await start(visit);
    // No rebind yet: the automatic steps have no answer.
    expect(view.steps.filter((s) => s.current !== null)).toEqual([]);
    expect(await refusalOf(ctx, visit.engineer.window, 'checklist:evidence-add', { runId: view.run.id, stepId: 'site-photo', fileName: 'scan.pdf', dataBase64: pdfBase64 })).toMatchObject({
      code: 'invalid-input',
      reason: 'checklist-evidence-type',
    });
    const added = (await callAs(ctx, visit.engineer.window, 'checklist:evidence-add', { runId: view.run.id, stepId: 'site-photo', fileName: 'till.png', dataBase64: pngBase64 })) as { attachment: { id: string; sha256: string; mediaType: string } };
    expect(added.attachment.mediaType).toBe('image/png');
    expect(existsSync(contentPath(attachmentsDirOf(ctx.database.current().name.replace(/\/rebinddesk\.sqlite$/, '')), added.attachment.sha256))).toBe(true);
    const caseDetail = (await callAs(ctx, visit.desk.desk, 'desk:case-get', { caseId: visit.caseId })) as { attachments: { id: string; purpose: string }[] };
    expect(caseDetail.attachments).toEqual([expect.objectContaining({ id: added.attachment.id, purpose: 'checklist-evidence' })]);

    const refused = await finish(visit, view.run.id, { kind: 'completed' });
    expect(refused.finished).toBe(false);
    if (refused.finished) return;
    expect(refused.missing.map((m) => m.stepId)).toEqual(['identity', 'backup', 'settle', 'digest', 'sign-on', 'echo', 'receipt', 'sticker', 'test-sale', 'receipt-legible', 'merchant-signature', 'engineer-signature']);
    expect(refused.reasons[0]).toEqual({ code: 'checklist-required-missing', params: { count: 12 } });
    expect(refused.reasons[1]).toEqual({ code: 'checklist-step-not-passed', params: { position: 1, step: 'identity' } });
    expect(refused.reasons.at(-1)).toEqual({ code: 'checklist-step-missing', params: { position: 15, step: 'engineer-signature' } });
    // Nothing moved.
    const db = ctx.database.current();
    expect(db.prepare('SELECT status FROM appointments WHERE id = ?').get(visit.appointmentId)).toEqual({ status: 'confirmed' });
    expect(db.prepare('SELECT status FROM checklist_runs').all()).toEqual([{ status: 'open' }]);
    await ctx.close();
  });
});

describe('automatic steps and the outcome', () => {
  it('fills the automatic steps from the journal of a real rebind on the demo terminal; completed closes the appointment and the case', async () => {
    const visit = await bookedVisit(tempDir());
    const { ctx } = visit.desk;
    await rebindOnDemo(visit);
    const db = ctx.database.current();
    expect(db.prepare('SELECT state FROM cases WHERE id = ?').get(visit.caseId)).toEqual({ state: 'rebound' });
    const operation = db.prepare('SELECT id, target_digest AS target FROM rebind_operations').get() as { id: number; target: string };

    const view = await start(visit);
    expect(view.run.operationId).toBe(operation.id);
    const auto = Object.fromEntries(view.steps.filter((s) => s.current?.value.kind === 'auto').map((s) => [s.stepId, s.current!.value]));
    expect(Object.keys(auto)).toEqual(['identity', 'backup', 'settle', 'digest', 'sign-on', 'echo', 'receipt']);
    for (const value of Object.values(auto)) expect(value).toMatchObject({ passed: true, operationId: operation.id, stepStatus: expect.stringMatching(/^(ok|skipped)$/) });
    expect(auto['identity']).toMatchObject({ facts: { serialNumber: '1170012345', tid: '12345678', mismatches: [] } });
    expect(auto['digest']).toMatchObject({ facts: { targetDigest: operation.target, readBackDigest: operation.target, matched: true } });
    expect(auto['settle']).toMatchObject({ facts: { check: 'batch-settled', count: expect.any(Number), totalFen: expect.any(Number) } });
    expect((auto['receipt'] as { facts: { lines: string[] } }).facts.lines.length).toBeGreaterThan(0);
    expect(stepOf(view, 'identity').current!.source).toBe('journal');
    // Reading again finds the same facts: nothing new is appended.
    const refilled = (await callAs(ctx, visit.engineer.window, 'checklist:fill-automatic', { runId: view.run.id })) as RunView;
    expect(stepOf(refilled, 'identity').history).toHaveLength(1);

    await answerAllManual(visit, visit.engineer.window, view);
    const done = await finish(visit, view.run.id, { kind: 'completed', note: '商户确认' });
    expect(done).toMatchObject({ finished: true, appointmentStatus: 'done', caseState: 'closed', view: { run: { status: 'finished', outcome: { kind: 'completed' }, finishedBy: 'eng.1' }, missing: [] } });
    expect(db.prepare('SELECT status FROM appointments WHERE id = ?').get(visit.appointmentId)).toEqual({ status: 'done' });
    expect(db.prepare('SELECT action, created_by AS who FROM case_transitions WHERE case_id = ? ORDER BY rowid').all(visit.caseId).at(-1)).toEqual({ action: 'sign-off', who: 'eng.1' });
    const actions = readAuditPage(db, 0, 1000).map((r) => r.action);
    expect(actions).toContain('checklist-run.finished');
    expect(actions.filter((a) => a === 'checklist-run.automatic-filled')).toHaveLength(1);

    // Finished is final: no answer, no second run, and the appointment cannot be moved.
    expect(await refusalOf(ctx, visit.engineer.window, 'checklist:answer', { runId: view.run.id, stepId: 'remarks', value: { kind: 'text', text: '补充' } })).toMatchObject({ code: 'conflict', reason: 'checklist-run-finished' });
    expect(await refusalOf(ctx, visit.engineer.window, 'checklist:run-start', { appointmentId: visit.appointmentId })).toMatchObject({ reason: 'checklist-appointment-done' });
    const { version } = db.prepare('SELECT version FROM appointments WHERE id = ?').get(visit.appointmentId) as { version: number };
    expect(await refusalOf(ctx, visit.desk.desk, 'desk:cancel-appointment', { appointmentId: visit.appointmentId, version, reason: '商户要求取消' })).toMatchObject({ code: 'conflict', reason: 'appointment-already-done' });
    expect(() => db.prepare("UPDATE checklist_runs SET status = 'open' WHERE id = ?").run(view.run.id)).toThrow(/checklist-run-finished/);
    await ctx.close();
  });

  it('restored: the rebind already failed the case; the outcome closes the appointment and the case stays failed, a new visit can be booked', async () => {
    const visit = await bookedVisit(tempDir());
    const { ctx } = visit.desk;
    await rebindOnDemo(visit, false);
    const db = ctx.database.current();
    expect(db.prepare('SELECT state FROM cases WHERE id = ?').get(visit.caseId)).toEqual({ state: 'failed' });
    const view = await start(visit);
    expect(stepOf(view, 'sign-on').current!.value).toMatchObject({ kind: 'auto', passed: false });
    // Completed is refused while required steps are missing; restored is recorded anyway.
    expect((await finish(visit, view.run.id, { kind: 'completed' })).finished).toBe(false);
    const done = await finish(visit, view.run.id, { kind: 'restored', note: '新银行主机无应答，已恢复原参数' });
    expect(done).toMatchObject({ finished: true, appointmentStatus: 'done', caseState: 'failed' });
    const again = (await callAs(ctx, visit.desk.desk, 'desk:book', { caseId: visit.caseId, engineerId: visit.engineer.id, zone: 'Asia/Shanghai', slot: { start: '2026-12-02T02:00:00.000Z', end: '2026-12-02T03:00:00.000Z' } })) as { booked: boolean };
    expect(again.booked).toBe(true);
    await ctx.close();
  });

  it('failed after a rebound: the checklist finds the terminal not working and the case goes from rebound to failed with the cause', async () => {
    const visit = await bookedVisit(tempDir());
    const { ctx } = visit.desk;
    await rebindOnDemo(visit);
    const view = await start(visit);
    const done = await finish(visit, view.run.id, { kind: 'failed', cause: 'terminal-not-working', text: '刷卡无响应，读卡器故障' });
    expect(done).toMatchObject({ finished: true, caseState: 'failed', view: { run: { outcome: { kind: 'failed', cause: 'terminal-not-working' } } } });
    const db = ctx.database.current();
    expect(db.prepare('SELECT from_state AS f, to_state AS t, action, reason FROM case_transitions WHERE case_id = ? ORDER BY rowid').all(visit.caseId).at(-1)).toEqual({
      f: 'rebound',
      t: 'failed',
      action: 'record-failure',
      reason: 'checklist failed (terminal-not-working): 刷卡无响应，读卡器故障',
    });
    expect(db.prepare('SELECT outcome, failure_cause AS cause FROM checklist_runs').get()).toEqual({ outcome: 'failed', cause: 'terminal-not-working' });
    await ctx.close();
  });

  it('completed is refused while the case is not rebound (the rebind has not run), naming the state; a failure is recorded from scheduled', async () => {
    const visit = await bookedVisit(tempDir());
    const { ctx } = visit.desk;
    // A one-step template, so nothing but the case's state stands in the way.
    const [v1] = ((await callAs(ctx, visit.desk.admin, 'checklist:templates', { bankCode: 'acquirer-b' })) as { templates: ChecklistTemplateSummary[] }).templates;
    const tick = { id: 'powered', kind: 'tick', required: true, label: { 'zh-CN': '终端通电', 'en-US': 'Terminal powered' } };
    await callAs(ctx, visit.desk.admin, 'checklist:template-save', { content: { bankCode: 'acquirer-b', title: tick.label, steps: [tick] }, basedOn: { templateId: v1!.id, templateVersion: 1 } });
    const view = await start(visit);
    expect(view.run.templateVersion).toBe(2);
    await callAs(ctx, visit.engineer.window, 'checklist:answer', { runId: view.run.id, stepId: 'powered', value: { kind: 'tick', checked: true } });
    const refused = await finish(visit, view.run.id, { kind: 'completed' });
    expect(refused).toEqual({
      finished: false,
      missing: [],
      reasons: [{ code: 'checklist-outcome-case-state', params: { state: { code: 'case-state-scheduled', params: {} }, outcome: { code: 'checklist-outcome-completed', params: {} } } }],
    });
    const failed = await finish(visit, view.run.id, { kind: 'failed', cause: 'merchant-absent', text: '店铺未营业' });
    expect(failed).toMatchObject({ finished: true, caseState: 'failed' });
    const db = ctx.database.current();
    expect(db.prepare('SELECT action FROM case_transitions WHERE case_id = ? ORDER BY rowid').all(visit.caseId).map((r) => (r as { action: string }).action)).toEqual(['schedule', 'start-on-site', 'record-failure']);
    await ctx.close();
  });
});
