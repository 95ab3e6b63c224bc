import { describe, expect, it } from 'vitest';
import type { MainContext } from '../../../electron/main/main-context';
import type { SenderInfo } from '../../../electron/main/ipc/router';
import { callAs, createFirstAdmin, testMainContext, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';

// settings:update through the real router: every signed-in role may call it, but each setting
// names the roles that may change it.
const tempDir = useTempDir('rebinddesk-settings-roles-');

/** A window signed in as a new operator of `role`, past the temporary password. */
async function signedInAs(ctx: MainContext, admin: SenderInfo, role: 'desk' | 'engineer', id: string): Promise<SenderInfo> {
  const created = (await callAs(ctx, admin, 'operators:create', { username: `a.${role}`, displayName: role, role })) as { temporaryPassword: string };
  const window = testWindow(id);
  await callAs(ctx, window, 'auth:sign-in', { username: `a.${role}`, password: created.temporaryPassword });
  await callAs(ctx, window, 'auth:change-password', { currentPassword: created.temporaryPassword, newPassword: `a ${role} password 77` });
  return window;
}

describe('settings by who may change them', () => {
  it("refuses a desk user's change of the engineers' terminal port and baud rate, by reason, and writes nothing", async () => {
    const ctx = testMainContext(tempDir());
    const admin = testWindow('admin');
    await createFirstAdmin(ctx, admin);
    const desk = await signedInAs(ctx, admin, 'desk', 'desk');
    const engineer = await signedInAs(ctx, admin, 'engineer', 'engineer');
    const settingsBefore = await callAs(ctx, admin, 'settings:get', {});
    const auditBefore = ctx.database.current().prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log').get()!.n;

    for (const patch of [{ terminalPort: '/dev/ttyUSB9' }, { terminalBaudRate: 9600 }, { theme: 'dark', terminalPort: '/dev/ttyUSB9' }]) {
      expect(await ctx.router.handle('settings:update', patch, desk), JSON.stringify(patch)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', reason: 'setting-role-not-allowed', field: Object.keys(patch).find((k) => k.startsWith('terminal')) },
      });
    }
    expect(await callAs(ctx, admin, 'settings:get', {})).toEqual(settingsBefore);
    expect(ctx.database.current().prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log').get()!.n).toBe(auditBefore);

    // The desk keeps its own settings; engineers and admins set the terminal's.
    expect(await callAs(ctx, desk, 'settings:update', { theme: 'dark', language: 'en-US' })).toMatchObject({ theme: 'dark', language: 'en-US' });
    expect(await callAs(ctx, engineer, 'settings:update', { terminalPort: '/dev/ttyUSB1', terminalBaudRate: 9600 })).toMatchObject({ terminalPort: '/dev/ttyUSB1', terminalBaudRate: 9600 });
    expect(await callAs(ctx, admin, 'settings:update', { terminalPort: '/dev/ttyUSB2' })).toMatchObject({ terminalPort: '/dev/ttyUSB2' });
    await ctx.close();
  });
});
