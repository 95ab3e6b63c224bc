// One span of a page's main thread, from a Chromium trace, as a timeline: every top-level task
// between two marks (console.timeStamp in the page), when it started after the first
// mark, its wall and thread CPU time and where its self time went (script compile and evaluation,
// GC, style, layout, paint, the harness's binding deliveries), and what the span adds up to, the
// time the thread waited included. The figure a bench prints is wall time; this says what it is
// made of.

import { selfTimes, TASK, type CpuProfile, type TraceEvent } from './trace-events';

export interface TimelineTask {
  /** Start after the first mark, ms. */
  at: number;
  ms: number;
  threadMs: number;
  parts: [string, number][];
  /** CPU profile samples in the task by script file (the harness's own script has none), ms. */
  scripts: [string, number][];
}

export interface Timeline {
  /** The span between the two marks, ms. */
  spanMs: number;
  tasks: TimelineTask[];
  /** Self time by event over every task of the span, ms, largest first. */
  parts: [string, number][];
  /** Profile samples over the span by script file, and by function. */
  scripts: [string, number][];
  functions: [string, number][];
  /** Wall time in tasks, and the thread's CPU in them; the rest of the span the thread had no task. */
  busyMs: number;
  threadMs: number;
}

// Names that say what a piece is, not which function ran: the bench wants the kind of work.
function kind(e: TraceEvent): string {
  const url = e.args?.data?.url ?? '';
  const file = url.split('/').pop() ?? '';
  if (e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'v8.compileModule' || e.name === 'v8.evaluateModule') return `${e.name} ${file}`.trim();
  if (e.name === 'FunctionCall') return file ? `FunctionCall ${file.replace(/-[\w-]{8}\.js$/, '.js')}` : 'FunctionCall';
  if (e.name === 'EventDispatch' && e.args?.data?.type) return `EventDispatch ${e.args.data.type}`;
  return e.name;
}

const top = (m: Map<string, number>, n: number): [string, number][] => [...m].filter(([, ms]) => ms >= 0.05).sort((a, b) => b[1] - a[1]).slice(0, n);

// A sample's source: the chunk it ran in (hash dropped; a DOM or V8 builtin counts for the chunk
// that called it), the harness's evaluated script (Playwright's binding and clock, the bench's
// probes: no file anywhere up the stack), or what V8 names it (GC, program).
type Frame = { functionName: string; url: string; caller?: string };
const fileOf = (url: string) => (url.split('/').pop() ?? url).replace(/-[\w-]{8}\.js$/, '.js');
function sourceOf(frame: Frame): string {
  if (frame.url) return fileOf(frame.url);
  if (frame.functionName.startsWith('(')) return frame.functionName;
  return frame.caller ? fileOf(frame.caller) : '(harness script)';
}

function samplesBetween(profile: CpuProfile | null, start: number, end: number, key: (frame: Frame) => string): Map<string, number> {
  const out = new Map<string, number>();
  if (!profile) return out;
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const callerUrl = (id: number): string | undefined => {
    for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
      const url = nodes.get(at)?.callFrame.url;
      if (url) return url;
    }
    return undefined;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame.url ? n.callFrame : { ...n.callFrame, caller: callerUrl(n.id) }]));
  let at = profile.startTime;
  (profile.samples ?? []).forEach((id, k) => {
    at += profile.timeDeltas?.[k] ?? 0;
    if (at < start || at >= end) return;
    const frame = byId.get(id)!;
    if (frame.functionName === '(idle)') return;
    const name = key(frame);
    out.set(name, (out.get(name) ?? 0) + (profile.timeDeltas?.[k + 1] ?? 0) / 1000);
  });
  return out;
}

/** The renderer main thread's tasks from mark `from` to mark `to` (the first of each in the trace). */
export function timeline(trace: { traceEvents: TraceEvent[] }, from: string, to: string, profile: CpuProfile | null = null): Timeline {
  const events = trace.traceEvents;
  // console.timeStamp(name) in the page: a TimeStamp event on its main thread.
  const markAt = (name: string) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === name);
  const start = markAt(from);
  const end = markAt(to);
  if (!start || !end) throw new Error(`marks ${from} / ${to} not in the trace (console.timeStamp, category devtools.timeline)`);
  const thread = `${start.pid}:${start.tid}`;
  const mine = events
    .filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && e.dur !== undefined && e.ts + e.dur >= start.ts && e.ts <= end.ts)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const outer: TraceEvent[] = [];
  for (const e of mine) {
    if (!TASK.has(e.name)) continue;
    const last = outer[outer.length - 1];
    if (last && e.ts < last.ts + last.dur!) continue;
    outer.push(e);
  }
  const tasks = outer.map((task) => {
    const inside = mine.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur!);
    return {
      at: (task.ts - start.ts) / 1000,
      ms: task.dur! / 1000,
      threadMs: (task.tdur ?? task.dur!) / 1000,
      parts: top(selfTimes(inside, kind), 6),
      scripts: top(samplesBetween(profile, task.ts, task.ts + task.dur!, sourceOf), 6),
    };
  });
  const inTasks = mine.filter((e) => outer.some((t) => e.ts >= t.ts && e.ts < t.ts + t.dur!));
  return {
    spanMs: (end.ts - start.ts) / 1000,
    tasks,
    parts: top(selfTimes(inTasks, kind), 18),
    scripts: top(samplesBetween(profile, start.ts, end.ts, sourceOf), 12),
    functions: top(samplesBetween(profile, start.ts, end.ts, (f) => `${f.functionName || '(anonymous)'} ${sourceOf(f)}`), 25),
    busyMs: tasks.reduce((sum, t) => sum + t.ms, 0),
    threadMs: tasks.reduce((sum, t) => sum + t.threadMs, 0),
  };
}

/** The timeline as lines: the totals, then each task of at least `minMs` wall. */
export function describeTimeline(title: string, line: Timeline, minMs = 4): string[] {
  const out = [
    `${title}: span ${line.spanMs.toFixed(0)} ms; in ${line.tasks.length} tasks ${line.busyMs.toFixed(0)} ms wall (${line.threadMs.toFixed(0)} ms thread CPU), no task ${(line.spanMs - line.busyMs).toFixed(0)} ms`,
    `  by event: ${line.parts.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`,
    `  profile by file: ${line.scripts.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`,
    `  profile by function: ${line.functions.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`,
  ];
  for (const task of line.tasks.filter((t) => t.ms >= minMs)) {
    out.push(`  +${task.at.toFixed(0).padStart(5)} ms  ${task.ms.toFixed(0).padStart(4)} ms (${task.threadMs.toFixed(0)} cpu)  ${task.parts.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`);
    if (task.scripts.length > 0) out.push(`                 profile: ${task.scripts.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`);
  }
  return out;
}
