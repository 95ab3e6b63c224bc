// What the bench trace readers (trace-long-tasks.ts, trace-timeline.ts) share: the Chromium trace
// event and CPU profile shapes they read, the top-level task names, and self time per event.

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string; message?: string } };
}

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber?: number; columnNumber?: number }; children?: number[] }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** The event that wraps one top-level task of a thread. */
export const TASK = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/**
 * Self time per label, ms: each event's thread time (its wall time when it has none) less its
 * children's. `events` are one thread's complete events, sorted by start, outer before inner.
 */
export function selfTimes(events: readonly TraceEvent[], label: (e: TraceEvent) => string): Map<string, number> {
  const self = new Map<string, number>();
  const stack: { end: number; name: string; childUs: number; dur: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= until) {
      const done = stack.pop()!;
      self.set(done.name, (self.get(done.name) ?? 0) + Math.max(0, done.dur - done.childUs) / 1000);
    }
  };
  for (const e of events) {
    close(e.ts);
    const own = e.tdur ?? e.dur!;
    if (stack.length > 0) stack[stack.length - 1]!.childUs += own;
    stack.push({ end: e.ts + e.dur!, name: label(e), childUs: 0, dur: own });
  }
  close(Number.POSITIVE_INFINITY);
  return self;
}
