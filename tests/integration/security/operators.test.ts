import { describe, expect, it } from 'vitest';
import { cliActor } from '../../../shared/audit/audit-actions';
import { usernameSchema } from '../../../shared/auth/operator';
import { AppError } from '../../../electron/main/app-error';
import { verifyAuditChain } from '../../../electron/main/audit/audit-verify';
import { useTempDir } from '../support/temp-dir';
import { actorOf, auditActions, caught, goodPassword, openTestDatabase, securityServices, testClock } from './support';

const tempDir = useTempDir('rebinddesk-operators-');

async function withFirstAdmin() {
  const { db } = openTestDatabase(tempDir());
  const services = securityServices(db, testClock());
  const admin = await services.operators.createFirstAdmin({ username: 'an.admin', displayName: 'An Admin', password: goodPassword });
  return { db, services, admin: actorOf(admin) };
}

describe('first admin', () => {
  it('is asked for on the first start, once', async () => {
    const { db } = openTestDatabase(tempDir());
    const { operators } = securityServices(db, testClock());
    expect(operators.needsFirstAdmin()).toBe(true);
    const admin = await operators.createFirstAdmin({ username: ' An.Admin ', displayName: 'An Admin', password: goodPassword });
    expect(admin).toMatchObject({ username: 'an.admin', role: 'admin', disabled: false, mustChangePassword: false, twoFactorEnrolled: false });
    expect(operators.needsFirstAdmin()).toBe(false);
    const again = await caught(() => operators.createFirstAdmin({ username: 'intruder', displayName: 'Intruder', password: goodPassword }));
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).code).toBe('conflict');
    expect(auditActions(db)).toEqual(['operator.first-admin-created']);
    db.close();
  });

  it('lets only one of two racing first-start forms win', async () => {
    const { db } = openTestDatabase(tempDir());
    const { operators } = securityServices(db, testClock());
    const results = await Promise.allSettled([
      operators.createFirstAdmin({ username: 'first.one', displayName: 'One', password: goodPassword }),
      operators.createFirstAdmin({ username: 'second.one', displayName: 'Two', password: goodPassword }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(db.prepare('SELECT count(*) AS n FROM operators').get()).toEqual({ n: 1 });
    db.close();
  });

  it('explains what to fix in a weak password', async () => {
    const { db } = openTestDatabase(tempDir());
    const { operators } = securityServices(db, testClock());
    const short = await caught(() => operators.createFirstAdmin({ username: 'an.admin', displayName: 'A', password: 'short' }));
    expect(short).toMatchObject({ code: 'invalid-input', field: 'password' });
    expect(short.message).toMatch(/at least 12 characters; this one has 5.*Mix at least two kinds of characters/);
    const same = await caught(() => operators.createFirstAdmin({ username: 'terminal.admin', displayName: 'A', password: 'Terminal.Admin' }));
    expect(same.message).toMatch(/Do not use your username/);
    const digits = await caught(() => operators.createFirstAdmin({ username: 'an.admin', displayName: 'A', password: '123456789012' }));
    expect(digits.message).toMatch(/only digits/);
    expect(operators.needsFirstAdmin()).toBe(true);
    db.close();
  });

  it('refuses reserved and malformed usernames', async () => {
    const { db } = openTestDatabase(tempDir());
    const { operators } = securityServices(db, testClock());
    expect((await caught(() => operators.createFirstAdmin({ username: 'system', displayName: 'S', password: goodPassword }))).message).toMatch(/reserved/);
    expect((await caught(() => operators.createFirstAdmin({ username: '9lives', displayName: 'S', password: goodPassword }))).message).toMatch(/starting with a letter/);
    db.close();
  });

  it('keeps every actor name the app writes away from operators: an admin cannot create cli, and the CLI writes cli:<os user>', async () => {
    const { db, services, admin } = await withFirstAdmin();
    for (const username of ['cli', 'CLI', ' cli ', 'system', 'anonymous']) {
      const refused = await caught(() => services.operators.create(admin, { username, displayName: 'Pretender', role: 'admin' }));
      expect(refused, username).toMatchObject({ code: 'invalid-input', field: 'username' });
      expect(refused.message).toMatch(/reserved/);
    }
    // The CLI's actor has a colon, which the username rule never allows, whatever the OS user is called.
    for (const osUser of ['li.wei', 'cli', 'root', 'admin']) {
      const actor = cliActor(osUser);
      expect(actor).toBe(`cli:${osUser}`);
      expect(usernameSchema.safeParse(actor).success).toBe(false);
    }
    // Control characters and very long names cannot reach the audit log's actor field.
    expect(cliActor('bad\u0007name')).toBe('cli:bad?name');
    expect(cliActor('x'.repeat(500)).length).toBeLessThanOrEqual(68);
    expect(cliActor('')).toBe('cli:unknown');
    db.close();
  });
});

describe('managing operators', () => {
  it('adds an operator with a temporary password and lists them for admins only', async () => {
    const { db, services, admin } = await withFirstAdmin();
    const created = await services.operators.create(admin, { username: 'li.wei', displayName: 'Li Wei', role: 'desk' });
    expect(created.operator).toMatchObject({ username: 'li.wei', role: 'desk', mustChangePassword: true });
    expect(created.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(created.expiresAt).toBe('2025-03-06T01:00:00.000Z');
    expect(services.operators.list(admin).map((o) => o.username)).toEqual(['an.admin', 'li.wei']);
    const desk = actorOf(created.operator);
    expect((await caught(() => services.operators.list(desk))).message).toMatch(/Your role \(desk\) may not list operators/);
    expect((await caught(() => services.operators.create(desk, { username: 'x.y.z', displayName: 'X', role: 'admin' }))).message).toMatch(/may not add operators/);
    expect((await caught(() => services.operators.create(admin, { username: 'li.wei', displayName: 'Again', role: 'desk' }))).message).toMatch(/taken/);
    // Neither the temporary password nor its hash is in the audit log.
    const payloads = db.prepare<[], { payload: string }>('SELECT payload FROM audit_log').all().map((r) => r.payload).join('\n');
    expect(payloads).not.toContain(created.temporaryPassword);
    expect(payloads).not.toContain('$scrypt$');
    db.close();
  });

  it('changes role, name and disabled flag with an audit entry listing the changes', async () => {
    const { db, services, admin } = await withFirstAdmin();
    const { operator } = await services.operators.create(admin, { username: 'li.wei', displayName: 'Li Wei', role: 'desk' });
    const updated = services.operators.update(admin, { id: operator.id, role: 'engineer', disabled: true });
    expect(updated).toMatchObject({ role: 'engineer', disabled: true });
    const entry = db.prepare<[], { action: string; payload: string }>('SELECT action, payload FROM audit_log ORDER BY seq DESC LIMIT 1').get()!;
    expect(entry.action).toBe('operator.updated');
    expect(JSON.parse(entry.payload)).toEqual({ username: 'li.wei', changes: { role: { from: 'desk', to: 'engineer' }, disabled: { from: false, to: true } } });
    const count = auditActions(db).length;
    services.operators.update(admin, { id: operator.id, role: 'engineer' });
    expect(auditActions(db)).toHaveLength(count);
    db.close();
  });

  it('never leaves the app without an enabled admin', async () => {
    const { db, services, admin } = await withFirstAdmin();
    expect((await caught(() => services.operators.update(admin, { id: admin.operatorId, role: 'desk' }))).message).toMatch(/only enabled admin/);
    expect((await caught(() => services.operators.update(admin, { id: admin.operatorId, disabled: true }))).message).toMatch(/cannot disable your own account/);
    const { operator } = await services.operators.create(admin, { username: 'second.admin', displayName: 'Two', role: 'admin' });
    services.operators.update(admin, { id: operator.id, disabled: true });
    expect((await caught(() => services.operators.update(admin, { id: admin.operatorId, role: 'desk' }))).message).toMatch(/only enabled admin/);
    services.operators.update(admin, { id: operator.id, disabled: false });
    expect(services.operators.update(admin, { id: admin.operatorId, role: 'desk' }).role).toBe('desk');
    db.close();
  });

  it('commits a change only together with its audit entry', async () => {
    const { db, services, admin } = await withFirstAdmin();
    const { operator } = await services.operators.create(admin, { username: 'li.wei', displayName: 'Li Wei', role: 'desk' });
    db.exec("CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit disk full'); END;");
    expect((await caught(() => services.operators.update(admin, { id: operator.id, role: 'admin' }))).message).toMatch(/audit disk full/);
    expect((await caught(() => services.operators.unlock(admin, operator.id))).message).toMatch(/audit disk full/);
    expect((await caught(() => services.operators.resetPassword(admin, operator.id))).message).toMatch(/audit disk full/);
    expect(services.operators.list(admin).find((o) => o.id === operator.id)).toMatchObject({ role: 'desk' });
    db.exec('DROP TRIGGER audit_fails');
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });
});
