// The engine in a process of its own, for the kill test: it rebinds (or recovers) the terminal at
// a port path with the database at a path, printing every step as it starts and ends so the parent
// can kill it with SIGKILL at a chosen point. Usage: engine-child DB PORT run|resume|restore
import { createTestFieldEncryption } from '../../../../electron/main/crypto/test-key-protector';
import { openAppDatabase } from '../../../../electron/main/db/open-database';
import { migrations } from '../../../../electron/main/db/migrations';
import { createRebindEngine } from '../../../../electron/main/rebind/rebind-engine';
import { serialTerminalAccess } from '../../../../electron/main/terminal/driver/serial-terminal-access';
import type { RebindEvent } from '../../../../shared/rebind/rebind-events';
import { SAMPLE_NEW_PARAMETERS } from '../../../fixtures/rtp-vectors';
import { KILL_TEST_TIMING } from './kill-timing';

const [dbPath, portPath, mode] = process.argv.slice(2);
if (dbPath === undefined || portPath === undefined || (mode !== 'run' && mode !== 'resume' && mode !== 'restore')) {
  process.stderr.write('usage: engine-child DB PORT run|resume|restore\n');
  process.exit(2);
}
const { db } = openAppDatabase(dbPath, { migrations });
const engine = createRebindEngine({ connection: () => db, encryption: createTestFieldEncryption(() => db), policy: { reconnectWithinMs: 5000, retryIntervalMs: 20, maxAttempts: 3 } });
const terminal = serialTerminalAccess(portPath, { baudRate: 115200, timing: KILL_TEST_TIMING });
const say = (line: string) => process.stdout.write(`${line}\n`);
const onEvent = (event: RebindEvent) => {
  if (event.type === 'step-started') say(`STEP ${event.step} started`);
  else if (event.type === 'step-finished') say(`STEP ${event.step} ${event.status}`);
  else if (event.type === 'operation') say(`OPERATION ${event.operationId}`);
};
const outcome =
  mode === 'run'
    ? await engine.run({ terminal, params: SAMPLE_NEW_PARAMETERS, workOrder: {}, actor: 'child', onEvent })
    : await engine.recover({ terminal, mode, actor: 'child', onEvent });
say(`OUTCOME ${outcome === null ? 'none' : `${outcome.outcome} ${outcome.reason}`}`);
db.close();
