import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/main/audit/audit-verify';
import type { MainContext } from '../../../electron/main/main-context';
import { callAs, createFirstAdmin, testAdmin, testMainContext, testWindow, type PickerAnswers } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-app-audit-');
const window = testWindow();

function entries(db: Database.Database, action: string) {
  return db.prepare<[string], { actor: string; payload: string }>('SELECT actor, payload FROM audit_log WHERE action = ? ORDER BY seq').all(action);
}

async function adminContext(answers: PickerAnswers = {}): Promise<MainContext> {
  const ctx = testMainContext(tempDir(), answers);
  await createFirstAdmin(ctx, window);
  return ctx;
}

describe('changes through the services are audited with the change', () => {
  it('records who changed which settings from what to what, and nothing for a no-op', async () => {
    const ctx = await adminContext();
    await callAs(ctx, window, 'settings:update', { theme: 'dark', language: 'zh-CN' });
    await callAs(ctx, window, 'settings:update', { theme: 'dark' });
    const rows = entries(ctx.database.current(), 'settings.changed');
    expect(rows).toEqual([{ actor: testAdmin.username, payload: '{"changes":{"theme":{"from":"system","to":"dark"}}}' }]);
    await ctx.close();
  });

  it('keeps a settings change and its entry together: when the entry cannot be written, the setting is not either', async () => {
    const ctx = testMainContext(tempDir(), {}, { logError: () => undefined });
    await createFirstAdmin(ctx, window);
    const db = ctx.database.current();
    // A trigger that makes every append fail stands for a failing audit write.
    db.exec("CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit write failed'); END;");
    const result = await ctx.router.handle('settings:update', { theme: 'dark' }, window);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    db.exec('DROP TRIGGER refuse_audit');
    expect(await callAs(ctx, window, 'settings:get', {})).toMatchObject({ theme: 'system' });
    await ctx.close();
  });

  it('records a backup, and a restore at both ends: in the replaced data (its safety copy) and in the restored data', async () => {
    const answers: PickerAnswers = {};
    const ctx = await adminContext(answers);
    const backup = (await callAs(ctx, window, 'backup:create', { destination: 'default' })) as { id: string; location: string };
    expect(entries(ctx.database.current(), 'backup.created')).toEqual([{ actor: testAdmin.username, payload: expect.stringContaining(`"id":"${backup.id}"`) }]);
    await callAs(ctx, window, 'settings:update', { theme: 'dark' });

    const outcome = (await callAs(ctx, window, 'backup:restore', { source: { kind: 'history', id: backup.id } })) as { safetyBackup: { location: string } };
    const restored = ctx.database.current();
    const last = restored.prepare<[], { action: string; actor: string; payload: string }>('SELECT action, actor, payload FROM audit_log ORDER BY seq DESC LIMIT 1').get()!;
    expect(last).toMatchObject({ action: 'backup.restored', actor: testAdmin.username });
    expect(JSON.parse(last.payload)).toMatchObject({ restoredFrom: backup.location, safetyBackup: outcome.safetyBackup.location, replacedHead: { seq: expect.any(Number) } });
    expect(verifyAuditChain(restored).ok).toBe(true);

    const safety = new Database(outcome.safetyBackup.location, { readonly: true });
    const replacedLast = safety.prepare<[], { action: string; payload: string }>('SELECT action, payload FROM audit_log ORDER BY seq DESC LIMIT 1').get()!;
    expect(replacedLast).toEqual({ action: 'backup.restore-started', payload: JSON.stringify({ source: backup.location }) });
    // The restored entry names the head of the log it replaced, which is the safety copy's head.
    const safetyHead = safety.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    expect(JSON.parse(last.payload).replacedHead).toEqual(safetyHead);
    expect(verifyAuditChain(safety).ok).toBe(true);
    safety.close();
    await ctx.close();
  });

  it('ends the session when a restore brings back a database where that operator does not exist', async () => {
    const dir = tempDir();
    const other = testMainContext(join(dir, 'other'));
    await callAs(other, window, 'auth:create-first-admin', { username: 'someone.else', displayName: 'Someone Else', password: 'blue terminal 42' });
    const foreign = (await callAs(other, window, 'backup:create', { destination: 'default' })) as { location: string };
    await other.close();

    const answers: PickerAnswers = { backupSource: foreign.location };
    const ctx = testMainContext(join(dir, 'data'), answers);
    await createFirstAdmin(ctx, window);
    await callAs(ctx, window, 'backup:restore', { source: { kind: 'choose' } });
    // Same operator id, another person: the window must sign in again.
    expect(await ctx.router.handle('backup:list', {}, window)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await callAs(ctx, window, 'auth:session', {})).toEqual({ session: null, locked: false });
    await ctx.close();
  });
});

describe('sessions stay in main', () => {
  it('answers sign-in and session calls without the session id', async () => {
    const ctx = await adminContext();
    const second = testWindow('second');
    const result = await ctx.router.handle('auth:sign-in', { username: testAdmin.username, password: testAdmin.password }, second);
    expect(result).toMatchObject({ ok: true, value: { status: 'signed-in', session: { username: testAdmin.username } } });
    expect(Object.keys((result as { value: { session: object } }).value.session).sort()).toEqual(
      ['deskLead', 'displayName', 'idleLockMinutes', 'operatorId', 'pending', 'role', 'signedInAt', 'username'],
    );
    // Each window has its own session: signing out one leaves the other signed in.
    await callAs(ctx, second, 'auth:sign-out', {});
    expect(await ctx.router.handle('operators:list', {}, second)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await ctx.router.handle('operators:list', {}, window)).toMatchObject({ ok: true });
    await ctx.close();
  });

  it('ends the session of a disabled operator at their next call', async () => {
    const ctx = await adminContext();
    const made = (await callAs(ctx, window, 'operators:create', { username: 'li.wei', displayName: 'Li Wei', role: 'engineer' })) as { temporaryPassword: string; operator: { id: number } };
    const desk = testWindow('desk');
    await callAs(ctx, desk, 'auth:sign-in', { username: 'li.wei', password: made.temporaryPassword });
    await callAs(ctx, desk, 'auth:change-password', { currentPassword: made.temporaryPassword, newPassword: 'engineer lamp 77' });
    expect(await ctx.router.handle('terminal:state', {}, desk)).toMatchObject({ ok: true });
    await callAs(ctx, window, 'operators:update', { id: made.operator.id, disabled: true });
    expect(await ctx.router.handle('terminal:state', {}, desk)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await ctx.close();
  });
});

describe('secret terminal values', () => {
  it('leave main masked, and are revealed to an engineer or admin only with an audit entry', async () => {
    const ctx = testMainContext(tempDir(), {}, { demoLine: null });
    await createFirstAdmin(ctx, window);
    const state = (await callAs(ctx, window, 'terminal:connect', { path: 'demo:terminal', baudRate: 115200 })) as { identity: { serialNumber: string } };
    const read = (await callAs(ctx, window, 'terminal:read-params', {})) as { params: Record<string, string> };
    expect(read.params['E0E1']).toBe('••••••');
    expect(read.params['A001']).toMatch(/^[A-Za-z0-9]{8}$/);

    const serialNumber = state.identity.serialNumber;
    const shown = (await callAs(ctx, window, 'sensitive:reveal', { entityType: 'terminal', entityId: serialNumber, field: 'keyCheckValue' })) as { value: string };
    expect(shown.value).toMatch(/^[0-9A-Fa-f]{6}$/);
    const db = ctx.database.current();
    expect(entries(db, 'sensitive.revealed')).toEqual([{ actor: testAdmin.username, payload: '{"empty":false,"field":"keyCheckValue","tag":"E0E1"}' }]);
    // The entry names the field, never the value.
    expect(db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM audit_log WHERE payload LIKE '%${shown.value}%'`).get()!.n).toBe(0);

    // Another terminal than the connected one is not read.
    expect(await ctx.router.handle('sensitive:reveal', { entityType: 'terminal', entityId: 'OTHER-SN', field: 'keyCheckValue' }, window)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // A desk operator is refused, and the refusal is recorded.
    const made = (await callAs(ctx, window, 'operators:create', { username: 'li.wei', displayName: 'Li Wei', role: 'desk' })) as { temporaryPassword: string };
    const desk = testWindow('desk');
    await callAs(ctx, desk, 'auth:sign-in', { username: 'li.wei', password: made.temporaryPassword });
    await callAs(ctx, desk, 'auth:change-password', { currentPassword: made.temporaryPassword, newPassword: 'desk lamp green 7' });
    expect(await ctx.router.handle('sensitive:reveal', { entityType: 'terminal', entityId: serialNumber, field: 'keyCheckValue' }, desk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(entries(db, 'sensitive.reveal-refused')).toEqual([{ actor: 'li.wei', payload: '{"field":"keyCheckValue","role":"desk"}' }]);
    await ctx.close();
  });
});
