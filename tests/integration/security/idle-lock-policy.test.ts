import { describe, expect, it } from 'vitest';
import { callAs, createFirstAdmin, testMainContext, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';

// security:policy-update through the real router: the idle lock is a range of minutes, or "never"
// chosen as such; what a cleared or mistyped field sends is refused and nothing is stored.
const tempDir = useTempDir('rebinddesk-idle-lock-');

describe('the idle lock minutes', () => {
  it('refuses 0, negative, fractional and non-numeric minutes without storing anything, and takes "never" explicitly', async () => {
    const ctx = testMainContext(tempDir());
    const admin = testWindow();
    await createFirstAdmin(ctx, admin);
    const policyChanges = () => ctx.database.current().prepare<[], { payload: string }>("SELECT payload FROM audit_log WHERE action = 'security.policy-changed'").all();

    for (const idleLockMinutes of [0, -5, 1.5, 'abc', null, 241]) {
      expect(await ctx.router.handle('security:policy-update', { idleLockMinutes }, admin), JSON.stringify(idleLockMinutes)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', field: 'idleLockMinutes' },
      });
    }
    expect(await callAs(ctx, admin, 'security:policy-get', {})).toMatchObject({ idleLockMinutes: 10 });
    expect(policyChanges()).toEqual([]);

    expect(await callAs(ctx, admin, 'security:policy-update', { idleLockMinutes: 15 })).toMatchObject({ idleLockMinutes: 15 });
    // "never" is stored as 0 (the session's "no lock"), and audited as the change it is.
    expect(await callAs(ctx, admin, 'security:policy-update', { idleLockMinutes: 'never' })).toMatchObject({ idleLockMinutes: 0 });
    expect((await callAs(ctx, admin, 'auth:session', {})) as unknown).toMatchObject({ session: { idleLockMinutes: 0 } });
    expect(policyChanges().map((r) => JSON.parse(r.payload))).toEqual([
      { changes: { idleLockMinutes: { from: 10, to: 15 } } },
      { changes: { idleLockMinutes: { from: 15, to: 'never' } } },
    ]);
    await ctx.close();
  });
});
