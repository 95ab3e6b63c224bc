// First-time fix, defined once for every figure that shows it (the Reports page and the bank
// comparison of a new case). A case counts once a visit had an outcome: it reached `rebound`, or a
// failure was recorded (every failed visit records a `record-failure` transition). It is fixed the
// first time when it reached `rebound` and no failure was ever recorded for it — also none after
// the rebound: a checklist that finds the terminal not working after a rebound (`rebound → failed`)
// means the first visit did not fix it.

/** What the rule needs to know about one case. */
export interface CaseVisitFacts {
  /** The case reached `rebound` at least once. */
  reachedRebound: boolean;
  /** `record-failure` transitions of the case, at any time. */
  failures: number;
}

/** True when the case had a visit outcome, so it counts in the rate. */
export function countsForFirstTimeFix(facts: CaseVisitFacts): boolean {
  return facts.reachedRebound || facts.failures > 0;
}

/** True when the first visit fixed it: rebound, and no failure recorded before or after. */
export function isFirstTimeFix(facts: CaseVisitFacts): boolean {
  return facts.reachedRebound && facts.failures === 0;
}

/** Fixed over counted, or null when no case counts ("no data"). */
export function firstTimeFixRate(figures: { counted: number; fixed: number }): number | null {
  return figures.counted === 0 ? null : figures.fixed / figures.counted;
}
