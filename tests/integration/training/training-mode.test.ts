// Training mode (issue 11 point 5) on real SQLite files: a whole training appointment (the seeded
// case booked, the rebind on the demo terminal, the checklist finished) lands in
// training/rebinddesk-training.sqlite only: not in the real case list, not in the real file's
// appointments, runs or outcome tables the Reports page reads, not in the real outbox. Entering and
// leaving are audited on the real file; a real port and a real-only channel are refused with a
// translated reason; the training file keeps its own audit chain.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type { RunView } from '../../../shared/checklist';
import { renderReason } from '../../../shared/errors/reason';
import { demoPortPath } from '../../../shared/terminal/port-info';
import type { TrainingStatus } from '../../../shared/training/training';
import { messages } from '../../../renderer/src/i18n';
import { openDatabaseHolder } from '../../../electron/main/db/database-holder';
import { migrations } from '../../../electron/main/db/migrations';
import { verifyAuditChain } from '../../../electron/main/audit/audit-verify';
import { callAs } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { openDesk, refusalOf, seedCase } from '../desk/booking-fixture';
import { answerAllManual } from '../checklist/checklist-rig';

const tempDir = useTempDir('rebinddesk-training-');

interface WorkOrder { caseId: string; templateId: string; merchant: { tid: string; mid: string; name: string; mcc: string }; workOrder: Record<string, unknown> }

const count = (db: Database.Database, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
const trainingEntries = (db: Database.Database) =>
  db.prepare("SELECT actor, action, payload FROM audit_log WHERE action LIKE 'training.%' ORDER BY seq").all() as { actor: string; action: string; payload: string }[];
const zh = (code: string, params: Record<string, string>) => renderReason({ code, params }, messages['zh-CN'].errors.reasons as Record<string, string>);
const en = (code: string, params: Record<string, string>) => renderReason({ code, params }, messages['en-US'].errors.reasons as Record<string, string>);

describe('training mode', () => {
  it('runs a whole appointment on the training file; the real case list, the report tables and the outbox never see it', async () => {
    const dataDir = tempDir();
    const desk = await openDesk(dataDir, 1);
    const { ctx } = desk;
    const engineer = desk.engineers[0]!;
    const real = ctx.database.current();
    // A real case for the same demo terminal: one open case per terminal holds per file, so both exist.
    const realCase = seedCase(real, desk.modelIds, { model: 'PAX A920', serial: '1170012345', tid: '12345678' });
    const outboxBefore = count(real, 'SELECT count(*) AS n FROM outbox');
    const realTables = ['cases', 'appointments', 'checklist_runs', 'checklist_answers', 'rebind_operations', 'merchants', 'terminals'];
    const realCounts = Object.fromEntries(realTables.map((t) => [t, count(real, `SELECT count(*) AS n FROM ${t}`)]));

    // The desk enters training: the case is seeded, ready to book.
    const deskStatus = (await callAs(ctx, desk.desk, 'training:enter', {})) as TrainingStatus;
    expect(deskStatus.active).toBe(true);
    const trainingCaseId = deskStatus.seed!.caseId;
    expect(deskStatus.seed!.serial).toBe('1170012345');
    const trainingFile = join(dataDir, 'training', 'rebinddesk-training.sqlite');
    expect(existsSync(trainingFile)).toBe(true);
    const inTraining = (await callAs(ctx, desk.desk, 'desk:cases-list', { limit: 50 })) as { rows: { id: string; state: string }[] };
    expect(inTraining.rows.map((r) => r.id)).toEqual([trainingCaseId]);
    expect(inTraining.rows[0]!.state).toBe('agreement-signed');

    // The engineer trains too; their training profile is the one the desk books.
    await callAs(ctx, engineer.window, 'training:enter', {});
    const reference = (await callAs(ctx, desk.desk, 'desk:reference', {})) as { engineers: { id: string; username: string }[] };
    const profile = reference.engineers.find((e) => e.username === engineer.username)!;
    expect(profile.id).not.toBe(engineer.id);
    const booked = (await callAs(ctx, desk.desk, 'desk:book', { caseId: trainingCaseId, engineerId: profile.id, zone: 'Asia/Shanghai', slot: { start: '2026-12-01T03:00:00.000Z', end: '2026-12-01T04:00:00.000Z' } })) as { booked: boolean; appointment: { id: string } };
    expect(booked.booked).toBe(true);
    const today = (await callAs(ctx, engineer.window, 'desk:today', {})) as { appointments: { appointmentId?: string; id?: string }[] };
    expect(JSON.stringify(today.appointments)).toContain(booked.appointment.id);

    // Only the demo terminal: a real port is refused, with the reason in both languages.
    const refusal = await refusalOf(ctx, engineer.window, 'terminal:connect', { path: '/dev/ttyUSB0', baudRate: 115200 });
    expect(refusal.reason).toBe('training-demo-terminal-only');
    expect(refusal.params).toEqual({ port: '/dev/ttyUSB0' });
    expect(zh(refusal.reason!, { port: '/dev/ttyUSB0' })).toBe('培训模式只能使用演示终端，未打开端口 /dev/ttyUSB0。请选择“演示终端”；要操作真实终端，请先退出培训模式。');
    expect(en(refusal.reason!, { port: '/dev/ttyUSB0' })).toContain('demo terminal only; the port /dev/ttyUSB0 was not opened');
    const ports = (await callAs(ctx, engineer.window, 'terminal:list-ports', {})) as { ports: { path: string }[] };
    expect(ports.ports.map((p) => p.path)).toEqual([demoPortPath]);

    // The rebind on the demo terminal, then the checklist, finished: the appointment closes.
    const order = (await callAs(ctx, engineer.window, 'desk:appointment-work-order', { appointmentId: booked.appointment.id })) as WorkOrder;
    expect(order.caseId).toBe(trainingCaseId);
    await callAs(ctx, engineer.window, 'terminal:connect', { path: demoPortPath, baudRate: 115200 });
    const run = (await callAs(ctx, engineer.window, 'checklist:run-start', { appointmentId: booked.appointment.id })) as RunView;
    await callAs(ctx, engineer.window, 'rebind:start', { templateId: order.templateId, merchant: { ...order.merchant, mcc: '5411' }, workOrder: order.workOrder, caseId: order.caseId });
    // Leaving while the rebind runs is refused: the training terminal would be left mid-rebind.
    const leaving = await refusalOf(ctx, engineer.window, 'training:leave', {});
    expect(leaving.reason).toBe('training-rebind-running');
    await ctx.training.idle();
    const filled = (await callAs(ctx, engineer.window, 'checklist:fill-automatic', { runId: run.run.id })) as RunView;
    await answerAllManual({ desk, caseId: trainingCaseId, appointmentId: booked.appointment.id, engineer }, engineer.window, filled);
    const finished = (await callAs(ctx, engineer.window, 'checklist:finish', { runId: run.run.id, outcome: { kind: 'completed' } })) as { finished: boolean; caseState?: string; reasons?: unknown };
    expect(finished, JSON.stringify(finished.reasons)).toMatchObject({ finished: true, caseState: 'closed' });

    // The service report's channels reach the training file: the finished run is issuable there.
    const reports = (await callAs(ctx, engineer.window, 'report:list', { caseId: trainingCaseId })) as { reports: unknown[]; issuable: unknown[] };
    expect(reports.reports).toEqual([]);
    expect(reports.issuable).toHaveLength(1);

    // The real file: the same counts as before, its own case untouched, no outbox row.
    for (const t of realTables) expect(count(real, `SELECT count(*) AS n FROM ${t}`), t).toBe(realCounts[t]);
    expect(count(real, 'SELECT count(*) AS n FROM cases WHERE id = ?', trainingCaseId)).toBe(0);
    expect(count(real, 'SELECT count(*) AS n FROM outbox')).toBe(outboxBefore);
    expect(real.prepare('SELECT state FROM cases WHERE id = ?').get(realCase.caseId)).toEqual({ state: 'agreement-signed' });
    // A real window (the admin) sees the real case only.
    const realList = (await callAs(ctx, desk.admin, 'desk:cases-list', { limit: 50 })) as { rows: { id: string }[] };
    expect(realList.rows.map((r) => r.id)).toEqual([realCase.caseId]);

    // Backups and operators are real-only: refused in training, with the reason translated.
    await callAs(ctx, desk.admin, 'training:enter', {});
    const backup = await refusalOf(ctx, desk.admin, 'backup:list', {});
    expect(backup).toMatchObject({ code: 'forbidden', reason: 'training-channel-refused', params: { channel: 'backup:list' } });
    expect(zh('training-channel-refused', { channel: 'backup:list' })).toBe('培训模式下不能使用此功能（backup:list）：请先退出培训模式。');
    expect((await refusalOf(ctx, desk.admin, 'desk:export', { kind: 'merchants', encoding: 'utf-8', includeSensitive: false })).reason).toBe('training-channel-refused');

    // Leaving is audited on the real file, and the window is back on real data.
    await callAs(ctx, desk.desk, 'training:leave', {});
    await callAs(ctx, desk.admin, 'training:leave', {});
    expect(((await callAs(ctx, desk.desk, 'desk:cases-list', { limit: 50 })) as { rows: { id: string }[] }).rows.map((r) => r.id)).toEqual([realCase.caseId]);
    await callAs(ctx, engineer.window, 'auth:sign-out', {});
    const entries = trainingEntries(real);
    expect(entries.map((e) => [e.actor, e.action, JSON.parse(e.payload).cause ?? null])).toEqual([
      ['desk.wang', 'training.entered', null],
      [engineer.username, 'training.entered', null],
      ['test.admin', 'training.entered', null],
      ['desk.wang', 'training.left', 'left'],
      ['test.admin', 'training.left', 'left'],
      [engineer.username, 'training.left', 'signed-out'],
    ]);
    expect(verifyAuditChain(real).ok).toBe(true);
    await ctx.close();

    // The training file has the appointment, and its own intact audit chain, with the whole visit in it.
    const holder = openDatabaseHolder(trainingFile, { migrations });
    const training = holder.current();
    expect(training.prepare('SELECT state FROM cases WHERE id = ?').get(trainingCaseId)).toEqual({ state: 'closed' });
    expect(count(training, "SELECT count(*) AS n FROM audit_log WHERE action = 'checklist-run.finished'")).toBe(1);
    expect(count(training, "SELECT count(*) AS n FROM audit_log WHERE action LIKE 'training.%' AND action != 'training.people-copied'")).toBe(0);
    expect(verifyAuditChain(training).ok).toBe(true);
    holder.close();
  }, 120_000);
});
