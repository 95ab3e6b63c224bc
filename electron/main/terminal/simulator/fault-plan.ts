// Fault plans: which faults the simulator injects and when (docs/simulator.md §5).

/** Every fault the simulator can inject. */
export const FAULT_KINDS = ['corrupt', 'drop-frame', 'drop-ack', 'nak', 'late-ack', 'late-response', 'disconnect', 'reboot', 'power-loss'] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** One line of a plan: a fault, where it applies and when it fires. */
export interface FaultRule {
  readonly kind: FaultKind;
  /** Only opportunities belonging to this command code count; any command when omitted. */
  readonly command?: number;
  /** The first matching opportunity that fires, 1-based; 1 when omitted. Not used with `probability`. */
  readonly occurrence?: number;
  /** Consecutive matching opportunities that fire once triggered; 1 when omitted. */
  readonly times?: number;
  /** Fire at every matching opportunity with this probability (0 < p ≤ 1) instead of by occurrence. */
  readonly probability?: number;
}

/** A set of fault rules and the seed of the generator behind probabilities and corrupted bytes. */
export interface FaultPlan {
  /** Seed of the PRNG; 1 when omitted. The same seed and traffic give the same faults. */
  readonly seed?: number;
  /** The rules, each counted on its own. */
  readonly rules: readonly FaultRule[];
}

/** The empty plan: no faults. */
export const NO_FAULTS: FaultPlan = { rules: [] };
