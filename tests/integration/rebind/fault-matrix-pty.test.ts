// The fault matrix over REAL pseudo-terminals (socat + the serialport binding): each step of the
// rebind × each fault the simulator injects (corrupt byte, dropped frame, NAK storm, late answer,
// unplugged cable, terminal reboot), plus power loss between staging and the flip and the acquirer
// host going down. Each case ends in the outcome the decision table prescribes, with the terminal
// on the old or the new set, and a journal that shows the failed step, the reconnect and the way out.
import { inEnglish } from '../../../shared/errors/reasons-en';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_DIGEST_HEX } from '../../fixtures/rtp-vectors';
import type { RebindOutcomeKind, RebindReason } from '../../../shared/rebind/rebind-outcome';
import type { RebindStep } from '../../../shared/rebind/rebind-steps';
import { scaledTiming } from '../../../electron/main/terminal/link/link-timing';
import type { LinkTiming } from '../../../electron/main/terminal/link/link-timing';
import { defaultSimulatorState } from '../../../electron/main/terminal/simulator';
import { invariantProblems } from './support/invariants';
import { openTestDatabase, ptyTerminal, recordedSimulator, testEngine } from './support/rebind-rig';
import { StallTolerantClock } from '../../support/stall-tolerant-clock';

/**
 * T1 200 ms, T2 1 s, long T2 1.5 s: a late SETTLE or SIGN_ON answer costs 1.5 s, not 90. The
 * engine, the host link and the simulator share one StallTolerantClock: a moment in which this
 * process is starved on a loaded machine does not count towards T1, T2 or the write bound (which
 * is T1), so only the faults make them run out. The ptys and socat stay real.
 */
const TIMING: LinkTiming = { ...scaledTiming(5), t2LongMs: 1500 };
const clock = new StallTolerantClock();
afterAll(() => clock.stop());

/** Where each step's fault strikes: the command and its occurrence in a clean run. */
const STEP_COMMANDS: [RebindStep, string][] = [
  ['identify', 'HELLO#1'],
  ['backup', 'GET_PARAMS#1'],
  ['settle', 'SETTLE#1'],
  ['stage', 'PUT_STAGE#1'],
  ['verify-stage', 'VERIFY_STAGE#1'],
  ['commit', 'COMMIT#1'],
  ['read-back', 'GET_PARAMS#2'],
  ['sign-on', 'SIGN_ON#1'],
  ['echo-test', 'ECHO_TEST#1'],
  ['print-test', 'PRINT_TEST#1'],
  ['confirm', 'CONFIRM#1'],
];

const AFTER_COMMIT: ReadonlySet<RebindStep> = new Set(['read-back', 'sign-on', 'echo-test', 'print-test', 'confirm']);

type FaultName = 'corrupt' | 'drop-frame' | 'nak-storm' | 'late-response' | 'disconnect' | 'reboot';

/** The fault spec of a fault at `target` ("COMMIT#1"). */
function spec(fault: FaultName, target: string): string {
  const [command, occurrence] = target.split('#') as [string, string];
  const kind = fault === 'nak-storm' ? 'nak:3' : fault;
  return `${kind}@${command}#${occurrence}`;
}

/**
 * What the decision table prescribes: corrupt bytes and dropped frames are repaired by the link;
 * a failure before COMMIT took effect is retried; one after it rolls back. Two exceptions: a late
 * COMMIT answer means COMMIT ran (roll back), a late CONFIRM answer means CONFIRM ran (rebound).
 */
function expected(fault: FaultName, step: RebindStep): { outcome: RebindOutcomeKind; reason?: RebindReason; recovered: boolean } {
  if (fault === 'corrupt' || fault === 'drop-frame') return { outcome: 'rebound', reason: 'confirmed', recovered: false };
  if (fault === 'late-response' && step === 'confirm') return { outcome: 'rebound', reason: 'confirmed-earlier', recovered: true };
  if (fault === 'late-response' && step === 'commit') return { outcome: 'restored', reason: 'link-failed', recovered: true };
  if (AFTER_COMMIT.has(step)) return { outcome: 'restored', reason: 'link-failed', recovered: true };
  return { outcome: 'rebound', reason: 'confirmed', recovered: true };
}

interface CaseResult {
  outcome: Awaited<ReturnType<ReturnType<typeof testEngine>['run']>>;
  problems: string[];
  steps: { step: string; status: string; attempt: number }[];
  snapshot: ReturnType<ReturnType<typeof recordedSimulator>['sim']['snapshot']>;
}

async function runCase(faults: string, around: { hostDownAt?: RebindStep } = {}): Promise<CaseResult> {
  // Each case cleans up after itself: the cases run concurrently.
  const t = openTestDatabase();
  const rec = recordedSimulator({ faults, clock }, TIMING);
  const terminal = await ptyTerminal(rec.sim, TIMING, undefined, clock);
  try {
    const engine = testEngine(t.db, {}, clock);
    const outcome = await engine.run({
      terminal: terminal.access,
      params: SAMPLE_NEW_PARAMETERS,
      workOrder: { expectedSerial: defaultSimulatorState().identity.serialNumber, expectedTid: '12345678', expectedModel: 'A920' },
      actor: 'test',
      onEvent: (event) => {
        if (event.type === 'step-started' && event.step === around.hostDownAt) rec.sim.setHostReachable(false);
      },
    });
    const snapshot = rec.sim.snapshot();
    const problems = invariantProblems({
      outcome,
      snapshot,
      store: engine.store,
      db: t.db,
      oldDigest: SAMPLE_OLD_DIGEST_HEX,
      newDigest: SAMPLE_NEW_DIGEST_HEX,
      initialJournal: defaultSimulatorState().journal,
      commands: rec.commands(),
    });
    return { outcome, problems, snapshot, steps: engine.store.steps(outcome.operationId).map((s) => ({ step: s.step, status: s.status, attempt: s.attempt })) };
  } finally {
    await rec.sim.close();
    await terminal.close();
    t.close();
  }
}

const names = (steps: CaseResult['steps']) => steps.map((s) => `${s.step}:${s.status}`);

describe('fault matrix over real ptys: every step × every fault', () => {
  const faults: FaultName[] = ['corrupt', 'drop-frame', 'nak-storm', 'late-response', 'disconnect', 'reboot'];
  const cases = STEP_COMMANDS.flatMap(([step, target]) => faults.map((fault) => ({ step, target, fault })));
  it.concurrent.each(cases)('$fault at $step ($target)', async ({ step, target, fault }) => {
    const result = await runCase(spec(fault, target));
    const want = expected(fault, step);
    expect(result.problems).toEqual([]);
    expect({ outcome: result.outcome.outcome, reason: result.outcome.reason }).toEqual({ outcome: want.outcome, reason: want.reason });
    expect(result.snapshot.activeDigestHex).toBe(want.outcome === 'rebound' ? SAMPLE_NEW_DIGEST_HEX : SAMPLE_OLD_DIGEST_HEX);
    const story = names(result.steps);
    if (!want.recovered) {
      // The link repaired it: one clean pass, no reconnect.
      expect(story).not.toContain('reconnect:ok');
      expect(story.filter((s) => s.endsWith(':failed'))).toEqual([]);
      return;
    }
    // The journal tells the story: the struck step failed, the engine reconnected, then the way out.
    const failedAt = story.indexOf(`${step}:failed`);
    expect(failedAt, story.join(' ')).toBeGreaterThanOrEqual(0);
    expect(story.slice(failedAt + 1)).toContain('reconnect:ok');
    if (want.outcome === 'restored' && step !== 'commit' && fault !== 'late-response') expect(story.slice(failedAt)).toContain('rollback:ok');
    if (want.outcome === 'restored') expect(story[story.length - 1]).toBe('verify-restored:ok');
    if (want.reason === 'confirmed' && step !== 'identify') expect(result.steps.some((s) => s.step === 'commit' && s.status === 'ok' && s.attempt === 2)).toBe(true);
    if (want.reason === 'confirmed-earlier') expect(story[story.length - 1]).toBe('verify-rebound:ok');
  });
});

describe('power and the acquirer host over real ptys', () => {
  it.concurrent('power loss between staging and the flip: the old set stays, the engine stages again and rebinds', async () => {
    const result = await runCase('power-loss@COMMIT');
    expect(result.problems).toEqual([]);
    expect(result.outcome).toMatchObject({ outcome: 'rebound', reason: 'confirmed', finalDigest: SAMPLE_NEW_DIGEST_HEX });
    const story = names(result.steps);
    const failed = story.indexOf('commit:failed');
    expect(failed).toBeGreaterThan(story.indexOf('verify-stage:ok'));
    // After the power cut: reconnect, drop the stage, the stored backup found, settle gate (batch
    // already empty), stage again.
    expect(story.slice(failed + 1, failed + 8)).toEqual(['reconnect:ok', 'abort-stage:ok', 'backup:ok', 'settle:skipped', 'stage:ok', 'verify-stage:ok', 'commit:ok']);
  });

  it.concurrent('the new bank’s host down at sign-on: ROLLBACK and a read-back prove the old set', async () => {
    const result = await runCase('', { hostDownAt: 'sign-on' });
    expect(result.problems).toEqual([]);
    expect(result.outcome).toMatchObject({ outcome: 'restored', reason: 'host-test-failed', finalDigest: SAMPLE_OLD_DIGEST_HEX, operationOpen: false });
    expect(names(result.steps).slice(-4)).toEqual(['sign-on:failed', 'reconnect:ok', 'rollback:ok', 'verify-restored:ok']);
    expect(result.outcome.nextSteps.map(inEnglish).join(' ')).toContain('host settings');
    expect(result.snapshot.previousSlotPresent).toBe(false);
  });

  it.concurrent('the old bank’s host down at settle: nothing is changed and the batch stays for a later settle', async () => {
    const result = await runCase('', { hostDownAt: 'settle' });
    expect(result.problems).toEqual([]);
    expect(result.outcome).toMatchObject({ outcome: 'restored', reason: 'settle-failed' });
    expect(names(result.steps)).not.toContain('stage:ok');
    expect(result.snapshot.batch.count).toBe(defaultSimulatorState().journal.length);
  });
});
