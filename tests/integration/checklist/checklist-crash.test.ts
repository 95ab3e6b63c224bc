// A crash during a run (issue 11): a child process answers steps on the real SQLite file and is
// killed with SIGKILL, between answers or wherever it is; every answer it reported given is there
// after the app reopens the file, in order, each with its audit entry, and the file is whole.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { readAuditPage } from '../../../electron/main/audit/audit-rows';
import { databaseFileName } from '../../../electron/main/main-context';
import type { RunView } from '../../../shared/checklist';
import { callAs, testMainContext, testWindow, testAdmin } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { bookedVisit } from './checklist-rig';

const tempDir = useTempDir('rebinddesk-checklist-crash-');
const CHILD_WAIT_MS = 120_000;

interface Given { index: number; stepId: string; answerId: string }

// Answers that alternate between two steps, so each step's history grows while the child runs.
const answers = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? { stepId: 'signal', value: { kind: 'number', value: -100 + i } } : { stepId: 'remarks', value: { kind: 'text', text: `第 ${i} 次备注` } }));

/** Starts the child on a run, reads its lines, kills it with SIGKILL after `killAfter` answers; returns what it reported. */
async function answerThenKill(dataDir: string, runId: string, operatorId: number, paced: boolean, killAfter: number): Promise<{ given: Given[]; signal: NodeJS.Signals | null }> {
  const job = { dbPath: join(dataDir, databaseFileName), dataDir, runId, actor: { operatorId, username: testAdmin.username, role: 'admin' }, answers, paced };
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'answer-child.ts'), JSON.stringify(job)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const given: Given[] = [];
  const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_WAIT_MS);
  for await (const line of createInterface({ input: child.stdout })) {
    given.push(JSON.parse(line) as Given);
    if (given.length === killAfter) {
      child.kill('SIGKILL');
      break;
    }
    if (paced) child.stdin.write('next\n');
  }
  const signal = await exited;
  clearTimeout(timer);
  expect(given.length, `the child stopped early: ${stderr}`).toBe(killAfter);
  return { given, signal };
}

async function crashCase(paced: boolean, killAfter: number) {
  const dataDir = tempDir();
  const visit = await bookedVisit(dataDir);
  const adminId = (visit.desk.ctx.database.current().prepare('SELECT id FROM operators WHERE username = ?').get(testAdmin.username) as { id: number }).id;
  const view = (await callAs(visit.desk.ctx, visit.engineer.window, 'checklist:run-start', { appointmentId: visit.appointmentId })) as RunView;
  await visit.desk.ctx.close();

  const { given, signal } = await answerThenKill(dataDir, view.run.id, adminId, paced, killAfter);
  expect(signal).toBe('SIGKILL');

  // The app opens the file again, as after a crash.
  const ctx = testMainContext(dataDir);
  const admin = testWindow('after-crash');
  await callAs(ctx, admin, 'auth:sign-in', { username: testAdmin.username, password: testAdmin.password });
  const after = (await callAs(ctx, admin, 'checklist:run-get', { runId: view.run.id })) as RunView;
  const stored = after.steps.flatMap((s) => s.history);
  for (const one of given) {
    const found = stored.find((a) => a.id === one.answerId);
    expect(found, `answer ${one.index} (${one.stepId}) was reported given and is gone`).toBeDefined();
    expect(found!.value).toEqual(answers[one.index]!.value);
    expect(found!.answeredBy).toBe(testAdmin.username);
  }
  // Each step's history is one line: every answer replaces the one before it.
  for (const step of after.steps) step.history.forEach((a, i) => expect(a.replaces).toBe(i === 0 ? null : step.history[i - 1]!.id));
  const db = ctx.database.current();
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const audited = new Set(readAuditPage(db, 0, 5000).filter((r) => r.action === 'checklist-run.answered').map((r) => JSON.parse(r.payload).answerId as string));
  expect(stored.filter((a) => a.source === 'engineer').every((a) => audited.has(a.id))).toBe(true);
  await ctx.close();
  return { given, stored };
}

describe('a crash during a checklist run', () => {
  it('killed between answers: every answer given before the kill is there after reopening, none after it', async () => {
    const { given, stored } = await crashCase(true, 7);
    // Paced, the child was waiting for "next" when it died: exactly the seven answers it reported.
    expect(stored.map((a) => a.id).sort()).toEqual(given.map((g) => g.answerId).sort());
  });

  it('killed wherever it is while answering flat out: every answer it reported given is there', async () => {
    const { given, stored } = await crashCase(false, 15);
    // The one it may have been committing when killed is there or not, never half.
    expect(stored.length).toBeGreaterThanOrEqual(given.length);
    expect(stored.length).toBeLessThanOrEqual(given.length + 2);
  });
});
