// The On-site view when the journal's disk fills in the middle of a rebind, through the real router
// and main context on the demo terminal: the view gets an outcome (needs-attention /
// database-failed, with what the terminal holds), not "start failed"; the operation is in the
// pending list, and once the disk has room it is recovered from the same page.
// The disk "fills" as in tests/integration/rebind/database-failure.test.ts: max_page_count caps the
// real file after COMMIT, and a TEMP trigger makes the next journal write need new pages.
import { inEnglish } from '../../../shared/errors/reasons-en';
import { describe, expect, it } from 'vitest';
import type { RebindEvent, RebindOutcome } from '../../../shared/rebind';
import type { PendingOperation } from '../../../shared/rebind/rebind-ipc';
import { demoPortPath } from '../../../shared/terminal/port-info';
import { useTempDir } from '../support/temp-dir';
import { callAs, createFirstAdmin, testMainContext, testWindow } from '../support/main-context';

const tempDir = useTempDir();
const merchant = { tid: '12345678', mid: '898310048140001', name: '上海示例便利店', mcc: '5411' };

describe('On-site: the database fails mid-run', () => {
  it('ends as an outcome with what the terminal holds; the pending list offers it, and it recovers once there is room', async () => {
    const ctx = testMainContext(tempDir(), {}, { demoLine: null });
    const admin = testWindow();
    const outcomes: RebindOutcome[] = [];
    const startFailures: string[] = [];
    ctx.events.addSink((event, payload) => {
      if (event === 'rebind:start-failed') startFailures.push((payload as { message: string }).message);
      if (event !== 'rebind:event') return;
      const e = payload as RebindEvent;
      if (e.type === 'outcome') outcomes.push(e.outcome);
      if (e.type === 'step-finished' && e.step === 'commit' && e.status === 'ok') {
        const db = ctx.database.current();
        db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      }
    });
    await createFirstAdmin(ctx);
    await callAs(ctx, admin, 'terminal:connect', { path: demoPortPath, baudRate: 115200 });
    ctx.database.current().exec(`
      CREATE TABLE scratch_fill (b BLOB);
      CREATE TEMP TRIGGER fill_the_disk AFTER INSERT ON main.rebind_steps WHEN NEW.step = 'read-back'
        BEGIN INSERT INTO scratch_fill VALUES (zeroblob(262144)); END;
    `);

    await callAs(ctx, admin, 'rebind:start', { templateId: 'acquirer-b', merchant, workOrder: {} });
    await ctx.onsite.idle();
    expect(startFailures).toEqual([]);
    expect(outcomes).toHaveLength(1);
    const failed = outcomes[0]!;
    expect(failed).toMatchObject({ outcome: 'needs-attention', reason: 'database-failed', operationOpen: true });
    expect(failed.finalDigest).toBe(failed.targetDigest);
    expect(failed.known.map(inEnglish).join(' ')).toContain('with a previous set kept, not confirmed (F009 = 1)');
    expect(failed.backupId).toBeGreaterThan(0);

    // Room again: the page's pending list has it, and Resume finishes it.
    ctx.database.current().exec('DROP TRIGGER temp.fill_the_disk; DROP TABLE scratch_fill;');
    ctx.database.current().pragma('max_page_count = 1073741823');
    const pending = (await callAs(ctx, admin, 'rebind:pending', {})) as { operations: PendingOperation[] };
    expect(pending.operations).toEqual([expect.objectContaining({ operationId: failed.operationId, lastStep: 'commit' })]);
    await callAs(ctx, admin, 'rebind:recover', { operationId: failed.operationId, mode: 'resume' });
    await ctx.onsite.idle();
    expect(outcomes[1]).toMatchObject({ operationId: failed.operationId, outcome: 'rebound' });
    await ctx.close();
  });
});
