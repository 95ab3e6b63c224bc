// A desk with a booked demo case, ready for a checklist: the sample banks and shipped checklist
// templates, a desk user, engineers, and helpers that run the real rebind on the built-in demo
// terminal (the way tests/integration/desk/booking-day.test.ts does) and answer every step.
import { expect } from 'vitest';
import type { RunView } from '../../../shared/checklist';
import { demoPortPath } from '../../../shared/terminal/port-info';
import { callAs } from '../support/main-context';
import { openDesk, seedCase, type Desk } from '../desk/booking-fixture';
import type { SenderInfo } from '../../../electron/main/ipc/router';
import type { MainContextOptions } from '../../../electron/main/main-context';

/** A 1×1 PNG. */
export const pngBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
/** The first bytes of a PDF: the photo steps refuse it. */
export const pdfBase64 = Buffer.from('%PDF-1.4\n%âãÏÓ\n').toString('base64');

export const drawnSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 300 150" width="300" height="150">' +
  '<path d="M 10.000,20.000 C 11.000,21.000 12.000,22.000 13.000,23.000" stroke-width="2.250" stroke="black" fill="none" stroke-linecap="round"></path></svg>';

export function signature(signer: 'merchant' | 'engineer', name: string, x = 10) {
  const stroke = { penColor: 'black', dotSize: 0, minWidth: 0.5, maxWidth: 2.5, velocityFilterWeight: 0.7, compositeOperation: 'source-over', points: [{ x, y: 20, pressure: 0.5, time: 1 }, { x: x + 3, y: 23, pressure: 0.5, time: 20 }] };
  return { kind: 'signature', signer, signerName: name, strokes: [stroke], svg: drawnSvg, width: 300, height: 150 } as const;
}

export interface Visit {
  desk: Desk;
  caseId: string;
  appointmentId: string;
  engineer: Desk['engineers'][number];
}

interface WorkOrder { caseId: string; templateId: string; merchant: { tid: string; mid: string; name: string; mcc: string }; workOrder: Record<string, unknown> }

/** A desk (samples, shipped templates) with the demo terminal's case booked for engineer 1. */
export async function bookedVisit(dataDir: string, engineers = 1, extra: Partial<MainContextOptions> = {}): Promise<Visit> {
  const desk = await openDesk(dataDir, engineers, undefined, undefined, extra);
  const db = desk.ctx.database.current();
  const seeded = seedCase(db, desk.modelIds, { model: 'PAX A920', firmware: 'PayDroid 7.1.2', serial: '1170012345', tid: '12345678', shortName: '浦东便利' });
  const engineer = desk.engineers[0]!;
  const booked = (await callAs(desk.ctx, desk.desk, 'desk:book', { caseId: seeded.caseId, engineerId: engineer.id, zone: 'Asia/Shanghai', slot: { start: '2026-12-01T06:00:00.000Z', end: '2026-12-01T07:00:00.000Z' } })) as { booked: boolean; appointment: { id: string } };
  expect(booked.booked).toBe(true);
  return { desk, caseId: seeded.caseId, appointmentId: booked.appointment.id, engineer };
}

/** Runs the rebind of the visit's work order on the demo terminal (host reachable or not). */
export async function rebindOnDemo(visit: Visit, hostReachable = true): Promise<void> {
  const { desk, engineer, appointmentId } = visit;
  const order = (await callAs(desk.ctx, engineer.window, 'desk:appointment-work-order', { appointmentId })) as WorkOrder;
  await callAs(desk.ctx, engineer.window, 'terminal:connect', { path: demoPortPath, baudRate: 115200 });
  if (!hostReachable) await callAs(desk.ctx, engineer.window, 'terminal:demo-control', { hostReachable: false });
  await callAs(desk.ctx, engineer.window, 'rebind:start', { templateId: order.templateId, merchant: { ...order.merchant, mcc: '5411' }, workOrder: order.workOrder, caseId: order.caseId });
  await desk.ctx.onsite.idle();
}

/** Answers every manual step of the acquirer-b template as a passing visit would. */
export async function answerAllManual(visit: Visit, window: SenderInfo, view: RunView): Promise<void> {
  const answer = (stepId: string, value: unknown) => callAs(visit.desk.ctx, window, 'checklist:answer', { runId: view.run.id, stepId, value });
  for (const step of view.template.steps) {
    if (step.kind === 'tick') await answer(step.id, { kind: 'tick', checked: true });
    if (step.kind === 'choice') await answer(step.id, { kind: 'choice', optionId: step.options[0]!.id });
    if (step.kind === 'number') await answer(step.id, { kind: 'number', value: step.max });
    if (step.kind === 'text') await answer(step.id, { kind: 'text', text: '终端工作正常' });
    if (step.kind === 'evidence') await callAs(visit.desk.ctx, window, 'checklist:evidence-add', { runId: view.run.id, stepId: step.id, fileName: 'till.png', dataBase64: pngBase64 });
    if (step.kind === 'signature') await answer(step.id, signature(step.signer, step.signer === 'merchant' ? '张三' : visit.engineer.username));
  }
}
