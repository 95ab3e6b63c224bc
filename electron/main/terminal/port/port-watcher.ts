import type { PortList } from '../../../../shared/terminal/port-info';

/** What changed between two listings. */
export interface PortChange {
  list: PortList;
  added: string[];
  removed: string[];
}

/** Polls the port list so a plugged or pulled terminal shows within one interval. */
export interface PortWatcher {
  /** The latest listing (an immediate one if none was taken yet). */
  current(): Promise<PortList>;
  /** Stops polling. */
  stop(): void;
}

export interface PortWatcherOptions {
  list: () => Promise<PortList>;
  onChange: (change: PortChange) => void;
  /** Poll interval; 1 s keeps hot-plug within the 2 s the desk expects. */
  intervalMs?: number;
  /** Where a failed listing or a listener that throws is reported (polling goes on); stderr by default. */
  onError?: (error: unknown) => void;
}

/** Starts polling; `onChange` fires only when a path appears or vanishes. */
export function watchPorts(options: PortWatcherOptions): PortWatcher {
  const intervalMs = options.intervalMs ?? 1000;
  let last: PortList | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<PortList> | null = null;
  const onError = options.onError ?? ((error: unknown) => console.error('[ports] listing failed', error));
  // After stop() (shutdown closes what the listing reads, such as the database) a failure is expected.
  const report = (error: unknown) => {
    if (!stopped) onError(error);
  };

  const poll = (): Promise<PortList> => {
    inFlight ??= options.list().finally(() => (inFlight = null));
    return inFlight.then((list) => {
      const before = new Set(last?.ports.map((p) => p.path) ?? []);
      const after = new Set(list.ports.map((p) => p.path));
      const added = [...after].filter((p) => !before.has(p));
      const removed = [...before].filter((p) => !after.has(p));
      const problemChanged = (last?.problem ?? null) !== list.problem;
      const first = last === null;
      last = list;
      if (!first && (added.length > 0 || removed.length > 0 || problemChanged)) {
        // A listener's error is its own: the listing stands and polling goes on.
        try {
          options.onChange({ list, added, removed });
        } catch (error) {
          report(error);
        }
      }
      return list;
    });
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      poll().catch(report).finally(schedule);
    }, intervalMs);
  };
  // A failed first listing is retried at the next poll, like any other: never an unhandled rejection.
  void poll().catch(report).finally(schedule);

  return {
    current: () => (last ? Promise.resolve(last) : poll()),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
