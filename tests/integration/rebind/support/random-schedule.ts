// Seeded random fault schedules for the engine: a fault spec for the simulator (docs/simulator.md
// §5) plus things that happen around the terminal (host down, a lock, a sale during the rebind, an
// empty batch, a wrong work order). Same seed, same schedule.
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX } from '../../../fixtures/rtp-vectors';
import type { RebindStep } from '../../../../shared/rebind/rebind-steps';
import type { RebindOutcome } from '../../../../shared/rebind/rebind-outcome';
import type Database from 'better-sqlite3';
import { scaledTiming } from '../../../../electron/main/terminal/link/link-timing';
import type { LinkTiming } from '../../../../electron/main/terminal/link/link-timing';
import { defaultSimulatorState } from '../../../../electron/main/terminal/simulator';
import type { RebindEngine } from '../../../../electron/main/rebind/rebind-engine';
import type { Clock } from '../../../../electron/main/platform/clock';
import { invariantProblems } from './invariants';
import { memoryAccess, recordedSimulator } from './rebind-rig';
import { createPrng } from '../../../../electron/main/terminal/simulator/prng';

/** Timers of the random runs: T1 50 ms, T2 250 ms, long T2 1 s (late answers to SETTLE/SIGN_ON stay short). */
export const RANDOM_TIMING: LinkTiming = { ...scaledTiming(20), t2LongMs: 1000 };

const COMMANDS = ['HELLO', 'GET_PARAMS', 'GET_BATCH', 'EXPORT_JOURNAL', 'SETTLE', 'BEGIN_STAGE', 'PUT_STAGE', 'VERIFY_STAGE', 'COMMIT', 'SIGN_ON', 'ECHO_TEST', 'PRINT_TEST', 'CONFIRM', 'ROLLBACK', 'ABORT_STAGE'];
const KINDS = ['corrupt', 'drop-frame', 'drop-ack', 'nak', 'late-ack', 'late-response', 'disconnect', 'reboot', 'power-loss'] as const;
const NOISE = ['corrupt', 'drop-frame', 'drop-ack', 'late-ack'] as const;

/** One schedule. */
export interface Schedule {
  seed: number;
  faults: string;
  hostDownAt: RebindStep | null;
  lockAt: RebindStep | null;
  saleAt: RebindStep | null;
  emptyBatch: boolean;
  wrongWorkOrder: boolean;
}

/** A reproducible source of numbers in [0, 1): the simulator's seeded PRNG (its own instance and seed). */
function prng(seed: number): () => number {
  return createPrng(seed).next;
}

/** The schedule of a seed. */
export function scheduleFor(seed: number): Schedule {
  const r = prng(seed * 7919 + 13);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
  const rules: string[] = [`seed=${seed}`];
  const count = Math.floor(r() * 4);
  for (let i = 0; i < count; i++) {
    const kind = pick(KINDS);
    if (kind === 'power-loss') {
      rules.push(`power-loss#${1 + Math.floor(r() * 2)}`);
      continue;
    }
    const times = kind === 'nak' ? 1 + Math.floor(r() * 3) : kind === 'late-response' || kind === 'disconnect' || kind === 'reboot' ? 1 : 1 + Math.floor(r() * 2);
    rules.push(`${kind}:${times}@${pick(COMMANDS)}#${1 + Math.floor(r() * 2)}`);
  }
  if (r() < 0.3) rules.push(`${pick(NOISE)}:${(0.01 + r() * 0.05).toFixed(3)}`);
  const event = (p: number, steps: readonly RebindStep[]) => (r() < p ? pick(steps) : null);
  return {
    seed,
    faults: rules.join(','),
    hostDownAt: event(0.15, ['settle', 'sign-on', 'echo-test']),
    lockAt: event(0.08, ['stage', 'commit', 'sign-on', 'print-test']),
    saleAt: event(0.1, ['stage', 'verify-stage']),
    emptyBatch: r() < 0.2,
    wrongWorkOrder: r() < 0.04,
  };
}

/** What one schedule ended in. */
export interface ScheduleResult {
  schedule: Schedule;
  outcomes: RebindOutcome[];
  problems: string[];
}

/**
 * Runs one schedule on `db`: the run, then (while the operation stays open) recovery with the
 * terminal freed (host reachable, unlocked), at most three times. Checks the invariants after each.
 * With `clock` (the engine's too), the simulator and the line run on it: a SimulatedClock makes
 * the run's T1, T2 and settle waits independent of how loaded the machine is.
 */
export async function runSchedule(engine: RebindEngine, db: Database.Database, schedule: Schedule, clock?: Clock): Promise<ScheduleResult> {
  const base = defaultSimulatorState();
  const serialNumber = `S${String(schedule.seed).padStart(9, '0')}`;
  const journal = schedule.emptyBatch ? [] : base.journal;
  const rec = recordedSimulator({ faults: schedule.faults, initialState: { identity: { ...base.identity, serialNumber }, journal }, ...(clock ? { clock } : {}) }, RANDOM_TIMING);
  const { sim } = rec;
  const access = memoryAccess(sim, RANDOM_TIMING, clock);
  const problems: string[] = [];
  const outcomes: RebindOutcome[] = [];
  const check = (outcome: RebindOutcome) => {
    outcomes.push(outcome);
    const found = invariantProblems({ outcome, snapshot: sim.snapshot(), store: engine.store, db, oldDigest: SAMPLE_OLD_DIGEST_HEX, newDigest: SAMPLE_NEW_DIGEST_HEX, initialJournal: journal, commands: rec.commands() });
    problems.push(...found.map((p) => `${outcome.outcome}/${outcome.reason}: ${p}`));
  };
  try {
    const outcome = await engine.run({
      terminal: access,
      params: SAMPLE_NEW_PARAMETERS,
      workOrder: { expectedSerial: schedule.wrongWorkOrder ? 'S999999999' : serialNumber, expectedTid: '12345678' },
      actor: 'test',
      onEvent: (event) => {
        if (event.type !== 'step-started' || event.attempt !== 1) return;
        if (event.step === schedule.hostDownAt) sim.setHostReachable(false);
        if (event.step === schedule.lockAt) sim.setLocked(true);
        if (event.step === schedule.saleAt) sim.addTransactions(1);
      },
    });
    check(outcome);
    for (let i = 0; i < 3 && engine.store.get(outcome.operationId)?.status === 'open'; i++) {
      sim.setHostReachable(true);
      sim.setLocked(false);
      const again = await engine.recover({ terminal: access, mode: 'resume', actor: 'test' });
      if (again === null) {
        problems.push('recover found no operation although one is open');
        break;
      }
      check(again);
    }
    if (engine.store.get(outcome.operationId)?.status === 'open') problems.push('the operation is still open after three recoveries');
  } catch (error) {
    problems.push(`threw: ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    await sim.close();
  }
  return { schedule, outcomes, problems };
}

/** Runs `tasks` with at most `limit` at a time. */
export async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}
