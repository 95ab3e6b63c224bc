// Where a page's long tasks go, from a Chromium trace (Playwright's browser.startTracing) and a CPU
// profile taken over the same span: each top-level task of the renderer's main thread over a bound,
// by wall time and by the thread's own CPU time (which other processes holding the cores do not
// inflate), with its self time split by trace event (script, GC, style, layout, paint, IPC) and its
// script split by function from the profile's samples.

import { selfTimes, TASK, type CpuProfile, type TraceEvent } from './trace-events';

export interface TaskBreakdown {
  /** Wall time of the task, ms. */
  ms: number;
  /** The main thread's CPU time in the task, ms (null when the trace has no thread times). */
  threadMs: number | null;
  /** Self time by trace event name, ms, largest first. */
  parts: [string, number][];
  /** Script samples by function, ms, largest first. */
  functions: [string, number][];
}

function mainThreadEvents(events: TraceEvent[]): TraceEvent[] {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  // The page's renderer is the main thread that ran script (others are spare or extension renderers).
  const busy = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (mains.has(key) && e.ph === 'X' && e.name === 'FunctionCall') busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  const page = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  return events.filter((e) => `${e.pid}:${e.tid}` === page && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
}

function label(e: TraceEvent): string {
  if (e.name === 'EventDispatch' && e.args?.data?.type) return `EventDispatch ${e.args.data.type}`;
  if ((e.name === 'FunctionCall' || e.name === 'EvaluateScript') && e.args?.data?.url) return `${e.name} ${e.args.data.functionName || '(anonymous)'} ${e.args.data.url.split('/').pop()}`;
  return e.name;
}

function functionSamples(profile: CpuProfile | null, start: number, end: number): Map<string, number> {
  const out = new Map<string, number>();
  if (!profile) return out;
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  let at = profile.startTime;
  (profile.samples ?? []).forEach((id, k) => {
    const delta = profile.timeDeltas?.[k] ?? 0;
    at += delta;
    if (at < start || at >= end) return;
    const f = byId.get(id)!;
    const key = f.url ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${(f.lineNumber ?? 0) + 1}` : f.functionName || '(anonymous)';
    out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas?.[k + 1] ?? delta) / 1000);
  });
  return out;
}

const top = (m: Map<string, number>, n: number): [string, number][] => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);

/** The renderer main thread's tasks whose wall or thread time is over `boundMs`, each with its breakdown. */
export function longTasks(
  trace: { traceEvents: TraceEvent[] } | TraceEvent[],
  profile: CpuProfile | null,
  boundMs: number,
): { tasks: TaskBreakdown[]; all: { ms: number; threadMs: number | null }[]; totals: Omit<TaskBreakdown, 'threadMs'> & { threadMs: number } } {
  const events = mainThreadEvents(Array.isArray(trace) ? trace : trace.traceEvents);
  // Outermost tasks only (a RunTask nests inside ThreadControllerImpl::RunTask); the profiler's own start is not the page's work.
  const tasks: TraceEvent[] = [];
  for (const e of events) {
    if (!TASK.has(e.name)) continue;
    const last = tasks[tasks.length - 1];
    if (last && e.ts < last.ts + last.dur!) continue;
    tasks.push(e);
  }
  const starts = events.filter((e) => e.name === 'CpuProfiler::StartProfiling');
  const isProfilerStart = (task: TraceEvent) => starts.some((e) => e.ts >= task.ts && e.ts < task.ts + task.dur!);
  const page = tasks.filter((t) => !isProfilerStart(t));
  const skipped = tasks.filter(isProfilerStart);
  const all = page.map((t) => ({ ms: t.dur! / 1000, threadMs: t.tdur === undefined ? null : t.tdur / 1000 }));
  const out: TaskBreakdown[] = [];
  for (const task of page) {
    const threadMs = task.tdur === undefined ? null : task.tdur / 1000;
    // Over the bound in the thread's own time (in wall time when the trace has none): wall time alone also counts other processes' turns.
    if ((threadMs ?? task.dur! / 1000) <= boundMs) continue;
    const end = task.ts + task.dur!;
    const inside = events.filter((e) => e.ts >= task.ts && e.ts < end);
    out.push({ ms: task.dur! / 1000, threadMs, parts: top(selfTimes(inside, label), 8), functions: top(functionSamples(profile, task.ts, end), 8) });
  }
  const first = page[0];
  const last = page[page.length - 1];
  const totals = {
    ms: page.reduce((sum, t) => sum + t.dur! / 1000, 0),
    threadMs: all.reduce((sum, t) => sum + (t.threadMs ?? 0), 0),
    parts: top(selfTimes(events.filter((e) => !skipped.some((t) => e.ts >= t.ts && e.ts < t.ts + t.dur!)), label), 14),
    functions: first && last ? top(functionSamples(profile, first.ts, last.ts + last.dur!), 14) : [],
  };
  return { tasks: out, all, totals };
}

/** The breakdown as indented lines for the bench's output. */
export function describeTasks(title: string, tasks: TaskBreakdown[], totals?: TaskBreakdown): string[] {
  const lines = [`${title}: ${tasks.length} task(s)`];
  if (totals) {
    lines.push(`  all tasks: ${totals.ms.toFixed(0)} ms wall, ${totals.threadMs?.toFixed(0)} ms thread CPU`);
    lines.push(`    events: ${totals.parts.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`);
    lines.push(`    script: ${totals.functions.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`);
  }
  for (const task of tasks) {
    lines.push(`  task ${task.ms.toFixed(0)} ms wall, ${task.threadMs === null ? '?' : task.threadMs.toFixed(0)} ms thread CPU`);
    lines.push(`    events: ${task.parts.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`);
    if (task.functions.length > 0) lines.push(`    script: ${task.functions.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`);
  }
  return lines;
}
