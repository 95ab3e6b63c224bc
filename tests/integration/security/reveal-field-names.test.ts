import { describe, expect, it } from 'vitest';
import { demoPortPath } from '../../../shared/terminal/port-info';
import { callAs, createFirstAdmin, testMainContext, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';

// sensitive:reveal through the real router, with the built-in demo terminal connected: a field name
// that is a property of every JavaScript object must not be taken for a revealable field.
const tempDir = useTempDir('rebinddesk-reveal-names-');

describe('sensitive:reveal field names', () => {
  it('refuses inherited property names as invalid input, before any service and without touching the terminal', async () => {
    const ctx = testMainContext(tempDir(), {}, { demoLine: null });
    const admin = testWindow();
    await createFirstAdmin(ctx, admin);
    await callAs(ctx, admin, 'terminal:connect', { path: demoPortPath, baudRate: 115200 });
    const state = (await callAs(ctx, admin, 'terminal:state', {})) as { identity: { serialNumber: string } };
    const serial = state.identity.serialNumber;
    const logBefore = ((await callAs(ctx, admin, 'terminal:link-log', {})) as { entries: unknown[] }).entries.length;
    const auditBefore = ctx.database.current().prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log').get()!.n;

    for (const field of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString']) {
      for (const entityType of ['terminal', 'merchant']) {
        const answer = await ctx.router.handle('sensitive:reveal', { entityType, entityId: entityType === 'terminal' ? serial : '1', field }, admin);
        expect(answer, `${entityType}.${field}`).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'field' } });
      }
    }
    // Nothing reached the terminal (no exchange in its link log) and nothing was half-recorded.
    expect(((await callAs(ctx, admin, 'terminal:link-log', {})) as { entries: unknown[] }).entries.length).toBe(logBefore);
    expect(ctx.database.current().prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log').get()!.n).toBe(auditBefore);

    // The real field still works, and is audited.
    expect(await callAs(ctx, admin, 'sensitive:reveal', { entityType: 'terminal', entityId: serial, field: 'keyCheckValue' })).toMatchObject({ value: expect.any(String) });
    expect(ctx.database.current().prepare<[], { action: string }>('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1').get()).toEqual({ action: 'sensitive.revealed' });
    await ctx.close();
  });
});
