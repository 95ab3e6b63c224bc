// Decides, opportunity by opportunity, whether a planned fault fires. Each rule counts the
// opportunities that match it; probabilities and corrupted bytes come from one seeded PRNG, so
// the same seed and the same traffic inject the same faults.
import { commandName } from '../../../../shared/rtp';
import type { FaultKind, FaultPlan, FaultRule } from './fault-plan';
import { createPrng } from './prng';
import type { Prng } from './prng';

interface RuleCounter {
  readonly rule: FaultRule;
  seen: number;
  fired: number;
}

/** Runtime state of a fault plan. */
export class FaultInjector {
  private readonly counters: RuleCounter[];
  private readonly prng: Prng;

  /** Starts counting from zero for `plan`. */
  constructor(plan: FaultPlan) {
    this.counters = plan.rules.map((rule) => ({ rule, seen: 0, fired: 0 }));
    this.prng = createPrng(plan.seed ?? 1);
  }

  /** True when some rule has this kind (so callers can skip work for faults that cannot fire). */
  has(kind: FaultKind): boolean {
    return this.counters.some((c) => c.rule.kind === kind);
  }

  /**
   * One opportunity for `kind` in command `cmd` (undefined when the body has no command byte):
   * counts it for every matching rule and says whether one of them fires.
   */
  take(kind: FaultKind, cmd: number | undefined): boolean {
    let fires = false;
    for (const counter of this.counters) {
      const { rule } = counter;
      if (rule.kind !== kind) continue;
      if (rule.command !== undefined && rule.command !== cmd) continue;
      counter.seen++;
      let hit: boolean;
      if (rule.probability !== undefined) {
        hit = this.prng.next() < rule.probability;
      } else {
        const first = rule.occurrence ?? 1;
        hit = counter.seen >= first && counter.fired < (rule.times ?? 1);
      }
      if (hit) {
        counter.fired++;
        fires = true;
      }
    }
    return fires;
  }

  /** A whole number in [0, max) from the plan's PRNG (which byte to corrupt, and how). */
  pick(max: number): number {
    return this.prng.below(max);
  }
}

/** English label of where a fault struck, e.g. "COMMIT" or "a frame without a command". */
export function faultTarget(cmd: number | undefined): string {
  return cmd === undefined ? 'a frame without a command' : commandName(cmd);
}
