import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import { demoPortPath } from '../../../shared/terminal/port-info';
import { useOnsiteStore } from '../../../renderer/src/features/onsite/onsite-store';
import { useTerminalStore } from '../../../renderer/src/features/terminal/terminal-store';
import { callAs, createFirstAdmin, testMainContext, testWindow } from '../support/main-context';
import { bindWindowToMain } from '../support/renderer-window';
import { useTempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

// The Terminal and On-site stores over a real main context (router, engine, demo terminal, SQLite
// file): one terminal state during a rebind, and the step list after a rollback.
const tempDir = useTempDir('rebinddesk-stores-');
let unbind: (() => void) | null = null;
afterEach(() => {
  unbind?.();
  unbind = null;
});

async function setup() {
  const main = testMainContext(tempDir(), {}, { demoLine: null });
  await createFirstAdmin(main, testWindow('store-test'));
  unbind = bindWindowToMain(main, 'store-test');
  setActivePinia(createPinia());
  const terminal = useTerminalStore();
  const onsite = useOnsiteStore();
  await terminal.load();
  await onsite.load();
  await terminal.connect(demoPortPath, 115200);
  return { main, terminal, onsite };
}

async function startRebind(onsite: ReturnType<typeof useOnsiteStore>, terminal: ReturnType<typeof useTerminalStore>) {
  const params = (await terminal.readParams()).params;
  const template = onsite.templates[0]!;
  await onsite.start({ templateId: template.id, merchant: { tid: params['A001']!, mid: params['A002']!, name: params['A003'] ?? '', mcc: params['A014']! }, workOrder: {} });
}

describe('terminal and on-site stores', () => {
  it('during a rebind nothing may connect or read, the stale identity is not shown, and both pages see the same state', async () => {
    const { main, terminal, onsite } = await setup();
    expect(terminal.connected && terminal.mayUse && terminal.identity !== null).toBe(true);
    expect(terminal.mayConnect).toBe(false);
    await startRebind(onsite, terminal);
    await waitFor(() => terminal.rebinding, 10_000, 'the terminal store to see the rebind');
    expect({ connected: terminal.connected, mayConnect: terminal.mayConnect, mayUse: terminal.mayUse, identity: terminal.identity }).toEqual({ connected: false, mayConnect: false, mayUse: false, identity: null });
    await waitFor(() => onsite.outcome !== null, 60_000, 'the outcome');
    await waitFor(() => terminal.connected, 10_000, 'the line given back');
    expect(terminal.identity?.serialNumber).toBeTruthy();
    await main.onsite.idle();
    unbind?.();
    unbind = null;
    await main.close();
  });

  it('after a rollback the steps that never ran say skipped, none says waiting', async () => {
    const { main, terminal, onsite } = await setup();
    await callAs(main, testWindow('store-test'), 'terminal:demo-control', { hostReachable: false });
    await startRebind(onsite, terminal);
    await waitFor(() => onsite.outcome !== null, 60_000, 'the outcome');
    expect(onsite.outcome?.outcome).toBe('restored');
    expect(onsite.rows.filter((r) => r.status === 'waiting')).toEqual([]);
    expect(onsite.rows.some((r) => r.status === 'skipped')).toBe(true);
    await main.onsite.idle();
    unbind?.();
    unbind = null;
    await main.close();
  });

  it('keeps what was typed into the On-site form when the page goes away (a new store user sees it)', async () => {
    setActivePinia(createPinia());
    const first = useOnsiteStore();
    first.form.merchant.tid = '12345678';
    first.form.templateId = 'acquirer-b';
    expect(useOnsiteStore().form).toMatchObject({ templateId: 'acquirer-b', merchant: { tid: '12345678' } });
  });
});
