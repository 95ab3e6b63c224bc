// A database that fails in the middle of a rebind (here: a real SQLite file whose journal write
// after COMMIT hits SQLITE_FULL, "database or disk is full") ends as an outcome, not as a thrown
// error: needs-attention / database-failed, with what the terminal holds (asked afresh with HELLO),
// the backup, and what to do next; once the disk has room again, recovery finishes the rebind.
//
// How the disk fills: `PRAGMA max_page_count` caps the file at its current size right after
// COMMIT, and a TEMP trigger makes the read-back step's journal row also write 256 KiB into a
// scratch table, so that write needs new pages and SQLite itself answers SQLITE_FULL. The cap is
// SQLite's own quota mechanism; the trigger only picks the write that hits it.
import { inEnglish } from '../../../shared/errors/reasons-en';
import { describe, expect, it } from 'vitest';
import type { RebindEvent } from '../../../shared/rebind/rebind-events';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX } from '../../fixtures/rtp-vectors';
import { defaultSimulatorState } from '../../../electron/main/terminal/simulator';
import { invariantProblems } from './support/invariants';
import { MEMORY_TIMING, memoryAccess, openTestDatabase, recordedSimulator, testEngine } from './support/rebind-rig';

describe('a database failure in the middle of a run', () => {
  it('ends needs-attention with what the terminal holds and the backup; recovery finishes once the disk has room', async () => {
    const t = openTestDatabase();
    const rec = recordedSimulator({}, MEMORY_TIMING);
    try {
      t.db.exec(`
        CREATE TABLE scratch_fill (b BLOB);
        CREATE TEMP TRIGGER fill_the_disk AFTER INSERT ON main.rebind_steps WHEN NEW.step = 'read-back'
          BEGIN INSERT INTO scratch_fill VALUES (zeroblob(262144)); END;
      `);
      const events: RebindEvent[] = [];
      const engine = testEngine(t.db);
      const outcome = await engine.run({
        terminal: memoryAccess(rec.sim),
        params: SAMPLE_NEW_PARAMETERS,
        workOrder: {},
        actor: 'tester',
        onEvent: (event) => {
          events.push(event);
          if (event.type === 'step-finished' && event.step === 'commit' && event.status === 'ok') {
            const pages = t.db.pragma('page_count', { simple: true }) as number;
            t.db.pragma(`max_page_count = ${pages}`);
          }
        },
      });

      expect(outcome).toMatchObject({ outcome: 'needs-attention', reason: 'database-failed', operationOpen: true, finalDigest: SAMPLE_NEW_DIGEST_HEX, digestBefore: SAMPLE_OLD_DIGEST_HEX });
      expect(inEnglish(outcome.message)).toContain('SQLITE_FULL');
      expect(outcome.backupId).toBeGreaterThan(0);
      const known = outcome.known.map(inEnglish).join(' ');
      expect(known).toContain(t.path);
      expect(known).toContain("(the new bank's set), with a previous set kept, not confirmed (F009 = 1)");
      expect(known).toContain(`backup #${outcome.backupId}`);
      expect(outcome.nextSteps.map(inEnglish).join(' ')).toContain(`rebind recover --port memory:terminal --data-dir ${t.dir}`);
      expect(events.at(-1)).toMatchObject({ type: 'outcome', outcome: { reason: 'database-failed' } });
      // The engine stopped at once: nothing after COMMIT ran, and the terminal was only asked (HELLO).
      const commands = rec.commands();
      expect(commands.slice(commands.indexOf('COMMIT:00') + 1)).toEqual(['HELLO:00']);
      expect(rec.sim.snapshot()).toMatchObject({ activeDigestHex: SAMPLE_NEW_DIGEST_HEX, previousSlotPresent: true });
      // The journal still has the operation open at its last recorded step, and the backup.
      expect(engine.store.get(outcome.operationId)).toMatchObject({ status: 'open', phase: 'commit' });
      expect(engine.store.backup(outcome.operationId)?.digest).toBe(SAMPLE_OLD_DIGEST_HEX);

      // Room again: the next start lists the operation and recovers it to a verified set.
      t.db.exec('DROP TRIGGER temp.fill_the_disk; DROP TABLE scratch_fill;');
      t.db.pragma('max_page_count = 1073741823');
      const fresh = testEngine(t.db);
      expect(fresh.interrupted('tester').map((op) => op.id)).toEqual([outcome.operationId]);
      const recovered = await fresh.recover({ terminal: memoryAccess(rec.sim), mode: 'resume', actor: 'tester' });
      expect(recovered).toMatchObject({ outcome: 'rebound', operationId: outcome.operationId });
      expect(
        invariantProblems({
          outcome: recovered!,
          snapshot: rec.sim.snapshot(),
          store: fresh.store,
          db: t.db,
          oldDigest: SAMPLE_OLD_DIGEST_HEX,
          newDigest: SAMPLE_NEW_DIGEST_HEX,
          initialJournal: defaultSimulatorState().journal,
          commands: rec.commands(),
        }),
      ).toEqual([]);
    } finally {
      await rec.sim.close();
      t.close();
    }
  });
});
