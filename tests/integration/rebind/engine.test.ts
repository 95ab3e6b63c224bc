// The engine over in-memory lines: the events the On-site view will show, the settle gate, the
// refusals at identify, recovery of interrupted operations and the decisions that stop.
import { inEnglish } from '../../../shared/errors/reasons-en';
import { describe, expect, it } from 'vitest';
import { rebindEventSchema } from '../../../shared/rebind/rebind-events';
import type { RebindEvent } from '../../../shared/rebind/rebind-events';
import { rebindOutcomeSchema } from '../../../shared/rebind/rebind-outcome';
import { canonicalParameterSet } from '../../../shared/rtp';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX } from '../../fixtures/rtp-vectors';
import { RtpDriver } from '../../../electron/main/terminal/driver/rtp-driver';
import { createMemoryLogSink } from '../../../electron/main/terminal/link/link-log';
import { linkLogToJsonLines } from '../../../electron/main/terminal/link/link-log-export';
import { createMemoryPortPair } from '../../../electron/main/terminal/port/memory-port';
import { defaultSimulatorState } from '../../../electron/main/terminal/simulator';
import type { JournalRecord } from '../../../electron/main/terminal/simulator';
import { invariantProblems } from './support/invariants';
import { MEMORY_TIMING, memoryAccess, openTestDatabase, recordedSimulator, testEngine } from './support/rebind-rig';
import type { RecordedSimulator, TestDatabase } from './support/rebind-rig';

interface Rig {
  t: TestDatabase;
  rec: RecordedSimulator;
  engine: ReturnType<typeof testEngine>;
  events: RebindEvent[];
  close(): Promise<void>;
}

async function withRig(options: Parameters<typeof recordedSimulator>[0], body: (rig: Rig) => Promise<void>): Promise<void> {
  const t = openTestDatabase();
  const rec = recordedSimulator(options, MEMORY_TIMING);
  const rig: Rig = { t, rec, engine: testEngine(t.db), events: [], close: async () => undefined };
  try {
    await body(rig);
  } finally {
    await rec.sim.close();
    t.close();
  }
}

function run(rig: Rig, extra: Partial<Parameters<Rig['engine']['run']>[0]> = {}) {
  return rig.engine.run({
    terminal: memoryAccess(rig.rec.sim),
    params: SAMPLE_NEW_PARAMETERS,
    workOrder: {},
    actor: 'tester',
    onEvent: (e) => rig.events.push(e),
    ...extra,
  });
}

function check(rig: Rig, outcome: Awaited<ReturnType<typeof run>>, initialJournal: readonly JournalRecord[] = defaultSimulatorState().journal): void {
  expect(
    invariantProblems({ outcome, snapshot: rig.rec.sim.snapshot(), store: rig.engine.store, db: rig.t.db, oldDigest: SAMPLE_OLD_DIGEST_HEX, newDigest: SAMPLE_NEW_DIGEST_HEX, initialJournal, commands: rig.rec.commands() }),
  ).toEqual([]);
}

/** Leaves an operation open with the new set active and unconfirmed: locked and host down right after COMMIT, so ROLLBACK is refused. */
async function leaveOpen(rig: Rig) {
  const outcome = await run(rig, {
    onEvent: (e) => {
      if (e.type === 'step-finished' && e.step === 'commit' && e.status === 'ok') {
        rig.rec.sim.setLocked(true);
        rig.rec.sim.setHostReachable(false);
      }
    },
  });
  expect(outcome).toMatchObject({ outcome: 'needs-attention', reason: 'rollback-refused', operationOpen: true });
  rig.rec.sim.setLocked(false);
  rig.rec.sim.setHostReachable(true);
  return outcome;
}

describe('events for the On-site view', () => {
  it('every event and the outcome match the shared schemas; progress and receipt are live, link lines go to the caller\'s sink only', async () => {
    await withRig({ processing: { settleMs: 40, settleInterims: 4 } }, async (rig) => {
      const lines = createMemoryLogSink();
      const outcome = await run(rig, { linkLog: lines });
      expect(outcome.outcome).toBe('rebound');
      for (const event of rig.events) expect(() => rebindEventSchema.parse(event)).not.toThrow();
      expect(() => rebindOutcomeSchema.parse(outcome)).not.toThrow();
      const progress = rig.events.filter((e) => e.type === 'step-progress');
      expect(progress.filter((e) => e.step === 'settle').map((e) => e.progress)).toEqual([20, 40, 60, 80].map((percent) => ({ kind: 'percent', percent })));
      const total = canonicalParameterSet(SAMPLE_NEW_PARAMETERS).length;
      expect(progress.filter((e) => e.step === 'stage').at(-1)?.progress).toEqual({ kind: 'bytes', done: total, total });
      expect(rig.events.find((e) => e.type === 'receipt')).toMatchObject({ lines: expect.arrayContaining(['TID 87654321']) });
      // The link lines are no event (they reach the Terminal page's log through the line, once), and the outcome holds none.
      expect(rig.events.map((e) => e.type)).not.toContain('link');
      expect(JSON.stringify(outcome)).not.toMatch(/"hex"/);
      // A caller's own sink gets every line of the session, the same the journal keeps.
      const kept = rig.t.db.prepare('SELECT entries, entries_jsonl AS jsonl FROM rebind_link_logs WHERE operation_id = ?').get(outcome.operationId) as { entries: number; jsonl: string };
      expect(lines.entries().length).toBe(kept.entries);
      expect(linkLogToJsonLines(lines.entries())).toBe(kept.jsonl);
      expect(rig.events.at(-1)).toEqual({ type: 'outcome', outcome });
      // Each step announces its start before its end, in journal order.
      const order = rig.events.flatMap((e) => (e.type === 'step-started' ? [`+${e.step}`] : e.type === 'step-finished' ? [`-${e.step}`] : []));
      expect(order.slice(0, 4)).toEqual(['+identify', '-identify', '+backup', '-backup']);
      expect(outcome.steps.map((s) => s.step)).toEqual(order.filter((s) => s.startsWith('-')).map((s) => s.slice(1)));
    });
  });

  it('a listener that throws does not stop the rebind', async () => {
    await withRig({}, async (rig) => {
      const outcome = await run(rig, {
        onEvent: () => {
          throw new Error('broken view');
        },
      });
      expect(outcome.outcome).toBe('rebound');
    });
  });
});

describe('the settle gate', () => {
  it('the batch is exported into the backup, then settled, before COMMIT; the backup matches the terminal’s records', async () => {
    await withRig({}, async (rig) => {
      const records = defaultSimulatorState().journal;
      const outcome = await run(rig);
      check(rig, outcome);
      const backup = rig.engine.store.backup(outcome.operationId);
      expect(backup?.journal).toEqual(records);
      expect(backup?.batch).toMatchObject({ count: 3, totalFen: 15800, offlinePending: 1 });
      const cmds = rig.rec.commands();
      expect(cmds.indexOf('EXPORT_JOURNAL:00')).toBeLessThan(cmds.indexOf('SETTLE:00'));
      expect(cmds.indexOf('SETTLE:00')).toBeLessThan(cmds.indexOf('COMMIT:00'));
    });
  });

  it('a sale between SETTLE and COMMIT: no COMMIT, the new records are exported and settled first', async () => {
    await withRig({}, async (rig) => {
      let sold = false;
      const outcome = await run(rig, {
        onEvent: (e) => {
          if (e.type === 'step-finished' && e.step === 'verify-stage' && !sold) {
            sold = true;
            rig.rec.sim.addTransactions(2);
          }
        },
      });
      check(rig, outcome);
      expect(outcome.outcome).toBe('rebound');
      const steps = outcome.steps.map((s) => `${s.step}:${s.status}`);
      expect(steps.slice(steps.indexOf('verify-stage:ok') + 1, steps.indexOf('commit:ok') + 1)).toEqual(['commit:skipped', 'settle:ok', 'commit:ok']);
      const exports = rig.engine.store.batchExports(outcome.operationId);
      expect(exports).toHaveLength(1);
      expect(exports[0]?.batch.count).toBe(2);
      expect(exports[0]?.journal).toHaveLength(2);
      expect(rig.rec.commands()).not.toContain('COMMIT:05');
    });
  });

  it('an empty batch is not settled; voided records still are (they block COMMIT)', async () => {
    await withRig({ initialState: { journal: [] } }, async (rig) => {
      const outcome = await run(rig);
      check(rig, outcome, []);
      expect(outcome.steps.find((s) => s.step === 'settle')?.status).toBe('skipped');
      expect(rig.rec.commands()).not.toContain('SETTLE:00');
    });
    const voided: JournalRecord[] = [{ stan: '000120', time: '20250312100000', amountFen: 100, maskedPan: '622848******1234', type: 'SALE', status: 'VOIDED' }];
    await withRig({ initialState: { journal: voided } }, async (rig) => {
      const outcome = await run(rig);
      check(rig, outcome, voided);
      expect(outcome.outcome).toBe('rebound');
      expect(outcome.steps.find((s) => s.step === 'settle')?.status).toBe('ok');
    });
  });
});

describe('refusals at identify change nothing', () => {
  it('already the new set, confirmed: rebound with nothing changed, so a depot script can re-run', async () => {
    await withRig({ initialState: { slots: { A: { ...SAMPLE_NEW_PARAMETERS }, B: null } } }, async (rig) => {
      const outcome = await run(rig);
      expect(outcome).toMatchObject({ outcome: 'rebound', reason: 'already-active', operationOpen: false, backupId: null, finalDigest: SAMPLE_NEW_DIGEST_HEX });
      expect(inEnglish(outcome.message)).toContain('nothing changed');
      expect(rig.rec.commands()).toEqual(['HELLO:00']);
      check(rig, outcome);
      expect(rig.engine.store.get(outcome.operationId)).toMatchObject({ status: 'closed', outcome: 'rebound', reason: 'already-active' });
    });
  });

  it('a work-order mismatch or a locked terminal is refused (not needs-attention), with what to do', async () => {
    await withRig({}, async (rig) => {
      const mismatch = await run(rig, { workOrder: { expectedSerial: '1170099999' } });
      expect(mismatch).toMatchObject({ outcome: 'refused', reason: 'work-order-mismatch', operationOpen: false, backupId: null });
      expect(mismatch.known.map(inEnglish)).toContain('Nothing was sent that changes the terminal.');
      check(rig, mismatch);
      rig.rec.sim.setLocked(true);
      const locked = await run(rig);
      expect(locked).toMatchObject({ outcome: 'refused', reason: 'locked' });
      expect(locked.nextSteps.map(inEnglish)[0]).toContain('release (unlock)');
      expect(rig.rec.commands()).toEqual(['HELLO:00', 'HELLO:00']);
      expect(rig.engine.store.get(locked.operationId)).toMatchObject({ status: 'closed', outcome: 'refused' });
    });
  });

  it('a second rebind of a terminal with an interrupted one is refused until that is recovered', async () => {
    await withRig({}, async (rig) => {
      const open = await leaveOpen(rig);
      const second = await run(rig);
      expect(second).toMatchObject({ outcome: 'refused', reason: 'open-operation', operationOpen: false });
      expect(inEnglish(second.message)).toContain('interrupted rebind');
      expect(second.nextSteps.map(inEnglish)[0]).toContain('rebind recover');
      expect(rig.engine.store.get(open.operationId)?.status).toBe('open');
      expect(rig.engine.store.get(second.operationId)).toMatchObject({ status: 'closed', serialNumber: '1170012345' });
    });
  });
});

describe('a terminal that keeps an unconfirmed set (F009 = 1)', () => {
  /** Another laptop committed bank B over the original set and never confirmed: B active, the original kept in A. */
  const halfBoundElsewhere = { slots: { A: { ...defaultSimulatorState().slots.A }, B: { ...SAMPLE_NEW_PARAMETERS } }, activeSlot: 'B' as const, previousPresent: true };
  const third = { ...SAMPLE_NEW_PARAMETERS, A013: '099' };

  it('is never staged over from a data directory that has no open operation for it: refused, the kept set untouched', async () => {
    await withRig({ initialState: halfBoundElsewhere }, async (rig) => {
      const outcome = await run(rig, { params: third });
      expect(outcome).toMatchObject({ outcome: 'refused', reason: 'unconfirmed-set', operationOpen: false, backupId: null, finalDigest: SAMPLE_NEW_DIGEST_HEX });
      expect(inEnglish(outcome.message)).toContain('unconfirmed');
      expect(outcome.known.map(inEnglish).join(' ')).toContain('F009 = 1');
      expect(outcome.nextSteps.map(inEnglish)[0]).toContain('rebind recover --port memory:terminal --data-dir');
      expect(outcome.nextSteps.map(inEnglish)[0]).toContain('laptop that started it');
      expect(rig.rec.commands()).toEqual(['HELLO:00']);
      const snapshot = rig.rec.sim.snapshot();
      expect(snapshot).toMatchObject({ activeDigestHex: SAMPLE_NEW_DIGEST_HEX, previousSlotPresent: true });
      // The same holds when the target is the set it already runs: not confirmed here, so not ours to confirm.
      const same = await run(rig);
      expect(same).toMatchObject({ outcome: 'refused', reason: 'unconfirmed-set' });
      expect(rig.rec.commands()).toEqual(['HELLO:00', 'HELLO:00']);
    });
  });

  it('is recovered by the data directory whose journal has the open operation', async () => {
    await withRig({}, async (rig) => {
      const open = await leaveOpen(rig);
      expect(rig.rec.sim.snapshot().previousSlotPresent).toBe(true);
      const outcome = await rig.engine.recover({ terminal: memoryAccess(rig.rec.sim), mode: 'restore', actor: 'tester' });
      expect(outcome).toMatchObject({ operationId: open.operationId, outcome: 'restored', finalDigest: SAMPLE_OLD_DIGEST_HEX });
      check(rig, outcome!);
    });
  });
});

describe('interrupted operations', () => {
  it('are offered at start-up and for the connected terminal; ones never identified are closed', async () => {
    await withRig({}, async (rig) => {
      const open = await leaveOpen(rig);
      const unidentified = rig.engine.store.createOperation({ portPath: 'p', workOrder: {}, targetParams: { ...SAMPLE_NEW_PARAMETERS }, targetDigest: SAMPLE_NEW_DIGEST_HEX }, 'tester');
      const fresh = testEngine(rig.t.db);
      expect(fresh.interrupted('tester').map((o) => o.id)).toEqual([open.operationId]);
      expect(fresh.store.get(unidentified.id)).toMatchObject({ status: 'closed', reason: 'interrupted-before-identify' });
      expect(fresh.interruptedFor('1170012345')?.id).toBe(open.operationId);
      const resumed = await fresh.recover({ terminal: memoryAccess(rig.rec.sim), mode: 'resume', actor: 'tester' });
      expect(resumed).toMatchObject({ outcome: 'rebound', reason: 'confirmed' });
      check(rig, resumed!);
      // The journal tells both sessions.
      expect(new Set(resumed!.steps.map((s) => s.session))).toEqual(new Set([1, 2]));
    });
  });

  it('gives up after the attempts with the old set verified: restored, link-failed', async () => {
    await withRig({ faults: 'disconnect:5@BEGIN_STAGE' }, async (rig) => {
      const outcome = await run(rig);
      check(rig, outcome);
      expect(outcome).toMatchObject({ outcome: 'restored', reason: 'link-failed' });
      expect(outcome.steps.filter((s) => s.step === 'stage').map((s) => s.status)).toEqual(['failed', 'failed', 'failed']);
    });
  });

  it('another terminal on the port: needs-attention, the operation stays open', async () => {
    await withRig({}, async (rig) => {
      const open = await leaveOpen(rig);
      const other = recordedSimulator({ initialState: { identity: { ...defaultSimulatorState().identity, serialNumber: '9990000001' } } }, MEMORY_TIMING);
      try {
        const outcome = await rig.engine.recover({ terminal: memoryAccess(other.sim), mode: 'resume', actor: 'tester', operationId: open.operationId });
        expect(outcome).toMatchObject({ outcome: 'needs-attention', reason: 'wrong-terminal', operationOpen: true, finalDigest: null });
        expect(other.commands()).toEqual(['HELLO:00', 'HELLO:00']);
      } finally {
        await other.sim.close();
      }
    });
  });

  it('confirmed by something else: needs-attention, closed (the terminal is on a stable set)', async () => {
    await withRig({}, async (rig) => {
      const open = await leaveOpen(rig);
      const pair = createMemoryPortPair('other-tool');
      rig.rec.sim.attach(pair.terminal);
      const driver = new RtpDriver(pair.host, { timing: MEMORY_TIMING });
      await driver.open();
      await driver.confirm();
      await driver.close();
      const outcome = await rig.engine.recover({ terminal: memoryAccess(rig.rec.sim), mode: 'restore', actor: 'tester' });
      expect(outcome).toMatchObject({ outcome: 'needs-attention', reason: 'confirmed-elsewhere', operationOpen: false, finalDigest: SAMPLE_NEW_DIGEST_HEX, backupId: open.backupId });
    });
  });

  it('a third set on the terminal: needs-attention, open until abandoned with a reason', async () => {
    await withRig({}, async (rig) => {
      const open = await leaveOpen(rig);
      const third = { ...SAMPLE_NEW_PARAMETERS, A013: '099' };
      const pair = createMemoryPortPair('other-tool');
      rig.rec.sim.attach(pair.terminal);
      const driver = new RtpDriver(pair.host, { timing: MEMORY_TIMING });
      await driver.open();
      await driver.stageParameterSet(canonicalParameterSet(third));
      await driver.commit();
      await driver.close();
      const outcome = await rig.engine.recover({ terminal: memoryAccess(rig.rec.sim), mode: 'resume', actor: 'tester' });
      expect(outcome).toMatchObject({ outcome: 'needs-attention', reason: 'unknown-set', operationOpen: true });
      expect(outcome!.nextSteps.map(inEnglish).join(' ')).toContain(`backup #${open.backupId}`);
      expect(() => rig.engine.abandon(open.operationId, 'short', 'tester')).toThrow(/at least 10 characters/);
      rig.engine.abandon(open.operationId, 'Bank TMS pushed its own set; handled by the bank', 'tester');
      expect(rig.engine.store.get(open.operationId)).toMatchObject({ status: 'closed', reason: 'abandoned' });
      expect(rig.engine.store.backup(open.operationId)).toBeDefined();
    });
  });
});

describe('cancel stops at the next safe point', () => {
  it('before anything was sent: refused / cancelled, nothing changed', async () => {
    await withRig({}, async (rig) => {
      const controller = new AbortController();
      controller.abort();
      const outcome = await run(rig, { signal: controller.signal });
      expect(outcome).toMatchObject({ outcome: 'refused', reason: 'cancelled', operationOpen: false, backupId: null });
      expect(outcome.known.map(inEnglish)).toContain('Nothing was sent that changes the terminal.');
      expect(rig.rec.commands()).toEqual([]);
      check(rig, outcome);
    });
  });

  it('while staging: the stage is aborted and the old set read back (restored / cancelled), no COMMIT', async () => {
    await withRig({}, async (rig) => {
      const controller = new AbortController();
      const outcome = await run(rig, {
        signal: controller.signal,
        onEvent: (e) => {
          rig.events.push(e);
          if (e.type === 'step-progress' && e.step === 'stage') controller.abort();
        },
      });
      expect(outcome).toMatchObject({ outcome: 'restored', reason: 'cancelled', finalDigest: SAMPLE_OLD_DIGEST_HEX });
      expect(inEnglish(outcome.message)).toContain('cancelled');
      const commands = rig.rec.commands();
      expect(commands).not.toContain('COMMIT:00');
      expect(commands).toContain('ABORT_STAGE:00');
      expect(outcome.steps.map((s) => `${s.step}:${s.status}`).slice(-3)).toEqual(['reconnect:ok', 'abort-stage:ok', 'verify-restored:ok']);
      check(rig, outcome);
    });
  });

  it('after COMMIT: rolled back and read back (restored / cancelled)', async () => {
    await withRig({}, async (rig) => {
      const controller = new AbortController();
      const outcome = await run(rig, {
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'step-finished' && e.step === 'commit' && e.status === 'ok') controller.abort();
        },
      });
      expect(outcome).toMatchObject({ outcome: 'restored', reason: 'cancelled', finalDigest: SAMPLE_OLD_DIGEST_HEX });
      expect(rig.rec.commands()).toContain('ROLLBACK:00');
      expect(rig.rec.commands()).not.toContain('CONFIRM:00');
      expect(rig.rec.sim.snapshot()).toMatchObject({ activeDigestHex: SAMPLE_OLD_DIGEST_HEX, previousSlotPresent: false });
      check(rig, outcome);
    });
  });

  it('a resume that is cancelled undoes the rebind', async () => {
    await withRig({}, async (rig) => {
      await leaveOpen(rig);
      const controller = new AbortController();
      controller.abort();
      const outcome = await rig.engine.recover({ terminal: memoryAccess(rig.rec.sim), mode: 'resume', actor: 'tester', signal: controller.signal });
      expect(outcome).toMatchObject({ outcome: 'restored', reason: 'cancelled', finalDigest: SAMPLE_OLD_DIGEST_HEX });
      check(rig, outcome!);
    });
  });
});
