// Started as a fresh Node process by startup.bench.ts: opens the data directory through the same
// createMainContext the app uses (the tests' testMainContext) and reports how long after process
// start the router was ready.
import { performance } from 'node:perf_hooks';
import { testMainContext } from '../integration/support/main-context';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: startup-probe DATA_DIR');
  process.exit(2);
}
const context = testMainContext(dataDir, {}, { appVersion: 'bench' });
const ready = await context.router.handle('settings:get', {}, { url: 'bench', id: 'bench' });
// performance.now() counts from the process's time origin, i.e. its start.
process.stdout.write(JSON.stringify({ readyMs: performance.now(), ok: ready.ok }) + '\n');
await context.close();
