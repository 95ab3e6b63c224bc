// A process that writes rebind journal entries into a shared database as fast as it can, for the
// depot test: one operation of its own, then COUNT steps, each journaled started and finished
// (two FULL-synchronous audited transactions). Exits 0 when every write committed, 1 with the
// error otherwise. Usage: journal-writer DB COUNT
import { createTestFieldEncryption } from '../../../../electron/main/crypto/test-key-protector';
import { migrations } from '../../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../../electron/main/db/open-database';
import { RebindStore } from '../../../../electron/main/rebind/rebind-store';
import { createParamsSealer } from '../../../../electron/main/rebind/sealed-params';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS } from '../../../fixtures/rtp-vectors';

const [dbPath, countText] = process.argv.slice(2);
const count = Number(countText);
if (dbPath === undefined || !Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: journal-writer DB COUNT\n');
  process.exit(2);
}
const { db } = openAppDatabase(dbPath, { migrations });
try {
  const store = new RebindStore(() => db, () => new Date(), createParamsSealer(createTestFieldEncryption(() => db)));
  const op = store.createOperation({ portPath: `/dev/pts/writer-${process.pid}`, workOrder: {}, targetParams: { ...SAMPLE_NEW_PARAMETERS }, targetDigest: SAMPLE_NEW_DIGEST_HEX }, 'writer');
  for (let i = 0; i < count; i++) {
    const step = store.stepStarted(op.id, 1, 1, 'identify', 'writer');
    store.stepFinished(op.id, step, 'identify', 'ok', 0, null, null, 'writer');
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? `${error.name} ${(error as { code?: string }).code ?? ''}: ${error.message}` : String(error)}\n`);
  process.exitCode = 1;
} finally {
  db.close();
}
