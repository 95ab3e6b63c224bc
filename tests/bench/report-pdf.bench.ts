// Printing a service report (issue 11 figure: a 30-step checklist with 5 photos, goal ≤ 1 s) with
// the Chromium printer the browser harness uses: load the print view, draw (photos shrunk in the
// page), wait for fonts and images, page.pdf. The content and its fingerprint are made beforehand;
// Electron's printToPDF runs the same view and cannot be timed here (no Electron binary).
// Run: npx electron-vite build && npx tsx tests/bench/report-pdf.bench.ts
import { loadavg } from 'node:os';
import { launchChromiumPrintView } from '../support/chromium-print-view';
import { serviceReportPrintFixture } from '../fixtures/service-report-print';
import { median, printBench } from './report';

const runs = 7;
const goalMs = 1000;
const printer = await launchChromiumPrintView();
const rows: (string | number)[][] = [];
try {
  for (const language of ['zh-CN', 'en-US'] as const) {
    // 15 standard steps + 15 more = 30 steps, five 1600×1200 photos.
    const request = await serviceReportPrintFixture(language, { extraSteps: 15, photos: 5 });
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run <= runs; run += 1) {
      const started = performance.now();
      const pdf = await printer.print(request);
      if (run > 0) times.push(performance.now() - started); // the first run warms the browser up
      bytes = pdf.length;
    }
    rows.push([language, request.content.checklist.steps.length, 5, Math.round(median(times)), Math.round(Math.max(...times)), `${Math.round(bytes / 1024)} KiB`, printer.lastReady?.loadedFontFaces ?? '?', median(times) <= goalMs ? 'met' : 'missed']);
  }
} finally {
  await printer.close();
}
printBench({
  title: 'Service report PDF (Chromium printer)',
  command: 'npx electron-vite build && npx tsx tests/bench/report-pdf.bench.ts',
  headers: ['language', 'steps', 'photos', 'median ms', 'max ms', 'PDF size', 'font chunks loaded', `goal ≤ ${goalMs} ms`],
  rows,
  notes: [`${runs} prints after one warm-up, each in a fresh browser context; load average ${loadavg()[0]!.toFixed(1)} on this machine while it ran.`],
});
