// The calendar page's first render in Chromium (issue 10 figure: the week of 50 engineers, goal
// ≤ 300 ms): a temp data dir with 50 engineers, each booked four visits a weekday (1,000
// appointments through desk:book, so the gate and the overlap trigger wrote them), the built
// renderer bound to the real main-process router as in the browser e2e, a desk user signed in.
// Timed in the page, from the click on the menu to the frame in which every appointment of the
// week is drawn (the page's chunk, desk:reference, desk:calendar and the calendar's own render).
// Run: npm run bench (or npx tsx tests/bench/calendar-week-render.bench.ts; build the renderer first).
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
import { CELL_MAX_APPOINTMENTS } from '../../renderer/src/features/desk-calendar/day-summaries';

const GOAL_MS = 300;
const engineerCount = 50;
const runs = Number(process.env['CALENDAR_BENCH_RUNS'] ?? 7);
// Monday 7 December 2026, 08:00 in Shanghai; the week's visits at 09:00, 10:30, 14:00 and 16:00.
const now = new Date('2026-12-07T00:00:00.000Z');
const visitsUtc = ['01:00', '02:30', '06:00', '08:00'];
const loadAtStart = loadavg()[0]!;

const dataDir = mkdtempSync(join(tmpdir(), 'rebinddesk-bench-calendar-'));
const desk = await openDesk(dataDir, engineerCount, () => now);
const db = desk.ctx.database.current();
const seedStarted = performance.now();
let booked = 0;
for (const engineer of desk.engineers) {
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

const server = await serveDirectory(join(import.meta.dirname, '../../out/renderer'));
const browser = await chromium.launch({ ...(chromiumExecutable ? { executablePath: chromiumExecutable } : {}), args: chromiumArgs });
const context = await browser.newContext({ timezoneId: 'Asia/Shanghai', viewport: { width: 1400, height: 1000 } });
const page = await context.newPage();
await page.clock.setFixedTime(now);
await bindMainToPage(page, desk.ctx);
await page.goto(`${server.url}#/settings`);
await page.getByTestId('sign-in-screen').waitFor();
const signedIn = await page.evaluate(() => window.rebind.invoke('auth:sign-in', { username: 'desk.wang', password: 'desk.wang lamp green 77' }));
if (!signedIn.ok) throw new Error(`sign-in refused: ${signedIn.error.message}`);
await page.reload();
await page.getByTestId('settings-page').waitFor();

interface Render {
  ms: number;
  events: number;
  /** Boxes drawn for them: one per appointment, or one per busy engineer-day. */
  boxes: number;
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
    const before = await readMetrics();
    // A string, not a function: tsx names the function's inner closures with a helper the page lacks.
    const render = (await page.evaluate(`new Promise((resolve, reject) => {
      const expected = ${booked};
      const longTasks = [];
      const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: 'longtask' });
      const started = performance.now();
      document.querySelector('[data-testid="nav-calendar"]').click();
      const deadline = started + 20000;
      function check() {
        // Every appointment counts once it is on screen: drawn alone, or in its busy day's summary (day-summaries.ts).
        let events = document.querySelectorAll('.ec-event.appointment:not(.appointment-summary)').length;
        for (const summary of document.querySelectorAll('.ec-event.appointment-summary [data-count]')) events += Number(summary.getAttribute('data-count'));
        if (events >= expected) {
          const ms = performance.now() - started;
          // One more frame, so long tasks of the drawn frame are counted too.
          requestAnimationFrame(() => { observer.disconnect(); resolve({ ms, events, boxes: document.querySelectorAll('.ec-event.appointment').length, longTasks }); });
        } else if (performance.now() > deadline) reject(new Error('only ' + events + ' of ' + expected + ' appointments drawn within 20 s'));
        else requestAnimationFrame(check);
      }
      requestAnimationFrame(check);
    })`)) as Render;
    const after = await readMetrics();
    const delta = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
    renders.push({ ...render, taskMs: delta('TaskDuration'), scriptMs: delta('ScriptDuration'), layoutMs: delta('LayoutDuration') + delta('RecalcStyleDuration') });
    // CALENDAR_BENCH_SCREENSHOT=file.png: the week as drawn, to look at (a figure on an ugly screen is no figure).
    if (process.env['CALENDAR_BENCH_SCREENSHOT'] && renders.length === 1) await page.screenshot({ path: process.env['CALENDAR_BENCH_SCREENSHOT'], fullPage: true });
  }
} finally {
  await browser.close();
  await server.close();
  await desk.ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const cold = renders[0]!;
const warm = renders.slice(1).map((r) => r.ms);
const warmMedian = median(warm);
const warmRenders = renders.slice(1);
const work = (r: Render) => `${(r.taskMs ?? 0).toFixed(0)} (${(r.scriptMs ?? 0).toFixed(0)} / ${(r.layoutMs ?? 0).toFixed(0)})`;
const longest = (r: Render) => (r.longTasks.length > 0 ? Math.max(...r.longTasks).toFixed(0) : '0');
printBench({
  title: 'Calendar week of 50 engineers, first render (Chromium)',
  command: 'npm run bench (tests/bench/calendar-week-render.bench.ts)',
  headers: ['measure', 'wall ms', 'ratio to goal (300 ms)', 'main-thread task ms (script / style+layout)', 'task ratio to goal', 'long tasks (longest ms)'],
  rows: [
    ['first open (page chunk loaded and parsed, reference, calendar, render)', cold.ms.toFixed(0), (cold.ms / GOAL_MS).toFixed(2), work(cold), ((cold.taskMs ?? 0) / GOAL_MS).toFixed(2), `${cold.longTasks.length} (${longest(cold)})`],
    [
      `reopened, median of ${warm.length} (wall min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)})`,
      warmMedian.toFixed(0),
      (warmMedian / GOAL_MS).toFixed(2),
      `${median(warmRenders.map((r) => r.taskMs ?? 0)).toFixed(0)} (${median(warmRenders.map((r) => r.scriptMs ?? 0)).toFixed(0)} / ${median(warmRenders.map((r) => r.layoutMs ?? 0)).toFixed(0)})`,
      (median(warmRenders.map((r) => r.taskMs ?? 0)) / GOAL_MS).toFixed(2),
      `${median(warmRenders.map((r) => r.longTasks.length))} (${longest(warmRenders[0]!)})`,
    ],
  ],
  notes: [
    `${engineerCount} engineers in rows, ${booked} appointments in the week (four a weekday each, booked through desk:book in ${(seedMs / 1000).toFixed(1)} s); timed from the menu click to the frame with all ${cold.events} drawn, in ${cold.boxes} boxes (an engineer's day of more than ${CELL_MAX_APPOINTMENTS} is one summary box; the day view draws each).`,
    `Headless Chromium ${browser.version()}, 1400×1000, Asia/Shanghai; load average ${loadAtStart.toFixed(1)} at start (2 cores shared with other work).`,
  ],
});
