import { describe, expect, it } from 'vitest';
import { checkChannelAccess } from '../../../shared/auth/roles';
import { AuthError } from '../../../electron/main/auth/auth-error';
import { createSessionService } from '../../../electron/main/auth/session-service';
import { createSqliteAuthStore } from '../../../electron/main/auth/sqlite-operator-repository';
import { parsePasswordHash } from '../../../electron/main/auth/password-hash';
import { useTempDir } from '../support/temp-dir';
import { actorOf, auditActions, caught, fastScrypt, goodPassword, openTestDatabase, securityServices, testClock } from './support';

const tempDir = useTempDir('rebinddesk-signin-');

async function setup() {
  const { db } = openTestDatabase(tempDir());
  const clock = testClock();
  const services = securityServices(db, clock);
  const admin = actorOf(await services.operators.createFirstAdmin({ username: 'an.admin', displayName: 'An Admin', password: goodPassword }));
  const created = await services.operators.create(admin, { username: 'li.wei', displayName: 'Li Wei', role: 'desk' });
  return { db, clock, services, admin, desk: created.operator, temporary: created.temporaryPassword };
}

async function refusal(work: () => unknown): Promise<AuthError> {
  const error = await caught(work);
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('signing in', () => {
  it('opens a session that says who is calling', async () => {
    const { db, services } = await setup();
    const step = await services.sessions.signIn({ username: 'an.admin', password: goodPassword });
    expect(step.status).toBe('signed-in');
    if (step.status !== 'signed-in') return;
    expect(step.session).toMatchObject({ username: 'an.admin', role: 'admin', pending: { passwordChange: false, twoFactorEnrolment: false }, idleLockMinutes: 10 });
    const caller = services.sessions.current(step.sessionId);
    expect(caller).toMatchObject({ username: 'an.admin', role: 'admin' });
    expect(checkChannelAccess(['admin'], caller)).toEqual({ allowed: true });
    expect(services.sessions.current('made-up')).toBeNull();
    services.sessions.signOut(step.sessionId);
    expect(services.sessions.current(step.sessionId)).toBeNull();
    expect(auditActions(db).slice(-2)).toEqual(['auth.signed-in', 'auth.signed-out']);
    db.close();
  });

  it('gives the same answer for an unknown user and a wrong password, and logs no typed name', async () => {
    const { db, services } = await setup();
    const unknown = await refusal(() => services.sessions.signIn({ username: 'no.such.user', password: goodPassword }));
    const wrong = await refusal(() => services.sessions.signIn({ username: 'an.admin', password: 'wrong password 1' }));
    expect(unknown.message).toBe('Wrong username or password.');
    expect(wrong.message).toBe('Wrong username or password.');
    const rows = db.prepare<[], { actor: string; payload: string }>("SELECT actor, payload FROM audit_log WHERE action = 'auth.sign-in-failed' ORDER BY seq").all();
    expect(rows).toEqual([
      { actor: 'anonymous', payload: '{"reason":"unknown-user"}' },
      { actor: 'an.admin', payload: '{"failedAttempts":1,"reason":"password"}' },
    ]);
    db.close();
  });

  it('delays the 4th failure by 1 s, locks at the 5th, and an admin unlocks', async () => {
    const { db, clock, services, admin } = await setup();
    const attempt = () => services.sessions.signIn({ username: 'an.admin', password: 'wrong password 1' });
    for (let i = 0; i < 3; i++) expect((await refusal(attempt)).reason).toBe('bad-credentials');
    const fourth = await refusal(attempt);
    expect(fourth.message).toMatch(/Wait 1 s before the next try/);
    // During the delay nothing is checked, not even the right password, and nothing is counted.
    const waiting = await refusal(() => services.sessions.signIn({ username: 'an.admin', password: goodPassword }));
    expect(waiting).toMatchObject({ reason: 'wait', retryAfterMs: 1000 });
    clock.advance(1000);
    const fifth = await refusal(attempt);
    expect(fifth.message).toMatch(/now locked; ask an admin/);
    const locked = await refusal(() => services.sessions.signIn({ username: 'an.admin', password: goodPassword }));
    expect(locked.reason).toBe('locked');
    clock.advance(24 * 60 * 60 * 1000);
    expect((await refusal(() => services.sessions.signIn({ username: 'an.admin', password: goodPassword }))).reason).toBe('locked');
    expect(auditActions(db)).toContain('auth.locked');

    expect(services.operators.list(admin).find((o) => o.username === 'an.admin')).toMatchObject({ locked: true, failedAttempts: 5 });
    services.operators.unlock(admin, admin.operatorId);
    expect(auditActions(db).at(-1)).toBe('operator.unlocked');
    expect((await services.sessions.signIn({ username: 'an.admin', password: goodPassword })).status).toBe('signed-in');
    db.close();
  });

  it('refuses a right password whose check ends after a later attempt locked the account', async () => {
    const { db, clock, services, admin } = await setup();
    // No delays, so the whole run fits in one burst: five claims, the 6th refused unchecked.
    const noDelay = createSessionService({ store: createSqliteAuthStore(() => db), now: clock.now, scrypt: fastScrypt, policy: services.policy, encryption: services.encryption, lockout: { freeFailures: 5, lockAfter: 5, baseDelayMs: 1000 } });
    const passwords = ['wrong password 1', 'wrong password 1', 'wrong password 1', goodPassword, 'wrong password 1', 'wrong password 1'];
    const runs = await Promise.allSettled(passwords.map((password) => noDelay.signIn({ username: 'an.admin', password })));
    const reasons = runs.map((r) => (r.status === 'rejected' ? (r.reason as AuthError).reason : 'signed-in'));
    expect(reasons).toEqual(['bad-credentials', 'bad-credentials', 'bad-credentials', 'locked', 'bad-credentials', 'locked']);
    expect(services.operators.list(admin).find((o) => o.username === 'an.admin')).toMatchObject({ locked: true, failedAttempts: 5 });
    const refused = db.prepare<[], { payload: string }>("SELECT payload FROM audit_log WHERE action = 'auth.sign-in-failed' AND payload LIKE '%locked-while-checking%'").all();
    expect(refused).toHaveLength(1);
    db.close();
  });

  it('lets the last allowed attempt in when it is the right password', async () => {
    const { db, services, admin } = await setup();
    const noDelay = createSessionService({ store: createSqliteAuthStore(() => db), now: () => new Date('2025-03-03T01:00:00.000Z'), scrypt: fastScrypt, policy: services.policy, encryption: services.encryption, lockout: { freeFailures: 5, lockAfter: 5, baseDelayMs: 1000 } });
    const runs = await Promise.allSettled(['wrong password 1', 'wrong password 1', 'wrong password 1', 'wrong password 1', goodPassword].map((password) => noDelay.signIn({ username: 'an.admin', password })));
    expect(runs.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'fulfilled']);
    expect(services.operators.list(admin).find((o) => o.username === 'an.admin')).toMatchObject({ locked: false, failedAttempts: 0 });
    db.close();
  });

  it('doubles the delay with each further failure under a longer lockout policy', async () => {
    const { db, clock, services, admin } = await setup();
    const patient = createSessionService({ store: createSqliteAuthStore(() => db), now: clock.now, scrypt: fastScrypt, policy: services.policy, encryption: services.encryption, lockout: { freeFailures: 3, lockAfter: 9, baseDelayMs: 1000 } });
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      await refusal(() => patient.signIn({ username: 'li.wei', password: 'wrong password 1' }));
      const state = services.operators.list(admin).find((o) => o.username === 'li.wei')!;
      const delay = state.retryNotBefore ? Date.parse(state.retryNotBefore) - clock.now().getTime() : 0;
      delays.push(delay);
      if (delay > 0) {
        // One millisecond early is still too early, and is not counted.
        clock.advance(delay - 1);
        expect((await refusal(() => patient.signIn({ username: 'li.wei', password: 'wrong password 1' }))).retryAfterMs).toBe(1);
        clock.advance(1);
      }
    }
    expect(delays).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 16000]);
    expect(services.operators.list(admin).find((o) => o.username === 'li.wei')).toMatchObject({ failedAttempts: 8, locked: false });
    await refusal(() => patient.signIn({ username: 'li.wei', password: 'wrong password 1' }));
    expect(services.operators.list(admin).find((o) => o.username === 'li.wei')).toMatchObject({ failedAttempts: 9, locked: true });
    db.close();
  });

  it('signs in with a temporary password once, and holds that session to a password change', async () => {
    const { db, services, desk, temporary } = await setup();
    const step = await services.sessions.signIn({ username: 'li.wei', password: temporary });
    if (step.status !== 'signed-in') throw new Error('expected a session');
    expect(step.session.pending).toEqual({ passwordChange: true, twoFactorEnrolment: false });
    const caller = services.sessions.current(step.sessionId)!;
    expect(checkChannelAccess('signed-in', caller)).toMatchObject({ allowed: false, reason: 'password-change-required' });
    expect(checkChannelAccess('session', caller)).toEqual({ allowed: true });

    // One-time: the same temporary password does not open a second session.
    expect((await refusal(() => services.sessions.signIn({ username: 'li.wei', password: temporary }))).reason).toBe('temporary-password-used');

    const same = await caught(() => services.operators.changeOwnPassword(caller, { currentPassword: temporary, newPassword: temporary }));
    expect(same.message).toMatch(/differs from the current one/);
    await services.operators.changeOwnPassword(caller, { currentPassword: temporary, newPassword: 'my own desk password 7' });
    expect(services.sessions.current(step.sessionId)?.pending.passwordChange).toBe(false);
    expect(checkChannelAccess('signed-in', services.sessions.current(step.sessionId))).toEqual({ allowed: true });
    expect((await services.sessions.signIn({ username: 'li.wei', password: 'my own desk password 7' })).status).toBe('signed-in');
    expect(auditActions(db)).toContain('auth.password-changed');
    expect(desk.mustChangePassword).toBe(true);
    db.close();
  });

  it('lets an admin reset a password: audited, old sessions end, the new one must be changed', async () => {
    const { db, clock, services, admin, desk, temporary } = await setup();
    const first = await services.sessions.signIn({ username: 'li.wei', password: temporary });
    if (first.status !== 'signed-in') throw new Error('expected a session');
    await services.operators.changeOwnPassword(services.sessions.current(first.sessionId)!, { currentPassword: temporary, newPassword: 'my own desk password 7' });

    const reset = await services.operators.resetPassword(admin, desk.id);
    expect(reset.operator.mustChangePassword).toBe(true);
    expect(auditActions(db).at(-1)).toBe('operator.password-reset');
    expect(services.sessions.current(first.sessionId)).toBeNull();
    expect((await refusal(() => services.sessions.signIn({ username: 'li.wei', password: 'my own desk password 7' }))).reason).toBe('bad-credentials');

    clock.advance(73 * 60 * 60 * 1000);
    expect((await refusal(() => services.sessions.signIn({ username: 'li.wei', password: reset.temporaryPassword }))).reason).toBe('temporary-password-expired');
    db.close();
  });

  it('ends the session of a disabled operator and refuses their sign-in', async () => {
    const { db, services, admin } = await setup();
    const second = await services.operators.create(admin, { username: 'zhang.min', displayName: 'Zhang Min', role: 'engineer' });
    const step = await services.sessions.signIn({ username: 'zhang.min', password: second.temporaryPassword });
    if (step.status !== 'signed-in') throw new Error('expected a session');
    services.operators.update(admin, { id: second.operator.id, disabled: true });
    expect(services.sessions.current(step.sessionId)).toBeNull();
    const reset = await services.operators.resetPassword(admin, second.operator.id);
    expect((await refusal(() => services.sessions.signIn({ username: 'zhang.min', password: reset.temporaryPassword }))).reason).toBe('disabled');
    db.close();
  });

  it('rehashes with the current parameters at the next successful sign-in', async () => {
    const { db, clock, services } = await setup();
    const hashOf = () => db.prepare<[], { password_hash: string }>("SELECT password_hash FROM operators WHERE username = 'an.admin'").get()!.password_hash;
    const old = hashOf();
    expect(parsePasswordHash(old)!.params).toEqual(fastScrypt);
    const raised = { ...fastScrypt, log2N: fastScrypt.log2N + 1 };
    const stronger = createSessionService({ store: createSqliteAuthStore(() => db), now: clock.now, scrypt: raised, policy: services.policy, encryption: services.encryption });

    await refusal(() => stronger.signIn({ username: 'an.admin', password: 'wrong password 1' }));
    expect(hashOf()).toBe(old);
    expect((await stronger.signIn({ username: 'an.admin', password: goodPassword })).status).toBe('signed-in');
    const renewed = hashOf();
    expect(renewed).not.toBe(old);
    expect(parsePasswordHash(renewed)!.params).toEqual(raised);
    const entry = db.prepare<[], { payload: string }>("SELECT payload FROM audit_log WHERE action = 'auth.password-rehashed'").get()!;
    expect(JSON.parse(entry.payload)).toEqual({ from: 'ln=10,r=8,p=1', to: 'ln=11,r=8,p=1' });
    // The same password still works, and no second rehash happens.
    expect((await stronger.signIn({ username: 'an.admin', password: goodPassword })).status).toBe('signed-in');
    expect(hashOf()).toBe(renewed);
    db.close();
  });
});
