import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { LINK_LOG_VIEW_LINES } from '../../../../shared/terminal/link-log-line';
import type { NumberedLinkLogLine } from '../../../../shared/terminal/link-log-line';
import type { ConnectionState } from '../../../../shared/terminal/terminal-state';
import { installFakeBridge, type FakeBridge } from '../../bridge/fake-bridge';
import { useTerminalStore } from './terminal-store';

// The store against a fake bridge (a unit test has no main process; bridge/fake-bridge.ts says why it
// is trusted): answers and events are checked against the contract's schemas.
const line = (seq: number): NumberedLinkLogLine => ({ seq, index: seq + 1, epochMs: 1_700_000_000_000 + seq, monoMs: seq, port: 'demo:terminal', direction: 'out', kind: 'frame', hex: '02 03', text: `line ${seq}` });
const disconnected: ConnectionState = { status: 'disconnected', portPath: null, demo: false, identity: null, error: null };
const identity = { protocolVersion: '1.0', maxBody: 4096, vendor: 'PAX', model: 'A920', serialNumber: '1170012345', firmware: '1.2.3', tid: '12345678', mid: '123456789012345', acquirerId: 'OLDBANK', activeSlot: 'A', activeDigest: 'ab'.repeat(32), previousSlot: false, locked: false } as const;
const connected: ConnectionState = { status: 'connected', portPath: 'demo:terminal', demo: true, identity, error: null };

let bridge: FakeBridge;
beforeEach(() => {
  setActivePinia(createPinia());
  bridge = installFakeBridge({
    'terminal:list-ports': () => ({ ports: [], problem: null }),
    'terminal:state': () => disconnected,
    'terminal:link-log': () => ({ entries: [line(0), line(1)] }),
    'terminal:connect': () => connected,
    'terminal:read-batch': () => ({ count: 3, totalFen: 12_000, reversalPending: false, offlinePending: 0, batchNumber: '000042' }),
  });
});

describe('terminal store', () => {
  it('loads the state and the recent log, then follows new lines without repeating one it has', async () => {
    const store = useTerminalStore();
    await store.load();
    expect(store.log.map((l) => l.seq)).toEqual([0, 1]);
    bridge.emit('terminal:log', [line(1), line(2), line(3)]);
    expect(store.log.map((l) => l.seq)).toEqual([0, 1, 2, 3]);
    bridge.emit('terminal:log', [line(2)]);
    expect(store.log).toHaveLength(4);
  });

  it('keeps only the newest lines the view shows', async () => {
    const store = useTerminalStore();
    await store.load();
    bridge.emit('terminal:log', Array.from({ length: LINK_LOG_VIEW_LINES }, (_, i) => line(i + 2)));
    expect(store.log).toHaveLength(LINK_LOG_VIEW_LINES);
    expect(store.log[0]?.seq).toBe(2);
    expect(store.log.at(-1)?.seq).toBe(LINK_LOG_VIEW_LINES + 1);
  });

  it('is busy while connecting, and forgets the batch and parameters when the link drops', async () => {
    const store = useTerminalStore();
    await store.load();
    const connecting = store.connect('demo:terminal', 115200);
    expect(store.busy).toBe(true);
    await connecting;
    expect(store.busy).toBe(false);
    expect(store.connected).toBe(true);
    expect(bridge.calls.find((c) => c.channel === 'terminal:connect')?.input).toEqual({ path: 'demo:terminal', baudRate: 115200 });
    await store.readBatch();
    expect(store.batch?.batchNumber).toBe('000042');
    bridge.emit('terminal:state-changed', { ...connected, status: 'lost', error: 'The terminal stopped answering.' });
    expect(store.connected).toBe(false);
    expect(store.batch).toBeNull();
    expect(store.params).toBeNull();
  });

  it('lets a refused call through to the page, and is no longer busy', async () => {
    const store = useTerminalStore();
    delete bridge.answers['terminal:connect'];
    await expect(store.connect('/dev/ttyUSB9', 9600)).rejects.toMatchObject({ name: 'BridgeError', detail: { code: 'unknown-channel' } });
    expect(store.busy).toBe(false);
  });
});
