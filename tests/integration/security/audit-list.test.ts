import { describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../shared/ipc/contract-security';
import { callAs, createFirstAdmin, testAdmin, testMainContext, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { testClock } from './support';

// audit:list through the real router over a real database: filters by actor, action and period,
// parsed and bounded in main; paging backwards keeps the filters; the first page says what the
// newest restore did to the log.
const tempDir = useTempDir('rebinddesk-audit-list-');

async function setup() {
  const clock = testClock('2026-03-01T08:00:00.000Z');
  const ctx = testMainContext(tempDir(), {}, { now: clock.now });
  const admin = testWindow('admin');
  await createFirstAdmin(ctx, admin);
  const list = (input: Record<string, unknown>) => callAs(ctx, admin, 'audit:list', input) as Promise<AuditPage>;
  return { ctx, clock, admin, list };
}

describe('audit:list filters', () => {
  it('narrows by actor, by any of some actions and by period, and pages backwards with the same filters', async () => {
    const { ctx, clock, admin, list } = await setup();
    const anonymous = testWindow('anonymous');
    clock.set('2026-03-02T09:00:00.000Z');
    for (let i = 0; i < 3; i++) await ctx.router.handle('auth:sign-in', { username: 'nobody.here', password: 'wrong' }, anonymous);
    clock.set('2026-03-03T09:00:00.000Z');
    for (const theme of ['dark', 'light', 'dark', 'light', 'dark'] as const) await callAs(ctx, admin, 'preferences:update', { theme });

    const all = await list({});
    expect(all.total).toBe(all.entries.length);
    expect(all.hasMore).toBe(false);

    const anonymousPage = await list({ actor: 'anonymous' });
    expect(anonymousPage.entries.map((e) => e.action)).toEqual(['auth.sign-in-failed', 'auth.sign-in-failed', 'auth.sign-in-failed']);
    // The whole log's size stays what the page header shows.
    expect(anonymousPage.total).toBe(all.total);

    const changes = await list({ actions: ['preferences.changed', 'operator.first-admin-created'], limit: 2 });
    expect(changes.entries.map((e) => e.action)).toEqual(['preferences.changed', 'preferences.changed']);
    expect(changes.hasMore).toBe(true);
    const older = await list({ actions: ['preferences.changed', 'operator.first-admin-created'], limit: 2, before: changes.entries[1]!.seq });
    expect(older.entries.map((e) => e.action)).toEqual(['preferences.changed', 'preferences.changed']);
    const oldest = await list({ actions: ['preferences.changed', 'operator.first-admin-created'], limit: 2, before: older.entries[1]!.seq });
    expect(oldest.entries.map((e) => e.action)).toEqual(['preferences.changed', 'operator.first-admin-created']);
    expect(oldest.hasMore).toBe(false);

    // A period, with a local offset: 2 March in Shanghai runs from 1 March 16:00 UTC.
    const second = await list({ from: '2026-03-02T00:00:00+08:00', to: '2026-03-03T00:00:00+08:00' });
    expect(second.entries.map((e) => [e.actor, e.time])).toEqual(Array(3).fill(['anonymous', '2026-03-02T09:00:00.000Z']));
    const fromThird = await list({ from: '2026-03-03T09:00:00.000Z', actor: testAdmin.username });
    expect(fromThird.entries).toHaveLength(5);
    expect(await list({ to: '2026-03-01T08:00:00.000Z' })).toMatchObject({ entries: [], hasMore: false });
    await ctx.close();
  });

  it('refuses filters it cannot bound, naming the field, and answers nothing else', async () => {
    const { ctx, admin } = await setup();
    const refused = async (input: Record<string, unknown>) => ctx.router.handle('audit:list', input, admin);
    expect(await refused({ actor: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'actor' } });
    expect(await refused({ actor: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'actor' } });
    expect(await refused({ actions: [] })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'actions' } });
    expect(await refused({ actions: Array(101).fill('auth.signed-in') })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'actions' } });
    expect(await refused({ from: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'from' } });
    expect(await refused({ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'to' } });
    expect(await refused({ limit: 501 })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'limit' } });
    expect(await refused({ search: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'search' } });
    await ctx.close();
  });
});

describe('audit:list after a restore', () => {
  it('says on the first page what the newest restore did to the log: from which backup, where the replaced data went, and the entries it carried', async () => {
    const { ctx, admin, list } = await setup();
    expect((await list({})).lastRestore).toBeNull();
    const backup = (await callAs(ctx, admin, 'backup:create', { destination: 'default' })) as { id: string; location: string };
    // Entries the backup does not have: the restore carries them into the restored log.
    await callAs(ctx, admin, 'preferences:update', { theme: 'dark' });
    await callAs(ctx, admin, 'preferences:update', { theme: 'light' });
    const outcome = (await callAs(ctx, admin, 'backup:restore', { source: { kind: 'history', id: backup.id } })) as { safetyBackup: { location: string } };

    const page = await list({});
    expect(page.lastRestore).toMatchObject({
      actor: testAdmin.username,
      restoredFrom: backup.location,
      safetyBackup: outcome.safetyBackup.location,
      carried: { how: 'chained' },
    });
    // Carried: the backup's own entry (written after its file), the two changes and the restore's start.
    expect(page.lastRestore!.carried!.entries).toBe(4);
    expect(page.entries[0]).toMatchObject({ seq: page.lastRestore!.seq, action: 'backup.restored' });
    // Later pages do not repeat it.
    expect((await list({ before: page.entries[0]!.seq })).lastRestore).toBeNull();
    await ctx.close();
  });
});
