// A crash while in training, and a reset, on real SQLite files. The child enters training in its
// own process and is killed with SIGKILL; the app opened again is in real mode, records the
// window as having left training ("restart"), and its training file is whole. A reset throws the
// training data away (a case cancelled there too) and seeds a new case ready to book.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { TrainingStatus } from '../../../shared/training/training';
import { callAs, createFirstAdmin, testMainContext, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { refusalOf } from '../desk/booking-fixture';

const tempDir = useTempDir('rebinddesk-training-crash-');
const CHILD_WAIT_MS = 120_000;

async function enterThenKill(dataDir: string): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'enter-child.ts'), dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_WAIT_MS);
  let entered = false;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line === 'entered') {
      entered = true;
      child.kill('SIGKILL');
      break;
    }
  }
  const signal = await exited;
  clearTimeout(timer);
  expect(entered, `the child did not enter training: ${stderr}`).toBe(true);
  return signal;
}

describe('training mode after a crash, and reset', () => {
  it('comes back in real mode after a SIGKILL in training, with the window recorded as having left', async () => {
    const dataDir = tempDir();
    const first = testMainContext(dataDir);
    await createFirstAdmin(first);
    await first.close();

    expect(await enterThenKill(dataDir)).toBe('SIGKILL');

    const ctx = testMainContext(dataDir);
    const window = testWindow('after-crash');
    const db = ctx.database.current();
    const trail = db.prepare("SELECT action, json_extract(payload, '$.cause') AS cause FROM audit_log WHERE action LIKE 'training.%' ORDER BY seq").all();
    expect(trail).toEqual([
      { action: 'training.entered', cause: null },
      { action: 'training.left', cause: 'restart' },
    ]);
    await callAs(ctx, window, 'auth:sign-in', { username: 'test.admin', password: 'blue terminal 42' });
    expect(((await callAs(ctx, window, 'training:status', {})) as TrainingStatus).active).toBe(false);
    // The training file the killed child wrote is whole: entering again finds its seeded case.
    const again = (await callAs(ctx, window, 'training:enter', {})) as TrainingStatus;
    expect(again.seed?.serial).toBe('1170012345');
    await ctx.close();
    // An orderly close records the window as closed: the next start has nothing to recover.
    const reopened = testMainContext(dataDir);
    const causes = reopened.database.current().prepare("SELECT json_extract(payload, '$.cause') AS cause FROM audit_log WHERE action = 'training.left' ORDER BY seq").all();
    expect(causes).toEqual([{ cause: 'restart' }, { cause: 'window-closed' }]);
    await reopened.close();
  }, 180_000);

  it('resets the training data: the cancelled case is gone and a new case is ready to book; refused while another window trains', async () => {
    const dataDir = tempDir();
    const ctx = testMainContext(dataDir);
    const admin = testWindow('admin');
    const other = testWindow('other');
    await createFirstAdmin(ctx, admin);
    await callAs(ctx, other, 'auth:sign-in', { username: 'test.admin', password: 'blue terminal 42' });
    const entered = (await callAs(ctx, admin, 'training:enter', {})) as TrainingStatus;
    const firstCase = entered.seed!.caseId;
    await callAs(ctx, admin, 'desk:case-transition', { caseId: firstCase, version: (await callAs(ctx, admin, 'desk:case-get', { caseId: firstCase }) as { case: { version: number } }).case.version, action: 'cancel', reason: '培训练习取消' });
    expect(((await callAs(ctx, admin, 'training:status', {})) as TrainingStatus).seed).toBeNull();
    await callAs(ctx, other, 'training:enter', {});
    expect((await refusalOf(ctx, admin, 'training:reset', {})).reason).toBe('training-reset-others');
    await callAs(ctx, other, 'training:leave', {});
    const reset = (await callAs(ctx, admin, 'training:reset', {})) as TrainingStatus;
    expect(reset.active).toBe(true);
    expect(reset.seed!.caseId).not.toBe(firstCase);
    const list = (await callAs(ctx, admin, 'desk:cases-list', {})) as { rows: { id: string; state: string }[] };
    expect(list.rows.map((r) => [r.id, r.state])).toEqual([[reset.seed!.caseId, 'agreement-signed']]);
    const actions = ctx.database.current().prepare("SELECT action FROM audit_log WHERE action LIKE 'training.%' ORDER BY seq").all();
    expect(actions.map((a) => (a as { action: string }).action)).toEqual(['training.entered', 'training.entered', 'training.left', 'training.reset']);
    await ctx.close();
  }, 180_000);
});
