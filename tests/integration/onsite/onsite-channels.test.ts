import { describe, expect, it } from 'vitest';
import type { RebindEvent } from '../../../shared/rebind';
import { demoPortPath } from '../../../shared/terminal/port-info';
import { useTempDir } from '../support/temp-dir';
import { callAs, createFirstAdmin, testMainContext, testWindow } from '../support/main-context';

// The On-site channels through the real router and main context, on the built-in demo terminal.
const tempDir = useTempDir();
const merchant = { tid: '12345678', mid: '898310048140001', name: '上海示例便利店', mcc: '5411' };

describe('On-site channels', () => {
  it('runs one rebind at a time, refuses a restore meanwhile, and reports the outcome as an event', async () => {
    const ctx = testMainContext(tempDir(), {}, { demoLine: null });
    const events: RebindEvent[] = [];
    ctx.events.addSink((event, payload) => {
      if (event === 'rebind:event') events.push(payload as RebindEvent);
    });
    await createFirstAdmin(ctx);
    const admin = testWindow();
    const templates = (await callAs(ctx, admin, 'rebind:templates', {})) as { templates: { id: string }[] };
    expect(templates.templates.map((t) => t.id)).toContain('acquirer-b');
    await callAs(ctx, admin, 'terminal:connect', { path: demoPortPath, baudRate: 115200 });

    const input = { templateId: 'acquirer-b', merchant, workOrder: { expectedSerial: '1170012345' } };
    const [first, second] = await Promise.allSettled([callAs(ctx, admin, 'rebind:start', input), callAs(ctx, admin, 'rebind:start', input)]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { started: true } });
    expect(second).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } });
    await expect(callAs(ctx, admin, 'backup:restore', { source: { kind: 'choose' } })).rejects.toMatchObject({ code: 'conflict' });

    await ctx.onsite.idle();
    const outcome = events.find((e) => e.type === 'outcome');
    expect(outcome).toMatchObject({ outcome: { outcome: 'rebound' } });
    // The page gets the terminal back, identified afresh on the new set.
    const state = (await callAs(ctx, admin, 'terminal:state', {})) as { status: string; identity: { activeDigest: string } };
    expect(state.status).toBe('connected');
    expect(state.identity.activeDigest).toBe((outcome as { outcome: { finalDigest: string } }).outcome.finalDigest);
    await ctx.close();
  });

  it('refuses a merchant value the terminal would refuse, naming the field, before anything is sent', async () => {
    const ctx = testMainContext(tempDir(), {}, { demoLine: null });
    await createFirstAdmin(ctx);
    const admin = testWindow();
    await callAs(ctx, admin, 'terminal:connect', { path: demoPortPath, baudRate: 115200 });
    const result = await ctx.router.handle('rebind:start', { templateId: 'acquirer-b', merchant: { ...merchant, mcc: '54' }, workOrder: {} }, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(`${result.error.field} ${result.error.message}`).toMatch(/A014|mcc/i);
    expect(((await callAs(ctx, admin, 'terminal:state', {})) as { status: string }).status).toBe('connected');
    await ctx.close();
  });

  it('needs a connected terminal', async () => {
    const ctx = testMainContext(tempDir(), {}, { demoLine: null });
    await createFirstAdmin(ctx);
    await expect(callAs(ctx, testWindow(), 'rebind:start', { templateId: 'acquirer-b', merchant, workOrder: {} })).rejects.toMatchObject({ code: 'conflict' });
    await ctx.close();
  });
});
