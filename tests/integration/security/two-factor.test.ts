import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../../shared/auth/base32';
import { checkChannelAccess } from '../../../shared/auth/roles';
import { AuthError } from '../../../electron/main/auth/auth-error';
import { hotp, totp, totpStep } from '../../../electron/main/auth/totp';
import { keyIdOf } from '../../../electron/main/crypto/field-cipher';
import { useTempDir } from '../support/temp-dir';
import { actorOf, auditActions, caught, goodPassword, openTestDatabase, securityServices, testClock } from './support';

const tempDir = useTempDir('rebinddesk-2fa-');

/** An admin who has enrolled; the clock sits mid-step so ±1 steps are unambiguous. */
async function enrolled() {
  const { db } = openTestDatabase(tempDir());
  const clock = testClock('2025-03-03T01:00:10.000Z');
  const services = securityServices(db, clock);
  const admin = actorOf(await services.operators.createFirstAdmin({ username: 'an.admin', displayName: 'An Admin', password: goodPassword }));
  const enrolment = await services.twoFactor.beginEnrolment(admin);
  const secret = decodeBase32(enrolment.secretBase32);
  const { recoveryCodes } = services.twoFactor.confirmEnrolment(admin, totp(secret, clock.now().getTime()));
  // The enrolment code's step is used up; sign-ins start one step later.
  clock.advance(30_000);
  return { db, clock, services, admin, secret, recoveryCodes, enrolment };
}

async function challenge(services: Awaited<ReturnType<typeof enrolled>>['services']): Promise<string> {
  const step = await services.sessions.signIn({ username: 'an.admin', password: goodPassword });
  if (step.status !== 'code-required') throw new Error(`expected a code request, got ${step.status}`);
  return step.challengeId;
}

async function refusal(work: () => unknown): Promise<AuthError> {
  const error = await caught(work);
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('two-factor enrolment', () => {
  it('gives an otpauth URI, a QR code and the secret, stores the secret encrypted and confirms with a first code', async () => {
    const { db } = openTestDatabase(tempDir());
    const clock = testClock('2025-03-03T01:00:10.000Z');
    const services = securityServices(db, clock);
    const admin = actorOf(await services.operators.createFirstAdmin({ username: 'an.admin', displayName: 'An Admin', password: goodPassword }));
    const enrolment = await services.twoFactor.beginEnrolment(admin);
    const plainSecret = enrolment.secretBase32.replace(/ /g, '');
    expect(enrolment.secretBase32).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    expect(enrolment.otpauthUri).toBe(`otpauth://totp/RebindDesk:an.admin?secret=${plainSecret}&issuer=RebindDesk&algorithm=SHA1&digits=6&period=30`);
    expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qrCodeDataUrl.split(',')[1]!, 'base64').toString()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const stored = db.prepare<[], { totp_pending_secret: string; totp_secret: string | null }>('SELECT totp_pending_secret, totp_secret FROM operators').get()!;
    expect(keyIdOf(stored.totp_pending_secret)).not.toBeNull();
    expect(stored.totp_pending_secret).not.toContain(plainSecret);
    expect(stored.totp_secret).toBeNull();

    const secret = decodeBase32(enrolment.secretBase32);
    const wrong = await caught(() => services.twoFactor.confirmEnrolment(admin, hotp(secret, totpStep(clock.now().getTime()) + 5)));
    expect(wrong.message).toMatch(/does not match.*clock/);
    const { recoveryCodes } = services.twoFactor.confirmEnrolment(admin, totp(secret, clock.now().getTime()));
    expect(recoveryCodes).toHaveLength(10);
    expect(services.twoFactor.status(admin)).toEqual({ enrolled: true, enrolmentPending: false, requiredByPolicy: false, recoveryCodesLeft: 10 });
    const hashes = db.prepare<[], { code_hash: string }>('SELECT code_hash FROM recovery_codes').all().map((r) => r.code_hash).join(' ');
    for (const code of recoveryCodes) expect(hashes).not.toContain(code.replace(/-/g, ''));
    // The wrong code above is counted and audited like any other second-factor check.
    expect(auditActions(db).slice(-3)).toEqual(['auth.two-factor-enrolment-started', 'auth.sign-in-failed', 'auth.two-factor-enrolled']);
    expect((await caught(() => services.twoFactor.beginEnrolment(admin))).message).toMatch(/already set up/);
    db.close();
  });
});

describe('signing in with two factors', () => {
  it('asks for a code after the password and signs in with the current one', async () => {
    const { db, clock, services, secret } = await enrolled();
    const challengeId = await challenge(services);
    const step = services.sessions.completeSignIn({ challengeId, code: totp(secret, clock.now().getTime()) });
    expect(step.status).toBe('signed-in');
    expect(auditActions(db).at(-1)).toBe('auth.signed-in');
    // The challenge is spent.
    expect((await refusal(() => services.sessions.completeSignIn({ challengeId, code: totp(secret, clock.now().getTime()) }))).reason).toBe('challenge-expired');
    db.close();
  });

  it('refuses a code that was already used, even within its window', async () => {
    const { db, clock, services, secret } = await enrolled();
    const code = totp(secret, clock.now().getTime());
    expect(services.sessions.completeSignIn({ challengeId: await challenge(services), code }).status).toBe('signed-in');
    const again = await challenge(services);
    const replayed = await refusal(() => services.sessions.completeSignIn({ challengeId: again, code }));
    expect(replayed).toMatchObject({ reason: 'bad-code' });
    expect(replayed.message).toMatch(/already used/);
    // The previous step's code is older than the one used: refused as well.
    const older = await refusal(() => services.sessions.completeSignIn({ challengeId: again, code: hotp(secret, totpStep(clock.now().getTime()) - 1) }));
    expect(older.message).toMatch(/already used/);
    clock.advance(30_000);
    expect(services.sessions.completeSignIn({ challengeId: again, code: totp(secret, clock.now().getTime()) }).status).toBe('signed-in');
    db.close();
  });

  it('accepts a code from one step before or after, not two', async () => {
    const { db, clock, services, secret } = await enrolled();
    const now = totpStep(clock.now().getTime());
    clock.advance(60_000);
    const stepNow = totpStep(clock.now().getTime());
    expect(stepNow).toBe(now + 2);
    const id = await challenge(services);
    expect((await refusal(() => services.sessions.completeSignIn({ challengeId: id, code: hotp(secret, stepNow - 2) }))).reason).toBe('bad-code');
    expect((await refusal(() => services.sessions.completeSignIn({ challengeId: id, code: hotp(secret, stepNow + 2) }))).reason).toBe('bad-code');
    expect(services.sessions.completeSignIn({ challengeId: id, code: hotp(secret, stepNow - 1) }).status).toBe('signed-in');
    expect(services.sessions.completeSignIn({ challengeId: await challenge(services), code: hotp(secret, stepNow + 1) }).status).toBe('signed-in');
    db.close();
  });

  it('counts wrong codes toward the lockout', async () => {
    const { db, clock, services, secret } = await enrolled();
    const id = await challenge(services);
    for (let i = 0; i < 4; i++) {
      await refusal(() => services.sessions.completeSignIn({ challengeId: id, code: '000000' }));
      clock.advance(8_000);
    }
    const fifth = await refusal(() => services.sessions.completeSignIn({ challengeId: id, code: '000000' }));
    expect(fifth.message).toMatch(/now locked/);
    expect((await refusal(() => services.sessions.completeSignIn({ challengeId: id, code: totp(secret, clock.now().getTime()) }))).reason).toBe('challenge-expired');
    expect((await refusal(() => services.sessions.signIn({ username: 'an.admin', password: goodPassword }))).reason).toBe('locked');
    db.close();
  });

  it('accepts each recovery code once', async () => {
    const { db, services, recoveryCodes, admin } = await enrolled();
    const [first, second] = recoveryCodes as [string, string];
    const step = services.sessions.completeSignIn({ challengeId: await challenge(services), code: first.toUpperCase() });
    expect(step.status).toBe('signed-in');
    const entry = db.prepare<[], { payload: string }>("SELECT payload FROM audit_log WHERE action = 'auth.signed-in' ORDER BY seq DESC LIMIT 1").get()!;
    expect(JSON.parse(entry.payload)).toMatchObject({ method: 'recovery-code', recoveryCodesLeft: 9 });
    const id = await challenge(services);
    expect((await refusal(() => services.sessions.completeSignIn({ challengeId: id, code: first }))).message).toMatch(/not an unused recovery code/);
    expect(services.sessions.completeSignIn({ challengeId: id, code: second.replace(/-/g, ' ') }).status).toBe('signed-in');
    expect(services.twoFactor.status(admin).recoveryCodesLeft).toBe(8);
    db.close();
  });

  it('regenerates recovery codes with a current code; the old ones stop working', async () => {
    const { db, clock, services, secret, recoveryCodes, admin } = await enrolled();
    const fresh = services.twoFactor.regenerateRecoveryCodes(admin, totp(secret, clock.now().getTime()));
    expect(fresh.recoveryCodes).toHaveLength(10);
    const id = await challenge(services);
    expect((await refusal(() => services.sessions.completeSignIn({ challengeId: id, code: recoveryCodes[0]! }))).reason).toBe('bad-code');
    clock.advance(8_000);
    expect(services.sessions.completeSignIn({ challengeId: id, code: fresh.recoveryCodes[0]! }).status).toBe('signed-in');
    db.close();
  });
});

describe('two-factor policy', () => {
  it('holds a role that must use two factors to enrolment until it is done', async () => {
    const { db } = openTestDatabase(tempDir());
    const clock = testClock('2025-03-03T01:00:10.000Z');
    const services = securityServices(db, clock);
    const admin = actorOf(await services.operators.createFirstAdmin({ username: 'an.admin', displayName: 'An Admin', password: goodPassword }));
    const policy = services.policy.update(admin, { twoFactorRequired: { engineer: true } });
    expect(policy.twoFactorRequired).toEqual({ desk: false, engineer: true, admin: false });
    expect(JSON.parse(db.prepare<[], { payload: string }>("SELECT payload FROM audit_log WHERE action = 'security.policy-changed'").get()!.payload)).toEqual({
      changes: { twoFactorRequired: { from: { desk: false, engineer: false, admin: false }, to: { desk: false, engineer: true, admin: false } } },
    });
    expect((await caught(() => services.policy.update({ ...admin, role: 'desk' }, { idleLockMinutes: 0 }))).message).toMatch(/Only an admin/);

    const engineer = await services.operators.create(admin, { username: 'zhang.min', displayName: 'Zhang Min', role: 'engineer' });
    const step = await services.sessions.signIn({ username: 'zhang.min', password: engineer.temporaryPassword });
    if (step.status !== 'signed-in') throw new Error('expected a session');
    expect(step.session.pending).toEqual({ passwordChange: true, twoFactorEnrolment: true });
    const caller = () => services.sessions.current(step.sessionId)!;
    await services.operators.changeOwnPassword(caller(), { currentPassword: engineer.temporaryPassword, newPassword: 'field engineer 2025' });
    expect(checkChannelAccess(['engineer'], caller())).toMatchObject({ allowed: false, reason: 'two-factor-enrolment-required' });
    const enrolment = await services.twoFactor.beginEnrolment(caller());
    services.twoFactor.confirmEnrolment(caller(), totp(decodeBase32(enrolment.secretBase32), clock.now().getTime()));
    expect(caller().pending).toEqual({ passwordChange: false, twoFactorEnrolment: false });
    expect(checkChannelAccess(['engineer'], caller())).toEqual({ allowed: true });
    expect(services.twoFactor.status(caller()).requiredByPolicy).toBe(true);

    // An admin resets it (a lost phone): the engineer must enrol again before anything else.
    services.twoFactor.reset(admin, engineer.operator.id);
    expect(auditActions(db).at(-1)).toBe('operator.two-factor-reset');
    expect(caller().pending.twoFactorEnrolment).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM recovery_codes WHERE operator_id = ?').get(engineer.operator.id)).toEqual({ n: 0 });
    db.close();
  });

  it('stores the idle-lock minutes and shows them in the session', async () => {
    const { db } = openTestDatabase(tempDir());
    const services = securityServices(db, testClock());
    const admin = actorOf(await services.operators.createFirstAdmin({ username: 'an.admin', displayName: 'An Admin', password: goodPassword }));
    expect(services.policy.get().idleLockMinutes).toBe(10);
    services.policy.update(admin, { idleLockMinutes: 3 });
    const step = await services.sessions.signIn({ username: 'an.admin', password: goodPassword });
    expect(step.status === 'signed-in' && step.session.idleLockMinutes).toBe(3);
    // Kept in the database, not in memory.
    expect(securityServices(db, testClock()).policy.get().idleLockMinutes).toBe(3);
    db.close();
  });
});
