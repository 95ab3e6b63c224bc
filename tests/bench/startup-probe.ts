// Started as a fresh Node process by startup.bench.ts: opens the data directory through the same
// createMainContext the app uses and reports how long after process start the router was ready.
import { performance } from 'node:perf_hooks';
import { createTestKeyProtector } from '../../electron/main/crypto/test-key-protector';
import { createMainContext } from '../../electron/main/main-context';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: startup-probe DATA_DIR');
  process.exit(2);
}
const context = createMainContext({
  dataDir,
  appVersion: 'bench',
  runtime: 'node',
  isTrustedSender: () => true,
  keyProtector: createTestKeyProtector(),
  picker: { chooseBackupTarget: async () => null, chooseBackupSource: async () => null, chooseLinkLogTarget: async () => null, chooseAuditExportTarget: async () => null },
  listSystemPorts: async () => ({ ports: [], problem: null }),
  openPort: () => Promise.reject(new Error('no serial ports in this benchmark')),
});
const ready = await context.router.handle('settings:get', {}, { url: 'bench', id: 'bench' });
// performance.now() counts from the process's time origin, i.e. its start.
process.stdout.write(JSON.stringify({ readyMs: performance.now(), ok: ready.ok }) + '\n');
await context.close();
