import { describe, expect, it } from 'vitest';
import type { MainContext } from '../../../electron/main/main-context';
import type { SenderInfo } from '../../../electron/main/ipc/router';
import { callAs, createFirstAdmin, testMainContext, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';

// Language and theme per operator, through the real router over a real database file: one
// operator's switch never changes another's screen, and the screens before sign-in use the
// device default, which they change themselves.
const tempDir = useTempDir('rebinddesk-preferences-');

async function deskWindow(ctx: MainContext, admin: SenderInfo): Promise<SenderInfo> {
  const created = (await callAs(ctx, admin, 'operators:create', { username: 'li.desk', displayName: 'Li', role: 'desk' })) as { temporaryPassword: string };
  const window = testWindow('desk');
  await callAs(ctx, window, 'auth:sign-in', { username: 'li.desk', password: created.temporaryPassword });
  await callAs(ctx, window, 'auth:change-password', { currentPassword: created.temporaryPassword, newPassword: 'desk lamp green 7' });
  return window;
}

const auditOf = (ctx: MainContext, action: string) =>
  ctx.database
    .current()
    .prepare<[string], { actor: string; entity_id: string; payload: string }>('SELECT actor, entity_id, payload FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action);

describe('per-operator language and theme', () => {
  it("a desk user's switch changes their own screen only; the admin keeps theirs, and each is audited", async () => {
    const ctx = testMainContext(tempDir());
    const admin = testWindow('admin');
    await createFirstAdmin(ctx, admin);
    const desk = await deskWindow(ctx, admin);

    // Nobody has chosen: both follow the device default.
    expect(await callAs(ctx, admin, 'preferences:get', {})).toEqual({ language: 'zh-CN', theme: 'system' });
    expect(await callAs(ctx, desk, 'preferences:get', {})).toEqual({ language: 'zh-CN', theme: 'system' });

    expect(await callAs(ctx, desk, 'preferences:update', { language: 'en-US', theme: 'dark' })).toEqual({ language: 'en-US', theme: 'dark' });
    expect(await callAs(ctx, admin, 'preferences:get', {})).toEqual({ language: 'zh-CN', theme: 'system' });
    expect(await callAs(ctx, admin, 'settings:get', {})).toMatchObject({ language: 'zh-CN', theme: 'system' });
    expect(await callAs(ctx, admin, 'preferences:update', { theme: 'light' })).toEqual({ language: 'zh-CN', theme: 'light' });
    expect(await callAs(ctx, desk, 'preferences:get', {})).toEqual({ language: 'en-US', theme: 'dark' });

    // A change of the device default (what the sign-in screen shows) does not reach an operator who chose.
    await callAs(ctx, desk, 'settings:update', { language: 'en-US' });
    expect(await callAs(ctx, admin, 'preferences:get', {})).toEqual({ language: 'en-US', theme: 'light' });
    expect(await callAs(ctx, desk, 'preferences:get', {})).toEqual({ language: 'en-US', theme: 'dark' });
    await callAs(ctx, admin, 'preferences:update', { language: 'zh-CN' });
    await callAs(ctx, desk, 'settings:update', { language: 'zh-CN' });
    await callAs(ctx, desk, 'settings:update', { language: 'en-US' });
    expect(await callAs(ctx, admin, 'preferences:get', {})).toEqual({ language: 'zh-CN', theme: 'light' });

    // An unchanged value writes nothing.
    const before = auditOf(ctx, 'preferences.changed').length;
    await callAs(ctx, desk, 'preferences:update', { language: 'en-US' });
    expect(auditOf(ctx, 'preferences.changed')).toHaveLength(before);
    expect(auditOf(ctx, 'preferences.changed').map((e) => [e.actor, JSON.parse(e.payload)])).toEqual([
      ['li.desk', { changes: { language: { from: 'zh-CN', to: 'en-US' }, theme: { from: 'system', to: 'dark' } } }],
      ['test.admin', { changes: { theme: { from: 'system', to: 'light' } } }],
      ['test.admin', { changes: { language: { from: 'en-US', to: 'zh-CN' } } }],
    ]);
    await ctx.close();
  });

  it('survive a restart of the app over the same data directory', async () => {
    const dir = tempDir();
    const ctx = testMainContext(dir);
    const admin = testWindow('admin');
    await createFirstAdmin(ctx, admin);
    await callAs(ctx, admin, 'preferences:update', { language: 'en-US' });
    await ctx.close();

    const reopened = testMainContext(dir);
    await callAs(reopened, admin, 'auth:sign-in', { username: 'test.admin', password: 'blue terminal 42' });
    expect(await callAs(reopened, admin, 'preferences:get', {})).toEqual({ language: 'en-US', theme: 'system' });
    await reopened.close();
  });

  it('the screens before sign-in set the device default without a session; it is audited as anonymous and an operator who chose keeps their choice', async () => {
    const ctx = testMainContext(tempDir());
    const admin = testWindow('admin');
    await createFirstAdmin(ctx, admin);
    await callAs(ctx, admin, 'preferences:update', { language: 'en-US' });
    await callAs(ctx, admin, 'auth:sign-out', {});

    const signedOut = testWindow('sign-in-screen');
    // The sign-in screen still speaks the device default, whatever the last operator chose.
    expect(await callAs(ctx, signedOut, 'settings:get', {})).toMatchObject({ language: 'zh-CN', theme: 'system' });
    expect(await callAs(ctx, signedOut, 'settings:update-device-default', { theme: 'dark' })).toMatchObject({ language: 'zh-CN', theme: 'dark' });
    expect(await callAs(ctx, signedOut, 'settings:get', {})).toMatchObject({ language: 'zh-CN', theme: 'dark' });
    expect(auditOf(ctx, 'settings.changed').at(-1)).toEqual({ actor: 'anonymous', entity_id: 'app', payload: JSON.stringify({ changes: { theme: { from: 'system', to: 'dark' } } }) });
    // The terminal settings are not reachable this way.
    expect(await ctx.router.handle('settings:update-device-default', { terminalPort: '/dev/ttyUSB0' }, signedOut)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await ctx.router.handle('preferences:get', {}, signedOut)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    // The admin chose English and keeps it; the theme they never chose follows the new device default.
    await callAs(ctx, signedOut, 'auth:sign-in', { username: 'test.admin', password: 'blue terminal 42' });
    expect(await callAs(ctx, signedOut, 'preferences:get', {})).toEqual({ language: 'en-US', theme: 'dark' });
    await ctx.close();
  });

  it('a session that must still change its password may read and change its own preferences, and nothing else of the settings', async () => {
    const ctx = testMainContext(tempDir());
    const admin = testWindow('admin');
    await createFirstAdmin(ctx, admin);
    const created = (await callAs(ctx, admin, 'operators:create', { username: 'wang.new', displayName: 'Wang', role: 'engineer' })) as { temporaryPassword: string };
    const fresh = testWindow('fresh');
    await callAs(ctx, fresh, 'auth:sign-in', { username: 'wang.new', password: created.temporaryPassword });
    expect(await callAs(ctx, fresh, 'preferences:update', { language: 'en-US' })).toEqual({ language: 'en-US', theme: 'system' });
    expect(await ctx.router.handle('settings:update', { terminalBaudRate: 9600 }, fresh)).toMatchObject({ ok: false, error: { reason: 'password-change-required' } });
    await ctx.close();
  });
});
