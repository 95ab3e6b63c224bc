import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './tests/e2e/support/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  fullyParallel: false,
  // Two spec files at once: every test opens its own app (temp data directory, ephemeral ports,
  // its own Chromium), and CI's run is shorter by a third. E2E_WORKERS=1 runs them one by one.
  workers: Number(process.env.E2E_WORKERS ?? 2),
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
