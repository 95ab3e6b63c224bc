import { existsSync } from 'node:fs';

/** Debian's Chromium, or CHROMIUM_PATH; undefined lets Playwright use its own browser. */
export const chromiumExecutable: string | undefined =
  process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Flags for a headless Chromium on a machine with no network but the package registries. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
