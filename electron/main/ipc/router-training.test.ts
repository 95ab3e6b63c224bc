import { describe, expect, it, vi } from 'vitest';
import { invokeChannels } from '../../../shared/ipc/channels';
import { trainingScopeOf } from '../../../shared/training/training-scope';
import type { Caller } from '../auth/session-service';
import { createRouter, type ChannelHandlers, type WindowModes } from './router';

// The router's side of training mode: a window in training reaches the training handlers for the
// work of an appointment, the real ones for its session and settings, and nothing else; events
// follow the side that emitted them; a session that ends takes its window out of training.
const trusted = (id: number) => ({ url: 'app://renderer/index.html', id });
const caller = (sessionId: string): Caller => ({
  sessionId,
  operatorId: 1,
  username: 'a.desk',
  displayName: 'Desk',
  role: 'admin',
  signedInAt: '2025-01-01T00:00:00.000Z',
  viaTemporaryPassword: false,
  pending: { passwordChange: false, twoFactorEnrolment: false },
});

function setup() {
  const side = (name: string) => Object.fromEntries(invokeChannels.map((channel) => [channel, vi.fn(() => ({ side: name, channel }))])) as unknown as ChannelHandlers;
  const real = side('real');
  Object.assign(real, {
    'auth:sign-in': vi.fn((input: { username: string }, context: { attachSession: (id: string) => void }) => {
      context.attachSession(input.username);
      return { status: 'code-required', challengeId: 'c', expiresAt: 'x' };
    }),
    'auth:sign-out': vi.fn((_input: unknown, context: { endSession: () => void }) => {
      context.endSession();
      return {};
    }),
  });
  const training = side('training');
  const windows = new Set<string>();
  const ended: [string, string][] = [];
  const modes: WindowModes = {
    inTraining: (window) => windows.has(window),
    trainingHandlers: () => training,
    sessionEnded: (window, cause) => {
      ended.push([window, cause]);
      windows.delete(window);
    },
  };
  const sessions = { current: vi.fn((id: string | null | undefined) => (id ? caller(id) : null)), signOut: vi.fn() };
  // Outputs are not checked against the contract here: the handlers answer a marker, so the router's answer is `internal`
  // unless parsing passes; the marker is read from the handler mocks instead.
  const router = createRouter({ handlers: real, sessions, isTrustedSender: () => true, logError: () => undefined, modes });
  const signIn = async (id: number) => router.handle('auth:sign-in', { username: `user${id}`, password: 'x' }, trusted(id));
  return { router, real, training, windows, ended, signIn };
}

describe('the router in training mode', () => {
  it('sends a training window\'s desk call to the training handlers, its settings to the real ones, and refuses a backup', async () => {
    const t = setup();
    await t.signIn(1);
    await t.signIn(2);
    t.windows.add('1');
    await t.router.handle('desk:cases-list', {}, trusted(1));
    expect(t.training['desk:cases-list']).toHaveBeenCalledTimes(1);
    expect(t.real['desk:cases-list']).not.toHaveBeenCalled();
    await t.router.handle('desk:cases-list', {}, trusted(2));
    expect(t.real['desk:cases-list']).toHaveBeenCalledTimes(1);
    await t.router.handle('settings:get', {}, trusted(1));
    expect(t.real['settings:get']).toHaveBeenCalledTimes(1);
    expect(t.training['settings:get']).not.toHaveBeenCalled();
    const refused = await t.router.handle('backup:list', {}, trusted(1));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'training-channel-refused', params: { channel: 'backup:list' } } });
    expect(t.real['backup:list']).not.toHaveBeenCalled();
    expect(t.training['backup:list']).not.toHaveBeenCalled();
  });

  it('refuses by default: every channel is placed, and backups, operators, key upkeep, CSV and unknown domains stay out', () => {
    const scopes = Object.fromEntries(invokeChannels.map((c) => [c, trainingScopeOf(c)]));
    for (const c of ['backup:list', 'backup:create', 'backup:restore', 'operators:create', 'security:rotate-key', 'audit:export', 'desk:import-commit', 'desk:export']) expect(scopes[c], c).toBe('refused');
    for (const c of ['desk:book', 'terminal:connect', 'rebind:start', 'checklist:finish', 'sensitive:reveal', 'audit:list']) expect(scopes[c], c).toBe('training');
    for (const c of ['auth:sign-out', 'settings:get', 'training:leave', 'preferences:update']) expect(scopes[c], c).toBe('real');
    expect(trainingScopeOf('reports:outcomes')).toBe('refused');
    expect(trainingScopeOf('report:issue')).toBe('training');
  });

  it('gives a training window the training terminal\'s events and a real window the real one\'s; settings reach both', async () => {
    const t = setup();
    await t.signIn(1);
    await t.signIn(2);
    t.windows.add('1');
    expect(t.router.mayReceive('terminal:state-changed', 1, 'training')).toBe(true);
    expect(t.router.mayReceive('terminal:state-changed', 1, 'real')).toBe(false);
    expect(t.router.mayReceive('terminal:state-changed', 2, 'training')).toBe(false);
    expect(t.router.mayReceive('terminal:state-changed', 2, 'real')).toBe(true);
    expect(t.router.mayReceive('settings:changed', 1, 'real')).toBe(true);
    expect(t.router.mayReceive('settings:changed', 2, 'real')).toBe(true);
    expect(t.router.mayReceive('settings:changed', 1, 'training')).toBe(false);
  });

  it('ends training with the session: signed out, replaced by another sign-in, or the window closed', async () => {
    const t = setup();
    for (const id of [1, 2, 3]) {
      await t.signIn(id);
      t.windows.add(String(id));
    }
    await t.router.handle('auth:sign-out', {}, trusted(1));
    await t.router.handle('auth:sign-in', { username: 'other', password: 'x' }, trusted(2));
    t.router.forgetSender(3);
    expect(t.ended).toEqual([['1', 'signed-out'], ['2', 'signed-out'], ['3', 'window-closed']]);
    expect(t.windows.size).toBe(0);
  });
});
