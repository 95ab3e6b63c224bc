import { describe, expect, it, vi } from 'vitest';
import { invokeChannels } from '../../../shared/ipc/channels';
import { invokeContract } from '../../../shared/ipc/contract';
import { AppError } from '../app-error';
import { createRouter, type ChannelHandlers } from './router';

const trusted = { url: 'app://renderer/index.html' };
const disconnected = { status: 'disconnected' as const, portPath: null, demo: false, identity: null, error: null };

function handlersWith(overrides: Partial<ChannelHandlers> = {}) {
  const settings = { language: 'zh-CN', theme: 'system', terminalPort: null, terminalBaudRate: 115200 } as const;
  const handlers: ChannelHandlers = {
    'app:info': vi.fn(() => ({ appVersion: '1', schemaVersion: 1, dataDir: '/d', databasePath: '/d/x', runtime: 'node' as const, versions: { node: '20' } })),
    'settings:get': vi.fn(() => settings),
    'settings:update': vi.fn((patch) => ({ ...settings, ...patch })),
    'backup:list': vi.fn(() => ({ entries: [], last: null })),
    'backup:create': vi.fn(() => null),
    'backup:restore': vi.fn(() => null),
    'terminal:list-ports': vi.fn(() => ({ ports: [], problem: null })),
    'terminal:state': vi.fn(() => disconnected),
    'terminal:connect': vi.fn(() => disconnected),
    'terminal:disconnect': vi.fn(() => disconnected),
    'terminal:read-batch': vi.fn(() => ({ count: 0, totalFen: 0, reversalPending: false, offlinePending: 0, batchNumber: '000001' })),
    'terminal:read-params': vi.fn(() => ({ params: {}, digest: '' })),
    'terminal:link-log': vi.fn(() => ({ entries: [] })),
    'terminal:export-log': vi.fn(() => null),
    ...overrides,
  };
  const router = createRouter({ handlers, isTrustedSender: (s) => s.url === trusted.url, logError: () => undefined });
  return { router, handlers };
}

describe('router', () => {
  it('has a schema pair for every channel of the contract', () => {
    for (const channel of invokeChannels) {
      expect(invokeContract[channel].input, channel).toBeDefined();
      expect(invokeContract[channel].output, channel).toBeDefined();
    }
    expect(Object.keys(invokeContract).sort()).toEqual([...invokeChannels].sort());
  });

  it('answers a valid call with the ok envelope', async () => {
    const { router, handlers } = handlersWith();
    const result = await router.handle('settings:update', { language: 'en-US' }, trusted);
    expect(result).toEqual({ ok: true, value: { language: 'en-US', theme: 'system', terminalPort: null, terminalBaudRate: 115200 } });
    expect(handlers['settings:update']).toHaveBeenCalledWith({ language: 'en-US' });
  });

  it.each([
    ['wrong type', 'settings:update', { language: 7 }, 'language'],
    ['unknown enum value', 'settings:update', { theme: 'blue' }, 'theme'],
    ['unknown field', 'settings:update', { colour: 'red' }, 'colour'],
    ['missing field', 'backup:create', {}, 'destination'],
    ['oversize string', 'backup:restore', { source: { kind: 'history', id: 'x'.repeat(129) } }, 'source.id'],
    ['wrong union member', 'backup:restore', { source: { kind: 'disk', path: '/etc/passwd' } }, 'source.kind'],
    ['not an object', 'settings:update', 'en-US', '(input)'],
    ['baud rate outside the list', 'terminal:connect', { path: '/dev/ttyUSB0', baudRate: 1234 }, 'baudRate'],
    ['empty port path', 'terminal:connect', { path: '', baudRate: 9600 }, 'path'],
  ])('refuses %s naming the field, without calling the service', async (_name, channel, input, field) => {
    const { router, handlers } = handlersWith();
    const result = await router.handle(channel, input, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field } });
    if (!result.ok) expect(result.error.message).toContain(field === '(input)' ? channel : field);
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('refuses an unknown channel', async () => {
    const { router } = handlersWith();
    expect(await router.handle('settings:drop', {}, trusted)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await router.handle(42, {}, trusted)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses an untrusted sender before parsing anything', async () => {
    const { router, handlers } = handlersWith();
    const result = await router.handle('settings:get', {}, { url: 'https://evil.example/' });
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(handlers['settings:get']).not.toHaveBeenCalled();
  });

  it('refuses a payload that is too large or cannot be serialised', async () => {
    const { router } = handlersWith();
    const huge = { language: 'en-US', pad: 'x'.repeat(300_000) };
    expect(await router.handle('settings:update', huge, trusted)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(await router.handle('settings:update', cyclic, trusted)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('passes an AppError through with its code and hides unexpected errors', async () => {
    const { router } = handlersWith({
      'backup:create': () => {
        throw new AppError('conflict', 'busy');
      },
      'backup:list': () => {
        throw new Error('secret stack detail');
      },
    });
    expect(await router.handle('backup:create', { destination: 'default' }, trusted)).toEqual({ ok: false, error: { code: 'conflict', message: 'busy' } });
    const hidden = await router.handle('backup:list', {}, trusted);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('secret');
  });

  it('refuses a service answer outside the output schema', async () => {
    const { router } = handlersWith({ 'settings:get': () => ({ language: 'fr-FR', theme: 'light' }) as never });
    expect(await router.handle('settings:get', {}, trusted)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
