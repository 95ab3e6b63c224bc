// Seeded random fault schedules (support/random-schedule.ts) against the engine over in-memory
// lines: every one ends rebound, restored, needs-attention or refused with the terminal on the old or the
// new set, and the journal, the backup and the audit chain agree (support/invariants.ts). The soak
// script (scripts/soak-rebind.ts) runs the same schedules by the thousand. Engine, line and
// simulator share one SimulatedClock per chunk, so a starved process cannot make a T1 or T2 run
// out: every timeout the schedules see is one their faults caused.
import { createTestFieldEncryption } from '../../../electron/main/crypto/test-key-protector';
import { afterAll, describe, expect, it } from 'vitest';
import { createRebindEngine } from '../../../electron/main/rebind/rebind-engine';
import { pool, runSchedule, scheduleFor } from './support/random-schedule';
import type { ScheduleResult } from './support/random-schedule';
import { openTestDatabase, repeatingOn, TEST_POLICY } from './support/rebind-rig';
import { SimulatedClock } from '../../support/simulated-clock';

const SEEDS = 200;
const CHUNK = 50;
const tally = new Map<string, number>();

afterAll(() => {
  // A summary on the console helps when a change shifts the balance of outcomes.
  console.log(`random schedules: ${[...tally.entries()].sort().map(([k, n]) => `${k} ${n}`).join(', ')}`);
});

describe('seeded random fault schedules', () => {
  for (let start = 1; start <= SEEDS; start += CHUNK) {
    const seeds = Array.from({ length: CHUNK }, (_, i) => start + i);
    it(`seeds ${start}-${start + CHUNK - 1} end on a verified set with a journal that tells the story`, async () => {
      const t = openTestDatabase();
      const clock = new SimulatedClock();
      try {
        const engine = createRebindEngine({
          connection: () => t.db,
          encryption: createTestFieldEncryption(() => t.db),
          policy: { ...TEST_POLICY, reconnectWithinMs: 4000 },
          // The engine takes the clock's functions apart, so they are bound here.
          clock: { now: () => clock.now(), monoMs: () => clock.monoMs(), sleep: (ms) => clock.sleep(ms) },
          every: repeatingOn(clock),
        });
        const results: ScheduleResult[] = [];
        await pool(seeds, 10, async (seed) => {
          results.push(await runSchedule(engine, t.db, scheduleFor(seed), clock));
        });
        for (const r of results) {
          const first = r.outcomes[0];
          const key = first === undefined ? 'none' : `${first.outcome}`;
          tally.set(key, (tally.get(key) ?? 0) + 1);
        }
        const failures = results.filter((r) => r.problems.length > 0).map((r) => `seed ${r.schedule.seed} (${r.schedule.faults}): ${r.problems.join(' | ')}`);
        expect(failures).toEqual([]);
        expect(results).toHaveLength(CHUNK);
      } finally {
        clock.stop();
        t.close();
      }
    }, 120_000);
  }
});
