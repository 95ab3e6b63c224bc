#!/usr/bin/env node
// The `rebind` CLI. Uses the build in out/node when present (npm run build); otherwise runs the
// TypeScript source through tsx, so it works straight after `npm install` in a checkout.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'out/node/rebind.js');
if (existsSync(built)) {
  const { main } = await import(pathToFileURL(built).href);
  await main();
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import(pathToFileURL(join(root, 'electron/cli/rebind.ts')).href);
  await main();
}
