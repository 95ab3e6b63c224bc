// The calendar page's first render in Chromium (issue 10 figure: the week of 50 engineers, goal
// ≤ 300 ms): a temp data dir with 50 engineers, each booked four visits a weekday (1,000
// appointments through desk:book, so the gate and the overlap trigger wrote them), the built
// renderer bound to the real main-process router as in the browser e2e, a desk user signed in.
// Timed in the page, from the click on the menu to the frame in which the calendar's visible part
// is complete: every engineer row in view drawn with all its appointments, and the rows filling the
// view (the page's chunk, desk:reference, desk:calendar and the calendar's own render). The week
// draws the rows near the screen and more as the user scrolls (row-window.ts), so each open then
// scrolls to the end, as a user would, and is timed until all 50 rows and every appointment are drawn.
// Run: npm run bench (or npx tsx tests/bench/calendar-week-render.bench.ts; build the renderer first).
// CALENDAR_BENCH_BARE=1: the same 50 engineers and no appointment (the cost of the grid itself).
// CALENDAR_BENCH_RENDERER=dir: another build of the renderer (e.g. main's, for a before/after).
// CALENDAR_BENCH_TRACE=1: a Chromium trace of the first open and the first reopen, printed as a
// timeline of the page's main thread from the click to the drawn frame (trace-timeline.ts; tracing
// slows the page, so its figures are not the bench's); CALENDAR_BENCH_TRACE_FILE=prefix also writes
// each trace to prefix-N.json (chrome://tracing, Perfetto).
// Every run prints the calls each open made (asked when, answered after, main's share) and what the
// harness's bridge costs per call alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { openDesk, seedCase } from '../integration/desk/booking-fixture';
import { callAs } from '../integration/support/main-context';
import { bindMainToPage } from '../e2e/support/bind-main';
import { chromiumArgs, chromiumExecutable } from '../e2e/support/chromium';
import { serveDirectory } from '../e2e/support/static-server';
import { median, printBench } from './report';
import { describeTimeline, timeline } from './trace-timeline';
import { CELL_MAX_APPOINTMENTS } from '../../renderer/src/features/desk-calendar/day-summaries';

const GOAL_MS = 300;
const engineerCount = 50;
const runs = Number(process.env['CALENDAR_BENCH_RUNS'] ?? 7);
const bare = process.env['CALENDAR_BENCH_BARE'] === '1';
const rendererDir = process.env['CALENDAR_BENCH_RENDERER'] ?? join(import.meta.dirname, '../../out/renderer');
// Monday 7 December 2026, 08:00 in Shanghai; the week's visits at 09:00, 10:30, 14:00 and 16:00.
const now = new Date('2026-12-07T00:00:00.000Z');
const visitsUtc = ['01:00', '02:30', '06:00', '08:00'];
const loadAtStart = loadavg()[0]!;

const dataDir = mkdtempSync(join(tmpdir(), 'rebinddesk-bench-calendar-'));
const desk = await openDesk(dataDir, engineerCount, () => now);
const db = desk.ctx.database.current();
const seedStarted = performance.now();
let booked = 0;
for (const engineer of bare ? [] : desk.engineers) {
  for (let day = 0; day < 5; day++) {
    const date = `2026-12-${String(7 + day).padStart(2, '0')}`;
    for (const time of visitsUtc) {
      const { caseId } = seedCase(db, desk.modelIds, { model: 'PAX A930' });
      const start = new Date(`${date}T${time}:00.000Z`);
      const outcome = (await callAs(desk.ctx, desk.desk, 'desk:book', {
        caseId,
        engineerId: engineer.id,
        zone: 'Asia/Shanghai',
        slot: { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() },
      })) as { booked: boolean; reasons?: unknown };
      if (!outcome.booked) throw new Error(`seed booking refused: ${JSON.stringify(outcome.reasons)}`);
      booked += 1;
    }
  }
}
const seedMs = performance.now() - seedStarted;

const server = await serveDirectory(rendererDir);
const browser = await chromium.launch({ ...(chromiumExecutable ? { executablePath: chromiumExecutable } : {}), args: chromiumArgs });
const context = await browser.newContext({ timezoneId: 'Asia/Shanghai', viewport: { width: 1400, height: 1000 } });
const page = await context.newPage();
// A figure from a page that failed is no figure: its errors are printed.
page.on('requestfailed', (r) => console.error(`page request failed: ${r.url()}`));
page.on('response', (r) => {
  if (r.status() >= 400) console.error(`page response ${r.status()}: ${r.url()}`);
});
page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') console.error(`page console: ${m.text()} ${m.location().url}`);
});
await page.clock.setFixedTime(now);
// What each call costs in main (the router: input parsed, the service, the output checked), to set
// beside what the page waited for it: the rest is the harness's bridge (Playwright's binding).
const handled: { channel: string; ms: number }[] = [];
const handle = desk.ctx.router.handle.bind(desk.ctx.router);
desk.ctx.router.handle = async (channel, input, sender) => {
  const started = performance.now();
  try {
    return await handle(channel, input, sender);
  } finally {
    handled.push({ channel: String(channel), ms: performance.now() - started });
  }
};
await bindMainToPage(page, desk.ctx);
// The page's side of each call: when it was asked and answered, after the click (performance.now()).
await page.addInitScript(`(() => {
  const invoke = window.rebind.invoke;
  window.__benchCalls = [];
  window.rebind.invoke = (channel, input) => {
    const asked = performance.now();
    return invoke(channel, input).then((answer) => {
      window.__benchCalls.push({ channel, asked, answered: performance.now() });
      return answer;
    });
  };
})()`);
await page.goto(`${server.url}#/settings`);
await page.getByTestId('sign-in-screen').waitFor();
const signedIn = await page.evaluate(() => window.rebind.invoke('auth:sign-in', { username: 'desk.wang', password: 'desk.wang lamp green 77' }));
if (!signedIn.ok) throw new Error(`sign-in refused: ${signedIn.error.message}`);
await page.reload();
await page.getByTestId('settings-page').waitFor();

interface Render {
  ms: number;
  /** Appointments drawn, counted in their boxes (a busy day's summary says how many it holds). */
  events: number;
  /** Boxes drawn for them: one per appointment, or one per busy engineer-day. */
  boxes: number;
  /** Engineer rows drawn, and of them in view. */
  rows: number;
  rowsInView: number;
  longTasks: number[];
  /** The renderer's main-thread time spent meanwhile (CDP Performance.getMetrics TaskDuration): the work, whatever else the machine runs. */
  taskMs?: number;
  scriptMs?: number;
  layoutMs?: number;
}
const metrics = await context.newCDPSession(page);
await metrics.send('Performance.enable');
const readMetrics = async () => Object.fromEntries((await metrics.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const renders: Render[] = [];
/** Per open, the calls the page made before the rows were drawn: when asked (after the click), how long it waited, of which main's handler. */
const calls: { channel: string; askedAt: number; waitedMs: number; mainMs: number }[][] = [];
// Main's handling of the next call on `channel` (calls of one channel are answered in the order asked).
const bridge: { channel: string; pageMs: number; mainMs: number; bytes: number }[] = [];
const takeHandled = (list: { channel: string; ms: number }[], channel: string) => {
  const k = list.findIndex((m) => m.channel === channel);
  return k < 0 ? Number.NaN : list.splice(k, 1)[0]!.ms;
};
const tracing = process.env['CALENDAR_BENCH_TRACE'] === '1';
const traceCategories = ['toplevel', 'devtools.timeline', 'disabled-by-default-v8.gc', 'v8'];
const scrolls: Render[] = [];
// What the page shows now: the engineer rows drawn and in view (the calendar's scroller, below its
// header), the appointments drawn in each row (a box belongs to the row its top is in), and whether
// the view is complete: rows fill it (or every engineer is drawn) and each row in view holds all of
// its engineer's ${bare ? 0 : 20} appointments.
const perEngineer = bare ? 0 : 20;
const pageProbe = `function drawnNow() {
  const scroller = document.querySelector('.ec-main');
  if (!scroller) return null;
  const heads = [...scroller.querySelectorAll('.ec-body .ec-row-head')].map((h) => h.getBoundingClientRect());
  if (heads.length === 0) return null;
  const header = scroller.querySelector('.ec-header');
  const top = header ? header.getBoundingClientRect().bottom : scroller.getBoundingClientRect().top;
  const bottom = Math.min(scroller.getBoundingClientRect().bottom, innerHeight);
  const perRow = heads.map(() => 0);
  let events = 0;
  const boxes = scroller.querySelectorAll('.ec-event.appointment');
  for (const box of boxes) {
    const count = box.matches('.appointment-summary') ? Number(box.querySelector('[data-count]')?.getAttribute('data-count') ?? 0) : 1;
    events += count;
    const y = box.getBoundingClientRect().top + 1;
    const row = heads.findIndex((h) => y >= h.top && y < h.bottom);
    if (row >= 0) perRow[row] += count;
  }
  const inView = heads.map((h, i) => i).filter((i) => heads[i].bottom > top && heads[i].top < bottom);
  const filled = heads[heads.length - 1].bottom > bottom || heads.length >= ${engineerCount};
  const screenComplete = inView.length > 0 && filled && inView.every((i) => perRow[i] >= ${perEngineer});
  return { screenComplete, rows: heads.length, rowsInView: inView.length, events, boxes: boxes.length };
}`;
// CALENDAR_BENCH_PROFILE=1: a CPU profile of the first open, its top functions by self time printed (where the time goes).
const profile = process.env['CALENDAR_BENCH_PROFILE'] === '1' ? await context.newCDPSession(page) : null;
if (profile) {
  await profile.send('Profiler.enable');
  await profile.send('Profiler.setSamplingInterval', { interval: 200 });
  await profile.send('Profiler.start');
}
try {
  for (let i = 0; i < runs; i++) {
    if (profile && i === 1) {
      const { profile: cpu } = await profile.send('Profiler.stop');
      const self = new Map<string, number>();
      const dt = cpu.timeDeltas ?? [];
      const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
      (cpu.samples ?? []).forEach((id, k) => {
        const f = byId.get(id)!.callFrame;
        const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0) / 1000);
      });
      for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${key}`);
    }
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-page').waitFor();
    const traced = tracing && i < 2;
    if (traced) {
      // The profiler starts before the trace and stops after it (its own start is a task of the page).
      await metrics.send('Profiler.enable');
      await metrics.send('Profiler.setSamplingInterval', { interval: 200 });
      await metrics.send('Profiler.start');
      await browser.startTracing(page, { categories: traceCategories });
    }
    await page.evaluate('window.__benchCalls = []');
    const handledBefore = handled.length;
    const before = await readMetrics();
    // Strings, not functions: tsx names a function's inner closures with a helper the page lacks.
    const render = (await page.evaluate(`new Promise((resolve, reject) => {
      ${pageProbe}
      const longTasks = [];
      const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: 'longtask' });
      console.timeStamp('calendar-click');
      const started = performance.now();
      window.__benchClicked = started;
      document.querySelector('[data-testid="nav-calendar"]').click();
      const deadline = started + 20000;
      function check() {
        const seen = drawnNow();
        if (seen && seen.screenComplete) {
          console.timeStamp('calendar-drawn');
          const ms = performance.now() - started;
          // One more frame, so long tasks of the drawn frame are counted too.
          requestAnimationFrame(() => { observer.disconnect(); resolve({ ms, ...seen, longTasks }); });
        } else if (performance.now() > deadline) reject(new Error('the view was not complete within 20 s: ' + JSON.stringify(seen) + ' ' + document.body.innerText.slice(0, 1500) + JSON.stringify(window.__benchCalls)));
        else requestAnimationFrame(check);
      }
      requestAnimationFrame(check);
    })`)) as Render;
    const drawn = await readMetrics();
    if (traced) {
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
      const { profile: cpu } = await metrics.send('Profiler.stop');
      if (process.env['CALENDAR_BENCH_TRACE_FILE']) (await import('node:fs')).writeFileSync(`${process.env['CALENDAR_BENCH_TRACE_FILE']}-${i}.json`, JSON.stringify(trace));
      console.log(describeTimeline(i === 0 ? 'first open, traced' : 'reopened, traced', timeline(trace, 'calendar-click', 'calendar-drawn', cpu)).join('\n'));
    }
    const clicked = (await page.evaluate('window.__benchClicked')) as number;
    const pageCalls = (await page.evaluate('window.__benchCalls')) as { channel: string; asked: number; answered: number }[];
    const mainCalls = handled.slice(handledBefore);
    calls.push(
      pageCalls
        .filter((c) => c.asked >= clicked && c.answered <= clicked + render.ms)
        .map((c) => ({ channel: c.channel, askedAt: c.asked - clicked, waitedMs: c.answered - c.asked, mainMs: takeHandled(mainCalls, c.channel) })),
    );
    // CALENDAR_BENCH_SCREENSHOT=file.png: the week as first drawn, to look at (a figure on an ugly screen is no figure).
    if (process.env['CALENDAR_BENCH_SCREENSHOT'] && i === 0) await page.screenshot({ path: process.env['CALENDAR_BENCH_SCREENSHOT'], fullPage: true });
    const scrollFrom = await readMetrics();
    // Then to the last engineer, as a user scrolls: the calendar's scroller to its end, each frame, until every row and appointment is drawn.
    const scrolled = (await page.evaluate(`new Promise((resolve, reject) => {
      ${pageProbe}
      const longTasks = [];
      const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: 'longtask' });
      const started = performance.now();
      const deadline = started + 20000;
      function step() {
        const scroller = document.querySelector('.ec-main');
        scroller.scrollTop = scroller.scrollHeight;
        const seen = drawnNow();
        if (seen && seen.rows >= ${engineerCount} && seen.events >= ${booked}) {
          const ms = performance.now() - started;
          requestAnimationFrame(() => { observer.disconnect(); resolve({ ms, ...seen, longTasks }); });
        } else if (performance.now() > deadline) reject(new Error('not every row drawn within 20 s of scrolling: ' + JSON.stringify(seen)));
        else requestAnimationFrame(step);
      }
      requestAnimationFrame(step);
    })`)) as Render;
    const after = await readMetrics();
    const delta = (from: Record<string, number>, to: Record<string, number>, name: string) => ((to[name] ?? 0) - (from[name] ?? 0)) * 1000;
    const work = (from: Record<string, number>, to: Record<string, number>) => ({
      taskMs: delta(from, to, 'TaskDuration'),
      scriptMs: delta(from, to, 'ScriptDuration'),
      layoutMs: delta(from, to, 'LayoutDuration') + delta(from, to, 'RecalcStyleDuration'),
    });
    renders.push({ ...render, ...work(before, drawn) });
    scrolls.push({ ...scrolled, ...work(scrollFrom, after) });
  }
  // The bridge alone: the same calls asked one at a time with nothing else running, page round trip
  // against main's handling. Playwright's binding serialises the answer into a script the page
  // evaluates; Electron's IPC would structured-clone it.
  const roundTrips = 5;
  for (const [channel, input] of [
    ['auth:session', {}],
    ['desk:reference', {}],
    ['desk:calendar', { from: '2026-12-06T16:00:00.000Z', to: '2026-12-13T16:00:00.000Z', engineerIds: desk.engineers.map((e) => e.id) }],
  ] as const) {
    const from = handled.length;
    const pageMs = (await page.evaluate(
      `(async () => { const out = []; for (let k = 0; k < ${roundTrips}; k++) { const t = performance.now(); const r = await window.rebind.invoke(${JSON.stringify(channel)}, ${JSON.stringify(input)}); if (!r.ok) throw new Error(r.error.message); out.push([performance.now() - t, JSON.stringify(r.value).length]); } return out; })()`,
    )) as [number, number][];
    bridge.push({ channel, pageMs: median(pageMs.map((p) => p[0])), mainMs: median(handled.slice(from).map((h) => h.ms)), bytes: pageMs[0]![1] });
  }
} finally {
  await browser.close();
  await server.close();
  await desk.ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const cold = renders[0]!;
const warmRenders = renders.slice(1);
const warm = warmRenders.map((r) => r.ms);
const medianOf = (list: Render[], pick: (r: Render) => number) => median(list.map(pick));
const work = (list: Render[]) =>
  `${medianOf(list, (r) => r.taskMs ?? 0).toFixed(0)} (${medianOf(list, (r) => r.scriptMs ?? 0).toFixed(0)} / ${medianOf(list, (r) => r.layoutMs ?? 0).toFixed(0)})`;
const longTasks = (list: Render[]) => `${medianOf(list, (r) => r.longTasks.length)} (${Math.max(0, ...list.flatMap((r) => r.longTasks)).toFixed(0)})`;
const row = (measure: string, list: Render[]) => {
  const ms = medianOf(list, (r) => r.ms);
  const task = medianOf(list, (r) => r.taskMs ?? 0);
  return [measure, ms.toFixed(0), (ms / GOAL_MS).toFixed(2), work(list), (task / GOAL_MS).toFixed(2), longTasks(list)];
};
const span = (list: Render[]) => (list.length > 1 ? `, wall min ${Math.min(...list.map((r) => r.ms)).toFixed(0)}, max ${Math.max(...list.map((r) => r.ms)).toFixed(0)}` : '');
const loadAtEnd = loadavg()[0]!;
const callLine = (list: (typeof calls)[number]) =>
  list.map((c) => `${c.channel} asked at +${c.askedAt.toFixed(0)} ms, answered after ${c.waitedMs.toFixed(0)} ms (main ${c.mainMs.toFixed(1)} ms)`).join('; ');
const bridgeLine = bridge
  .map((b) => `${b.channel} (${(b.bytes / 1024).toFixed(0)} kB as JSON) ${b.pageMs.toFixed(1)} ms in the page, of which main ${b.mainMs.toFixed(1)} ms`)
  .join('; ');
printBench({
  title: bare ? 'Calendar week of 50 engineers, bare grid: no appointment (Chromium)' : 'Calendar week of 50 engineers, first render (Chromium)',
  command: `npm run bench (tests/bench/calendar-week-render.bench.ts)${bare ? ' with CALENDAR_BENCH_BARE=1' : ''}`,
  headers: ['measure', 'wall ms', 'ratio to goal (300 ms)', 'main-thread task ms (script / style+layout)', 'task ratio to goal', 'long tasks (longest ms)'],
  rows: [
    row('first open (page chunk loaded and parsed, reference, calendar, the rows in view drawn)', [cold]),
    row(`reopened, median of ${warm.length}${span(warmRenders)}`, warmRenders),
    row(`then scrolled to the last engineer: all ${engineerCount} rows and ${booked} appointments drawn, median of ${scrolls.length}${span(scrolls)}`, scrolls),
  ],
  notes: [
    `${engineerCount} engineers in rows, ${booked} appointments in the week (four a weekday each, booked through desk:book in ${(seedMs / 1000).toFixed(1)} s). First render: from the menu click to the frame in which the rows in view (${cold.rowsInView} of them, ${cold.rows} drawn) hold all their appointments, ${cold.events} appointments in ${cold.boxes} boxes drawn (an engineer's day of more than ${CELL_MAX_APPOINTMENTS} is one summary box; the day view draws each).`,
    `Calls of the first open: ${callLine(calls[0] ?? [])}. Of the second: ${callLine(calls[1] ?? [])}.`,
    `The harness's bridge (Playwright's binding, standing in for Electron IPC), median of 5 round trips each, nothing else running: ${bridgeLine}.`,
    `Headless Chromium ${browser.version()}, 1400×1000, Asia/Shanghai; load average ${loadAtStart.toFixed(1)} at start, ${loadAtEnd.toFixed(1)} at end (2 cores shared with other work); renderer ${rendererDir}.`,
  ],
});
