// How long the simulated terminal works on each command, between its ACK and its response. The
// defaults imitate a real countertop terminal; tests set them to 0. A benchmark adds them to
// lineLimitMs() for "wire + turnarounds + processing".

/** Per-command processing times and the reboot downtime, in milliseconds. */
export interface ProcessingTimes {
  /** Every command without an entry of its own (HELLO, reads, staging except COMMIT, ROLLBACK, ...). */
  commandMs: number;
  /** COMMIT: writing the inactive slot, before the pointer flips. */
  commitMs: number;
  /** SETTLE with a reachable host, from ACK to final response (interims not counted). */
  settleMs: number;
  /** Interim responses (RC 7F, F010) spread evenly over settleMs. */
  settleInterims: number;
  /** SIGN_ON round trip with a reachable host; also its F031. */
  signOnMs: number;
  /** ECHO_TEST round trip with a reachable host; also its F031. */
  echoTestMs: number;
  /** SETTLE, SIGN_ON, ECHO_TEST with an unreachable host: time spent before RC 08 (F031). */
  hostTimeoutMs: number;
  /** PRINT_TEST: printing the slip. */
  printTestMs: number;
  /** REBOOT and power loss: how long the terminal ignores all input. */
  rebootMs: number;
}

/** The defaults (docs/simulator.md §6). */
export const DEFAULT_PROCESSING_TIMES: Readonly<ProcessingTimes> = {
  commandMs: 0,
  commitMs: 150,
  settleMs: 2000,
  settleInterims: 4,
  signOnMs: 850,
  echoTestMs: 412,
  hostTimeoutMs: 3000,
  printTestMs: 800,
  rebootMs: 3000,
};

/** Every processing time 0 and a short reboot: for tests that are not about timing. */
export const INSTANT_PROCESSING_TIMES: Readonly<ProcessingTimes> = {
  commandMs: 0,
  commitMs: 0,
  settleMs: 0,
  settleInterims: 4,
  signOnMs: 0,
  echoTestMs: 0,
  hostTimeoutMs: 0,
  printTestMs: 0,
  rebootMs: 200,
};

/** Fills in defaults; throws naming a field that is negative or not a number. */
export function resolveProcessingTimes(partial: Partial<ProcessingTimes> = {}): ProcessingTimes {
  const times: ProcessingTimes = { ...DEFAULT_PROCESSING_TIMES, ...partial };
  for (const [name, value] of Object.entries(times)) {
    if (!Number.isFinite(value) || value < 0) throw new Error(`Processing time ${name} must be 0 or more, got ${value}.`);
  }
  if (!Number.isInteger(times.settleInterims) || times.settleInterims > 100) {
    throw new Error(`Processing time settleInterims must be a whole number from 0 to 100, got ${times.settleInterims}.`);
  }
  return times;
}
