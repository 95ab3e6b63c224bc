// The soak: the seeded random schedules of random-schedule.ts by the thousand, with the outcome
// counts printed at the end. Run through scripts/soak-rebind.ts; not part of `npm test`.
import { createTestFieldEncryption } from '../../../../electron/main/crypto/test-key-protector';
import { createRebindEngine } from '../../../../electron/main/rebind/rebind-engine';
import { pool, runSchedule, scheduleFor } from './random-schedule';
import { openTestDatabase, TEST_POLICY } from './rebind-rig';

/** What the soak found. */
export interface SoakReport {
  runs: number;
  /** First outcome of each schedule (the run itself), by outcome. */
  firstOutcomes: Record<string, number>;
  /** Where each schedule ended after its recoveries, by outcome/reason. */
  finalOutcomes: Record<string, number>;
  /** Schedules that needed a recovery session. */
  recovered: number;
  /** Seeds whose invariants broke, with the first problem. */
  failures: { seed: number; faults: string; problem: string }[];
  elapsedMs: number;
}

/** Runs seeds `from` … `from + count - 1`, `parallel` at a time, a fresh database per 100 seeds (the audit chain is verified after every run). */
export async function runSoak(count: number, from: number, parallel: number, progress: (done: number) => void): Promise<SoakReport> {
  const started = performance.now();
  const report: SoakReport = { runs: 0, firstOutcomes: {}, finalOutcomes: {}, recovered: 0, failures: [], elapsedMs: 0 };
  const bump = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);
  for (let chunk = from; chunk < from + count; chunk += 100) {
    const seeds = Array.from({ length: Math.min(100, from + count - chunk) }, (_, i) => chunk + i);
    const t = openTestDatabase('rebinddesk-soak-');
    try {
      const engine = createRebindEngine({ connection: () => t.db, encryption: createTestFieldEncryption(() => t.db), policy: { ...TEST_POLICY, reconnectWithinMs: 4000 } });
      await pool(seeds, parallel, async (seed) => {
        const schedule = scheduleFor(seed);
        const result = await runSchedule(engine, t.db, schedule);
        report.runs++;
        const first = result.outcomes[0];
        const last = result.outcomes[result.outcomes.length - 1];
        bump(report.firstOutcomes, first?.outcome ?? 'none');
        bump(report.finalOutcomes, last === undefined ? 'none' : `${last.outcome}/${last.reason}`);
        if (result.outcomes.length > 1) report.recovered++;
        if (result.problems.length > 0) report.failures.push({ seed, faults: schedule.faults, problem: result.problems[0]! });
        if (report.runs % 500 === 0) progress(report.runs);
      });
    } finally {
      t.close();
    }
  }
  report.elapsedMs = performance.now() - started;
  return report;
}
