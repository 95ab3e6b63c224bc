import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { LINK_LOG_VIEW_LINES } from '../../../../shared/terminal/link-log-line';
import type { PortList } from '../../../../shared/terminal/port-info';
import type { BatchSummary, TerminalParameters } from '../../../../shared/terminal/terminal-identity';
import type { ConnectionState, LinkLogEntry } from '../../../../shared/terminal/terminal-state';
import { useBusyAction } from '../../composables/use-busy-action';
import { invoke, onEvent } from '../../bridge/rebind-api';

// The log view keeps the newest lines only; the full log stays in main and is exported from there.
const maxLogLines = LINK_LOG_VIEW_LINES;

/** The Terminal page: ports, the connection, what was read from the terminal, and the link log. */
export const useTerminalStore = defineStore('terminal', () => {
  const ports = ref<PortList>({ ports: [], problem: null });
  const connection = ref<ConnectionState>({ status: 'disconnected', portPath: null, demo: false, identity: null, error: null });
  const batch = ref<BatchSummary | null>(null);
  const params = ref<TerminalParameters | null>(null);
  const log = shallowRef<LinkLogEntry[]>([]);
  const { busy, track } = useBusyAction();
  let subscribed = false;

  // One terminal state for every page that shows it (Terminal, On-site): what may be done now, and
  // the identity only while it is the terminal's live reading. While a rebind has the line, the
  // identity read before it is stale (the rebind changes it) and nothing may connect or read.
  const connected = computed(() => connection.value.status === 'connected');
  /** The rebinding engine has the line; its progress is on the On-site page. */
  const rebinding = computed(() => connection.value.status === 'rebinding');
  /** Connect is offered: nothing is connected or connecting, and no rebind holds the line. */
  const mayConnect = computed(() => (connection.value.status === 'disconnected' || connection.value.status === 'lost') && !busy.value);
  /** Reads (batch, parameters) and a disconnect are possible. */
  const mayUse = computed(() => connected.value && !busy.value);
  /** The identity as the terminal reported it on this connection; null while not connected or while a rebind runs. */
  const identity = computed(() => (connected.value ? connection.value.identity : null));

  const appendLog = (entries: LinkLogEntry[]) => {
    const last = log.value[log.value.length - 1]?.seq ?? -1;
    const fresh = entries.filter((e) => e.seq > last);
    if (fresh.length === 0) return;
    const next = log.value.concat(fresh);
    log.value = next.length > maxLogLines ? next.slice(next.length - maxLogLines) : next;
  };

  /** Loads ports, connection and log, and follows their events. */
  async function load(): Promise<void> {
    if (!subscribed) {
      subscribed = true;
      onEvent('terminal:ports-changed', (list) => (ports.value = list));
      onEvent('terminal:state-changed', (state) => {
        connection.value = state;
        if (state.status !== 'connected') {
          batch.value = null;
          params.value = null;
        }
      });
      onEvent('terminal:log', appendLog);
    }
    const [list, state, recent] = await Promise.all([
      invoke('terminal:list-ports', {}),
      invoke('terminal:state', {}),
      invoke('terminal:link-log', {}),
    ]);
    ports.value = list;
    connection.value = state;
    log.value = [];
    appendLog(recent.entries);
  }


  const refreshPorts = () => track(async () => (ports.value = await invoke('terminal:list-ports', {})));
  /** Connects to a port (or the demo terminal) and reads its identity. */
  const connect = (path: string, baudRate: number) => track(async () => (connection.value = await invoke('terminal:connect', { path, baudRate })));
  const disconnect = () => track(async () => (connection.value = await invoke('terminal:disconnect', {})));
  const readBatch = () => track(async () => (batch.value = await invoke('terminal:read-batch', {})));
  const readParams = () => track(async () => (params.value = await invoke('terminal:read-params', {})));
  /** Saves the link log to a file the user chooses. */
  const exportLog = (format: 'text' | 'jsonl') => track(() => invoke('terminal:export-log', { format }));

  return { ports, connection, batch, params, log, busy, connected, rebinding, mayConnect, mayUse, identity, load, refreshPorts, connect, disconnect, readBatch, readParams, exportLog };
});
