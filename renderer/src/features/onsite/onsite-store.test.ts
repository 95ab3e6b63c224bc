import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { forwardSteps } from '../../../../shared/rebind';
import { FakeRefusal, installFakeBridge, type FakeBridge } from '../../bridge/fake-bridge';
import { useOnsiteStore } from './onsite-store';

// The store against a fake bridge (a unit test has no main process; bridge/fake-bridge.ts says why it
// is trusted): the engine's events are played in by hand, checked against the contract's schemas.
const input = { templateId: 'newbank', merchant: { tid: '12345678', mid: '123456789012345', name: 'Cafe', mcc: '5812' }, workOrder: {} };
const at = '2026-12-01T10:00:00.000Z';

let bridge: FakeBridge;
beforeEach(() => {
  setActivePinia(createPinia());
  bridge = installFakeBridge({
    'rebind:templates': () => ({ templates: [] }),
    'rebind:pending': () => ({ operations: [] }),
    'rebind:start': () => ({ started: true }),
    'rebind:cancel': () => ({ cancelling: false }),
  });
});

describe('onsite store', () => {
  it('starts with every forward step waiting, and follows the steps as the engine reports them', async () => {
    const store = useOnsiteStore();
    await store.load();
    expect(store.rows.map((r) => [r.step, r.status])).toEqual(forwardSteps.map((step) => [step, 'waiting']));
    await store.start(input, 'key-1');
    expect(store.running).toBe(true);
    bridge.emit('rebind:event', { type: 'operation', operationId: 7, session: 1, status: 'started' });
    bridge.emit('rebind:event', { type: 'step-started', operationId: 7, step: 'identify', attempt: 1, at });
    bridge.emit('rebind:event', { type: 'step-finished', operationId: 7, step: 'identify', status: 'ok', durationMs: 40, detail: null, error: null });
    bridge.emit('rebind:event', { type: 'step-started', operationId: 7, step: 'stage', attempt: 1, at });
    bridge.emit('rebind:event', { type: 'step-progress', operationId: 7, step: 'stage', progress: { kind: 'bytes', done: 512, total: 2048 } });
    const stage = store.rows.find((r) => r.step === 'stage');
    expect(stage).toMatchObject({ status: 'running', progress: { kind: 'bytes', done: 512, total: 2048 } });
    expect(store.rows.find((r) => r.step === 'identify')).toMatchObject({ status: 'ok', durationMs: 40 });
    expect(store.stepsDone).toBe(1);
  });

  it('adds recovery steps to the list when they run, and keeps the decisions and the receipt', async () => {
    const store = useOnsiteStore();
    await store.load();
    await store.start(input);
    bridge.emit('rebind:event', { type: 'step-started', operationId: 7, step: 'rollback', attempt: 1, at });
    bridge.emit('rebind:event', { type: 'decision', operationId: 7, action: 'rollback', message: { code: 'decision-rollback', params: {} } });
    bridge.emit('rebind:event', { type: 'receipt', operationId: 7, lines: ['NEW BANK', 'TEST OK'] });
    expect(store.rows.at(-1)).toMatchObject({ step: 'rollback', status: 'running' });
    expect(store.rows).toHaveLength(forwardSteps.length + 1);
    expect(store.decisions).toEqual([{ code: 'decision-rollback', params: {} }]);
    expect(store.receipt).toEqual(['NEW BANK', 'TEST OK']);
  });

  it('a new start clears the last run, and a run main could not start is no longer running', async () => {
    const store = useOnsiteStore();
    await store.load();
    await store.start(input);
    bridge.emit('rebind:event', { type: 'step-finished', operationId: 7, step: 'identify', status: 'failed', durationMs: 5, detail: null, error: { code: 'link-no-answer', params: {} } });
    bridge.emit('rebind:start-failed', { message: 'No terminal is connected.', reason: { code: 'no-terminal-connected', params: {} } });
    expect(store.running).toBe(false);
    expect(store.startError).toEqual({ code: 'no-terminal-connected', params: {} });
    await store.start(input);
    expect(store.startError).toBeNull();
    expect(store.rows.every((r) => r.status === 'waiting')).toBe(true);
  });

  it('a refused start is not left running, and the refusal reaches the form', async () => {
    const store = useOnsiteStore();
    bridge.answers['rebind:start'] = () => {
      throw new FakeRefusal({ code: 'conflict', message: 'A rebind is already running.' });
    };
    await expect(store.start(input)).rejects.toMatchObject({ detail: { code: 'conflict' } });
    expect(store.running).toBe(false);
  });

  it('Cancel goes back when main says no rebind is running', async () => {
    const store = useOnsiteStore();
    const asked = store.cancel();
    expect(store.cancelling).toBe(true);
    await asked;
    expect(store.cancelling).toBe(false);
  });
});
