import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { invokeContract } from '../../../../shared/ipc/contract';
import type { SessionInfo } from '../../../../shared/auth/session';
import { FakeRefusal, installFakeBridge, type FakeBridge } from '../../bridge/fake-bridge';
import { invoke } from '../../bridge/rebind-api';
import { useAuthStore } from './auth-store';

// The store against a fake bridge (a unit test has no main process; bridge/fake-bridge.ts says why it
// is trusted). Which screen shows is decided here from main's answers; main's own checks have their tests.
const session = (role: SessionInfo['role'], pending: Partial<SessionInfo['pending']> = {}): SessionInfo => ({
  operatorId: 1,
  username: 'chen.admin',
  displayName: 'Chen Admin',
  role,
  signedInAt: '2026-12-01T10:00:00.000Z',
  pending: { passwordChange: false, twoFactorEnrolment: false, ...pending },
  deskLead: false,
  idleLockMinutes: 10,
});

let bridge: FakeBridge;
beforeEach(() => {
  setActivePinia(createPinia());
  bridge = installFakeBridge({
    'auth:needs-first-admin': () => ({ needsFirstAdmin: false }),
    'auth:session': () => ({ session: null, locked: false }),
  });
});

describe('auth store', () => {
  it('shows loading, then first start, sign-in, or the app, from what main says', async () => {
    const store = useAuthStore();
    expect(store.screen).toBe('loading');
    bridge.answers['auth:needs-first-admin'] = () => ({ needsFirstAdmin: true });
    await store.load();
    expect(store.screen).toBe('first-admin');
    bridge.answers['auth:needs-first-admin'] = () => ({ needsFirstAdmin: false });
    await store.load();
    expect(store.screen).toBe('sign-in');
    bridge.answers['auth:session'] = () => ({ session: session('desk'), locked: false });
    await store.load();
    expect(store.screen).toBe('app');
  });

  it('puts the pending steps first: a new password, then two-factor enrolment; a lock over everything', async () => {
    const store = useAuthStore();
    bridge.answers['auth:session'] = () => ({ session: session('admin', { passwordChange: true, twoFactorEnrolment: true }), locked: false });
    await store.load();
    expect(store.screen).toBe('change-password');
    bridge.answers['auth:session'] = () => ({ session: session('admin', { twoFactorEnrolment: true }), locked: false });
    await store.refresh();
    expect(store.screen).toBe('enrol-two-factor');
    bridge.answers['auth:session'] = () => ({ session: session('admin'), locked: true });
    await store.refresh();
    expect(store.screen).toBe('locked');
  });

  it('signs in in two steps when main asks for a code, and the code step refuses without a challenge', async () => {
    const store = useAuthStore();
    await store.load();
    await expect(store.submitCode('123456')).rejects.toThrow();
    bridge.answers['auth:sign-in'] = () => ({ status: 'code-required', challengeId: 'c-1', expiresAt: '2026-12-01T10:05:00.000Z' });
    bridge.answers['auth:sign-in-code'] = ({ challengeId }) => {
      if (challengeId !== 'c-1') throw new FakeRefusal({ code: 'forbidden', message: 'Signing in took too long.', reason: 'challenge-expired' });
      return { status: 'signed-in', session: session('engineer') };
    };
    expect(await store.signIn('chen.admin', 'blue terminal 42')).toBe('code-required');
    expect(store.screen).toBe('sign-in');
    await store.submitCode(' 123456 ');
    expect(store.screen).toBe('app');
    expect(store.challenge).toBeNull();
    expect(store.session?.role).toBe('engineer');
  });

  it('answers may() with the check main applies, for the signed-in role', async () => {
    const store = useAuthStore();
    bridge.answers['auth:session'] = () => ({ session: session('engineer'), locked: false });
    await store.load();
    expect(store.may(invokeContract['terminal:connect'].roles)).toBe(true);
    expect(store.may(invokeContract['operators:list'].roles)).toBe(false);
    bridge.answers['auth:session'] = () => ({ session: session('engineer', { passwordChange: true }), locked: false });
    await store.refresh();
    expect(store.may(invokeContract['terminal:connect'].roles)).toBe(false);
  });

  it('shows the lock screen when any call answers that the window is locked', async () => {
    const store = useAuthStore();
    bridge.answers['auth:session'] = () => ({ session: session('admin'), locked: false });
    await store.load();
    bridge.answers['operators:list'] = () => {
      throw new FakeRefusal({ code: 'locked', message: 'The screen is locked.' });
    };
    await expect(invoke('operators:list', {})).rejects.toMatchObject({ detail: { code: 'locked' } });
    expect(store.screen).toBe('locked');
  });
});
