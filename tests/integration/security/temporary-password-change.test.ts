import { describe, expect, it } from 'vitest';
import type { MainContext } from '../../../electron/main/main-context';
import { temporarySessionWindowMs } from '../../../electron/main/auth/temporary-password';
import { callAs, createFirstAdmin, testMainContext, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { testClock } from './support';

// The forced change after a temporary password: the session that signed in with it replaces it
// without typing it again, within a bounded time, once, audited; through the real router.
const tempDir = useTempDir('rebinddesk-temporary-change-');
const newPassword = 'desk lamp green 7';

async function setup() {
  const clock = testClock();
  const ctx = testMainContext(tempDir(), {}, { now: clock.now });
  const admin = testWindow('admin');
  await createFirstAdmin(ctx, admin);
  const created = (await callAs(ctx, admin, 'operators:create', { username: 'li.desk', displayName: 'Li', role: 'desk' })) as { temporaryPassword: string };
  const desk = testWindow('desk');
  await callAs(ctx, desk, 'auth:sign-in', { username: 'li.desk', password: created.temporaryPassword });
  return { ctx, clock, admin, desk, temporary: created.temporaryPassword };
}

const passwordChanges = (ctx: MainContext) =>
  ctx.database
    .current()
    .prepare<[], { actor: string; payload: string }>("SELECT actor, payload FROM audit_log WHERE action = 'auth.password-changed' ORDER BY seq")
    .all()
    .map((e) => ({ actor: e.actor, ...JSON.parse(e.payload) }));

describe('replacing a temporary password', () => {
  it('the session that signed in with it sets the new password alone; audited as proved by that sign-in, and it cannot be used twice', async () => {
    const { ctx, desk } = await setup();
    const session = await callAs(ctx, desk, 'auth:replace-temporary-password', { newPassword });
    expect(session).toMatchObject({ username: 'li.desk', pending: { passwordChange: false } });
    expect(passwordChanges(ctx)).toEqual([{ actor: 'li.desk', username: 'li.desk', wasTemporary: true, provedBy: 'temporary-sign-in' }]);
    // The session may now use the app.
    expect(await ctx.router.handle('preferences:update', { theme: 'dark' }, desk)).toMatchObject({ ok: true });
    // Once replaced, the session holds no temporary password any more.
    expect(await ctx.router.handle('auth:replace-temporary-password', { newPassword: 'another good password 9' }, desk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', reason: 'temporary-session-expired' },
    });
    const again = testWindow('again');
    expect(await callAs(ctx, again, 'auth:sign-in', { username: 'li.desk', password: newPassword })).toMatchObject({ status: 'signed-in' });
    await ctx.close();
  });

  it(`is refused after ${temporarySessionWindowMs / 60_000} minutes; the change with the temporary password typed again still works`, async () => {
    const { ctx, clock, desk, temporary } = await setup();
    clock.advance(temporarySessionWindowMs + 1);
    expect(await ctx.router.handle('auth:replace-temporary-password', { newPassword }, desk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', reason: 'temporary-session-expired', field: 'currentPassword' },
    });
    expect(passwordChanges(ctx)).toEqual([]);
    await callAs(ctx, desk, 'auth:change-password', { currentPassword: temporary, newPassword });
    expect(passwordChanges(ctx)).toEqual([{ actor: 'li.desk', username: 'li.desk', wasTemporary: true, provedBy: 'current-password' }]);
    await ctx.close();
  });

  it('at the edge of the window it is still allowed', async () => {
    const { ctx, clock, desk } = await setup();
    clock.advance(temporarySessionWindowMs);
    expect(await callAs(ctx, desk, 'auth:replace-temporary-password', { newPassword })).toMatchObject({ pending: { passwordChange: false } });
    await ctx.close();
  });

  it('a session opened with a real password cannot use it, even after an admin reset the password', async () => {
    const { ctx, admin } = await setup();
    expect(await ctx.router.handle('auth:replace-temporary-password', { newPassword }, admin)).toMatchObject({ ok: false, error: { reason: 'temporary-session-expired' } });
    await ctx.close();
  });

  it('a session whose password an admin reset meanwhile has ended; the new temporary password needs its own sign-in', async () => {
    const { ctx, admin, desk } = await setup();
    const operators = (await callAs(ctx, admin, 'operators:list', {})) as { operators: { id: number; username: string }[] };
    const id = operators.operators.find((o) => o.username === 'li.desk')!.id;
    await callAs(ctx, admin, 'operators:reset-password', { id });
    expect(await ctx.router.handle('auth:replace-temporary-password', { newPassword }, desk)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(passwordChanges(ctx)).toEqual([]);
    await ctx.close();
  });

  it('refuses to keep the temporary password as the new one, and a password the policy refuses', async () => {
    const { ctx, desk, temporary } = await setup();
    expect(await ctx.router.handle('auth:replace-temporary-password', { newPassword: temporary }, desk)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'newPassword' } });
    expect(await ctx.router.handle('auth:replace-temporary-password', { newPassword: 'short' }, desk)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'newPassword' } });
    expect(passwordChanges(ctx)).toEqual([]);
    await ctx.close();
  });
});
