import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../../shared/auth/base32';
import type { IpcResult } from '../../../shared/ipc/result';
import { hotp, totp, totpStep } from '../../../electron/main/auth/totp';
import type { MainContext } from '../../../electron/main/main-context';
import { callAs, createFirstAdmin, testAdmin, testMainContext, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { testClock, type TestClock } from './support';

// Bursts through the real router: every call of a Promise.all starts before any scrypt run ends,
// which is how a hostile renderer (or a script on the bridge) races the lockout.

const tempDir = useTempDir('rebinddesk-burst-');
const wrong = 'wrong password 1';

async function setup(): Promise<{ ctx: MainContext; clock: TestClock; db: () => Database.Database }> {
  const clock = testClock('2025-03-03T01:00:10.000Z');
  const ctx = testMainContext(tempDir(), {}, { now: clock.now });
  await createFirstAdmin(ctx, testWindow('first'));
  return { ctx, clock, db: () => ctx.database.current() };
}

const lockState = (db: Database.Database) =>
  db.prepare<[string], { failed_attempts: number; locked: number }>('SELECT failed_attempts, locked FROM operators WHERE username = ?').get(testAdmin.username)!;

const failures = (db: Database.Database) =>
  db.prepare<[], { payload: string }>("SELECT payload FROM audit_log WHERE action = 'auth.sign-in-failed' ORDER BY seq").all().map((r) => JSON.parse(r.payload) as Record<string, unknown>);

const errorOf = (result: IpcResult<unknown>) => (result.ok ? null : result.error);

describe('the lockout under bursts of concurrent attempts', () => {
  it('refuses the right password sent 31st in a burst of 40 sign-ins, and counts only attempts it checked', async () => {
    const { ctx, db } = await setup();
    const burst = Array.from({ length: 40 }, (_, i) =>
      ctx.router.handle('auth:sign-in', { username: testAdmin.username, password: i === 30 ? testAdmin.password : wrong }, testWindow(`w${i}`)),
    );
    const results = await Promise.all(burst);
    expect(results[30]).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(results.filter((r) => r.ok)).toEqual([]);
    // Three free attempts, the fourth starts the delay; every later one is refused unchecked.
    const reasons = results.map((r) => errorOf(r)?.reason);
    expect(reasons.filter((r) => r === 'bad-credentials')).toHaveLength(4);
    expect(reasons.filter((r) => r === 'wait')).toHaveLength(36);
    expect(lockState(db())).toEqual({ failed_attempts: 4, locked: 0 });
    // Each failure is audited with the count its claim left; the order is scrypt's.
    expect(failures(db()).map((p) => p['failedAttempts'] as number).sort()).toEqual([1, 2, 3, 4]);
    for (let i = 0; i < 40; i++) expect(await callAs(ctx, testWindow(`w${i}`), 'auth:session', {})).toMatchObject({ session: null });
    await ctx.close();
  });

  it('locks at the 5th failure of a burst, and the right password in the same burst does not get in', async () => {
    const { ctx, clock, db } = await setup();
    for (let i = 0; i < 4; i++) await ctx.router.handle('auth:sign-in', { username: testAdmin.username, password: wrong }, testWindow('w'));
    clock.advance(1000);
    const results = await Promise.all(
      [wrong, testAdmin.password, wrong, testAdmin.password].map((password, i) => ctx.router.handle('auth:sign-in', { username: testAdmin.username, password }, testWindow(`b${i}`))),
    );
    expect(results.map((r) => errorOf(r)?.reason)).toEqual(['bad-credentials', 'locked', 'locked', 'locked']);
    expect(lockState(db())).toEqual({ failed_attempts: 5, locked: 1 });
    const actions = db().prepare<[], { action: string }>("SELECT action FROM audit_log WHERE action = 'auth.locked'").all();
    expect(actions).toHaveLength(1);
    await ctx.close();
  });

  it('keeps the screen locked against a burst of 30 unlocks with the right password last', async () => {
    const { ctx, db } = await setup();
    const window = testWindow('first');
    await callAs(ctx, window, 'auth:lock', {});
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => ctx.router.handle('auth:unlock', { password: i === 29 ? testAdmin.password : wrong }, window)),
    );
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(results.map((r) => errorOf(r)?.reason).filter((r) => r === 'bad-credentials')).toHaveLength(4);
    expect(await callAs(ctx, window, 'auth:session', {})).toMatchObject({ locked: true });
    expect(await ctx.router.handle('settings:update', { theme: 'dark' }, window)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(lockState(db())).toEqual({ failed_attempts: 4, locked: 0 });
    await ctx.close();
  });

  it('gates changing one\u2019s own password the same way: the right current password in a burst is refused', async () => {
    const { ctx, clock, db } = await setup();
    const window = testWindow('first');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ctx.router.handle('auth:change-password', { currentPassword: i === 9 ? testAdmin.password : wrong, newPassword: 'a new desk password 9' }, window),
      ),
    );
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(results[9]).toMatchObject({ ok: false, error: { reason: 'wait' } });
    expect(lockState(db())).toEqual({ failed_attempts: 4, locked: 0 });
    // The password did not change: after the delay the old one still signs in.
    clock.advance(1000);
    expect(await ctx.router.handle('auth:sign-in', { username: testAdmin.username, password: testAdmin.password }, testWindow('later'))).toMatchObject({ ok: true });
    expect(lockState(db())).toEqual({ failed_attempts: 0, locked: 0 });
    await ctx.close();
  });
});

describe('second-factor checks outside sign-in', () => {
  async function enrolled() {
    const { ctx, clock, db } = await setup();
    const window = testWindow('first');
    const enrolment = (await callAs(ctx, window, 'two-factor:begin', {})) as { secretBase32: string };
    const secret = decodeBase32(enrolment.secretBase32);
    await callAs(ctx, window, 'two-factor:confirm', { code: totp(secret, clock.now().getTime()) });
    clock.advance(30_000);
    return { ctx, clock, db, window, secret };
  }

  it('counts and audits wrong codes sent to two-factor:regenerate-codes, and locks the account', async () => {
    const { ctx, clock, db, window, secret } = await enrolled();
    const badCode = () => hotp(secret, totpStep(clock.now().getTime()) + 7);
    const answers: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++) answers.push(errorOf(await ctx.router.handle('two-factor:regenerate-codes', { code: badCode() }, window))?.reason);
    expect(answers).toEqual(['bad-code', 'bad-code', 'bad-code', 'bad-code', 'wait', 'wait']);
    expect(failures(db()).map((p) => [p['reason'], p['purpose'], p['failedAttempts']])).toEqual([
      ['bad-code', 'regenerate-recovery-codes', 1],
      ['bad-code', 'regenerate-recovery-codes', 2],
      ['bad-code', 'regenerate-recovery-codes', 3],
      ['bad-code', 'regenerate-recovery-codes', 4],
    ]);
    // During the delay even the right code is not checked.
    expect(await ctx.router.handle('two-factor:regenerate-codes', { code: totp(secret, clock.now().getTime()) }, window)).toMatchObject({ ok: false, error: { reason: 'wait' } });
    clock.advance(1000);
    expect(errorOf(await ctx.router.handle('two-factor:regenerate-codes', { code: badCode() }, window))?.reason).toBe('bad-code');
    expect(lockState(db())).toEqual({ failed_attempts: 5, locked: 1 });
    expect(await ctx.router.handle('two-factor:regenerate-codes', { code: totp(secret, clock.now().getTime()) }, window)).toMatchObject({ ok: false, error: { reason: 'locked' } });
    await ctx.close();
  });

  it('counts wrong codes at enrolment too, and a right code clears only its own attempt', async () => {
    const { ctx, clock, db } = await setup();
    const window = testWindow('first');
    const enrolment = (await callAs(ctx, window, 'two-factor:begin', {})) as { secretBase32: string };
    const secret = decodeBase32(enrolment.secretBase32);
    const bad = hotp(secret, totpStep(clock.now().getTime()) + 9);
    expect(await ctx.router.handle('two-factor:confirm', { code: bad }, window)).toMatchObject({ ok: false, error: { reason: 'bad-code' } });
    expect(failures(db()).at(-1)).toMatchObject({ reason: 'bad-code', purpose: 'confirm-two-factor-enrolment', failedAttempts: 1 });
    expect(await ctx.router.handle('two-factor:confirm', { code: totp(secret, clock.now().getTime()) }, window)).toMatchObject({ ok: true });
    expect(lockState(db())).toEqual({ failed_attempts: 1, locked: 0 });
    await ctx.close();
  });
});

describe('sign-in challenges', () => {
  it('belong to the window that began them: another window cannot complete one', async () => {
    const clock = testClock('2025-03-03T01:00:10.000Z');
    const ctx = testMainContext(tempDir(), {}, { now: clock.now });
    const first = testWindow('first');
    await createFirstAdmin(ctx, first);
    const enrolment = (await callAs(ctx, first, 'two-factor:begin', {})) as { secretBase32: string };
    const secret = decodeBase32(enrolment.secretBase32);
    await callAs(ctx, first, 'two-factor:confirm', { code: totp(secret, clock.now().getTime()) });
    clock.advance(30_000);

    const victim = testWindow('victim');
    const step = (await callAs(ctx, victim, 'auth:sign-in', { username: testAdmin.username, password: testAdmin.password })) as { challengeId: string };
    const thief = testWindow('thief');
    const stolen = await ctx.router.handle('auth:sign-in-code', { challengeId: step.challengeId, code: totp(secret, clock.now().getTime()) }, thief);
    expect(stolen).toMatchObject({ ok: false, error: { reason: 'challenge-expired' } });
    expect(await callAs(ctx, thief, 'auth:session', {})).toMatchObject({ session: null });
    // The victim's own window still completes it.
    expect(await callAs(ctx, victim, 'auth:sign-in-code', { challengeId: step.challengeId, code: totp(secret, clock.now().getTime()) })).toMatchObject({ status: 'signed-in' });
    await ctx.close();
  });
});
