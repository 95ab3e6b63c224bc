// Cancel from the On-site view (`rebind:cancel`) and at app shutdown, through the real router and
// main context on the built-in demo terminal: the run stops at its next safe point and ends on a
// verified set; a shutdown waits a bounded time, then leaves the run to recovery.
import { describe, expect, it } from 'vitest';
import type { RebindEvent, RebindOutcome } from '../../../shared/rebind';
import { demoPortPath } from '../../../shared/terminal/port-info';
import { databaseFileName, type MainContext } from '../../../electron/main/main-context';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { migrations } from '../../../electron/main/db/migrations';
import { join } from 'node:path';
import { useTempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { callAs, createFirstAdmin, testMainContext, testWindow } from '../support/main-context';

const tempDir = useTempDir();
const merchant = { tid: '12345678', mid: '898310048140001', name: '上海示例便利店', mcc: '5411' };
const input = { templateId: 'acquirer-b', merchant, workOrder: {} };

async function connected(ctx: MainContext, onEvent: (event: RebindEvent) => void): Promise<void> {
  ctx.events.addSink((event, payload) => {
    if (event === 'rebind:event') onEvent(payload as RebindEvent);
  });
  await createFirstAdmin(ctx);
  await callAs(ctx, testWindow(), 'terminal:connect', { path: demoPortPath, baudRate: 115200 });
}

describe('On-site cancel', () => {
  it('rebind:cancel while staging stops at the next safe point: restored / cancelled, no COMMIT', async () => {
    const ctx = testMainContext(tempDir(), {}, { demoLine: null });
    const admin = testWindow();
    let outcome: RebindOutcome | undefined;
    const cancels: Promise<unknown>[] = [];
    await connected(ctx, (event) => {
      if (event.type === 'step-started' && event.step === 'stage') cancels.push(callAs(ctx, admin, 'rebind:cancel', {}));
      if (event.type === 'outcome') outcome = event.outcome;
    });
    expect(await callAs(ctx, admin, 'rebind:cancel', {})).toEqual({ cancelling: false });
    await callAs(ctx, admin, 'rebind:start', input);
    await ctx.onsite.idle();
    expect(await Promise.all(cancels)).toEqual([{ cancelling: true }]);
    expect(outcome).toMatchObject({ outcome: 'restored', reason: 'cancelled' });
    expect(outcome!.steps.map((s) => s.step)).not.toContain('commit');
    expect(outcome!.finalDigest).toBe(outcome!.digestBefore);
    await ctx.close();
  });

  it('closing the app cancels a running rebind and waits for it to end on a verified set', async () => {
    const ctx = testMainContext(tempDir(), {}, { demoLine: null });
    const outcomes: RebindOutcome[] = [];
    let closing: Promise<void> | undefined;
    await connected(ctx, (event) => {
      if (event.type === 'step-finished' && event.step === 'commit' && event.status === 'ok') closing ??= ctx.close();
      if (event.type === 'outcome') outcomes.push(event.outcome);
    });
    await callAs(ctx, testWindow(), 'rebind:start', input);
    await ctx.onsite.idle();
    await closing;
    expect(outcomes).toMatchObject([{ outcome: 'restored', reason: 'cancelled', operationOpen: false }]);
  });

  it('closing the app gives up on a rebind that does not end within the grace period; it stays open for recovery', async () => {
    const dir = tempDir();
    const waited: number[] = [];
    const ctx = testMainContext(dir, {}, {
      demoLine: null,
      shutdownGraceMs: 2000,
      // The grace period ends as soon as it starts, not by the wall clock: long before the run can
      // reach a verified set, whatever the order in which the modules close.
      shutdownWait: (ms) => {
        waited.push(ms);
        return Promise.resolve();
      },
    });
    let closing: Promise<void> | undefined;
    let closed = false;
    await connected(ctx, (event) => {
      if (event.type === 'step-started' && event.step === 'settle' && closing === undefined) {
        closing = ctx.close().then(() => {
          closed = true;
        });
      }
    });
    await callAs(ctx, testWindow(), 'rebind:start', input);
    await waitFor(() => closing !== undefined, 10_000, 'the settle step starting');
    await closing;
    expect(closed).toBe(true);
    expect(waited).toEqual([2000]);
    // The database is closed and the operation is still open in the journal, for the next start to recover.
    const { db } = openAppDatabase(join(dir, databaseFileName), { migrations });
    expect(db.prepare('SELECT status FROM rebind_operations').all()).toEqual([{ status: 'open' }]);
    db.close();
  });
});
