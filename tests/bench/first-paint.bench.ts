// Renderer first contentful paint in Chromium: the built renderer served on loopback, with the
// real main-process router bound in as in the browser e2e. Run: npm run bench.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { testMainContext } from '../integration/support/main-context';
import { bindMainToPage } from '../e2e/support/bind-main';
import { chromiumArgs, chromiumExecutable } from '../e2e/support/chromium';
import { serveDirectory } from '../e2e/support/static-server';
import { median, printBench } from './report';

const runs = 7;
const server = await serveDirectory(join(import.meta.dirname, '../../out/renderer'));
const browser = await chromium.launch({ ...(chromiumExecutable ? { executablePath: chromiumExecutable } : {}), args: chromiumArgs });
const fcp: number[] = [];
const ready: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'rebinddesk-fcp-'));
    const main = testMainContext(dataDir, {}, { appVersion: 'bench' });
    const page = await browser.newPage();
    await bindMainToPage(page, main);
    await page.goto(`${server.url}#/settings`);
    // A fresh data directory opens on the first-admin screen: the first thing a user sees.
    await page.getByTestId('first-admin-screen').waitFor();
    const firstScreenVisible = await page.evaluate(() => performance.now());
    // Paint entries are queued asynchronously; a buffered observer sees the entry once it exists.
    const firstPaint = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
          setTimeout(() => reject(new Error('no first-contentful-paint entry within 10 s')), 10_000);
        }),
    );
    const timings = { fcp: firstPaint, firstScreenVisible };
    fcp.push(timings.fcp);
    ready.push(timings.firstScreenVisible);
    await page.close();
    await main.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
} finally {
  await browser.close();
  await server.close();
}

printBench({
  title: 'Renderer first contentful paint (Chromium)',
  command: 'npm run bench (tests/bench/first-paint.bench.ts)',
  headers: ['measure', 'median ms', 'min ms', 'max ms'],
  rows: [
    ['first contentful paint', median(fcp).toFixed(1), Math.min(...fcp).toFixed(1), Math.max(...fcp).toFixed(1)],
    ['first screen shown (first-admin form, stored language)', median(ready).toFixed(1), Math.min(...ready).toFixed(1), Math.max(...ready).toFixed(1)],
  ],
  notes: [`${runs} cold page loads, each with a fresh data directory; headless Chromium ${browser.version()}, times from navigation start.`],
});
