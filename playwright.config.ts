import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './tests/e2e/support/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  fullyParallel: false,
  // One spec file at a time by default: on CI's 2 cores, two workers made the suite slower (18 min
  // against 12) and pushed timing-bound steps (Cancel before COMMIT) past their bounds. Every test
  // opens its own app (temp data directory, ephemeral ports, own Chromium), so E2E_WORKERS=2 works
  // on a bigger machine.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium where Playwright cannot download its own (this build machine).
      ...(chromiumExecutable ? { executablePath: chromiumExecutable } : {}),
      args: chromiumArgs,
    },
  },
  projects: [
    { name: 'browser', testMatch: 'browser/**/*.spec.ts', use: { browserName: 'chromium' } },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
