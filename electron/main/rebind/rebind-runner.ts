// The order of the steps: the forward path of PROTOCOL.md §5, and after any failure the recovery
// loop: reconnect, ask the terminal (HELLO), decide with the table in shared/rebind/
// recovery-decision.ts, act, and finish with an outcome. Any failure after COMMIT took effect ends
// in ROLLBACK and a read-back of the old set.
import { decideRecovery } from '../../../shared/rebind/recovery-decision';
import type { RecoveryDecision, RecoveryMode } from '../../../shared/rebind/recovery-decision';
import type { RebindOutcome, RebindOutcomeKind, RebindReason } from '../../../shared/rebind/rebind-outcome';
import { reason as detailReason, type Reason } from '../../../shared/errors/reason';
import { ResultCode } from '../../../shared/rtp';
import { TerminalRefused } from '../terminal/link/link-errors';
import { backupStep, commitStep, confirmStep, hostTestStep, printTestStep, readBackStep, settleStep, stageStep, verifyStageStep } from './forward-steps';
import { outcomeText } from './outcome-text';
import { classifyFailure, failureDetail, isDatabaseError, RebindCancelled, RebindStop } from './rebind-failure';
import type { FailureInfo } from './rebind-failure';
import type { RebindSession } from './rebind-session';
import { abortStageStep, reconnectStep, rollbackStep, verifyReboundStep, verifyRestoredStep } from './recovery-steps';

/** Where the forward path starts: after identify, at the settle gate (old set active), or after COMMIT. */
export type ForwardStart = 'backup' | 'settle' | 'read-back';

/** Runs the forward path from `from` to CONFIRM; throws on the first failure. */
export async function forward(s: RebindSession, from: ForwardStart): Promise<void> {
  if (from !== 'read-back') {
    if (from === 'settle') await backupFoundStep(s);
    const mustSettle = from === 'backup' ? await backupStep(s) : false;
    await settleStep(s, mustSettle);
    await stageStep(s);
    await verifyStageStep(s);
    for (let round = 1; !(await commitStep(s)); round++) {
      if (round >= s.ctx.policy.maxSettleRounds) {
        throw new RebindStop('settle-failed', detailReason('stop-batch-kept-reopening', { rounds: round }), false);
      }
      await settleStep(s, true);
    }
  }
  await readBackStep(s);
  await hostTestStep(s, 'sign-on');
  await hostTestStep(s, 'echo-test');
  await printTestStep(s);
  await confirmStep(s);
}

/**
 * Journals that the backup is already stored. A process killed between storing the backup and
 * journaling its step leaves the step `interrupted`; the journal must still show, in order, that
 * the backup existed before the first change.
 */
function backupFoundStep(s: RebindSession): Promise<void> {
  return s.step('backup', async () => {
    const backup = s.ctx.store.backup(s.op.id);
    if (!backup) throw new RebindStop('verification-failed', detailReason('stop-backup-missing'), true);
    return { value: undefined, detail: { backupId: backup.id, reused: true } };
  });
}

/** Reasons that leave the operation open: the terminal's state is not settled. */
const STAYS_OPEN: ReadonlySet<RebindReason> = new Set(['terminal-unreachable', 'wrong-terminal', 'unknown-set', 'rollback-refused', 'link-failed']);

/**
 * After a failure (`cause`) or at the start of a recovery (`cause` null): reconnect, ask, decide,
 * act, repeat until the terminal is on a verified set or the attempts run out.
 */
export async function recoverUntilSettled(s: RebindSession, firstCause: FailureInfo | null, startMode: RecoveryMode): Promise<RebindOutcome> {
  let cause = firstCause;
  let mode = startMode;
  const { policy, store } = s.ctx;
  const maxRounds = policy.maxAttempts + 4;
  for (let round = 1; ; round++) {
    if (round > maxRounds) return endWithOutcome(s, 'needs-attention', 'link-failed', cause?.detail ?? null, null);
    let identity;
    try {
      identity = await reconnectStep(s);
    } catch (error) {
      if (isDatabaseError(error)) throw error;
      return endWithOutcome(s, 'needs-attention', 'terminal-unreachable', failureDetail(error), null);
    }
    const op = s.op;
    if (op.serialNumber === null || op.digestBefore === null) throw new Error(`Operation #${op.id} was never identified; it cannot be recovered.`);
    const decision: RecoveryDecision = decideRecovery(
      {
        mode,
        serialNumber: op.serialNumber,
        digestBefore: op.digestBefore,
        targetDigest: op.targetDigest,
        backupStored: store.backup(op.id) !== undefined,
        confirmSent: store.stepEverStarted(op.id, 'confirm'),
        retryAllowed: cause === null || (cause.retryable && s.attempt < policy.maxAttempts),
      },
      { serialNumber: identity.serialNumber, activeDigest: identity.activeDigestHex, previousSlot: identity.previousSlot },
    );
    s.ctx.log.emit({ type: 'decision', operationId: op.id, action: decision.action, message: decision.message });
    try {
      switch (decision.action) {
        case 'stop': {
          const reason = decision.stopReason ?? 'unknown-set';
          const reported = reason === 'wrong-terminal' ? null : identity.activeDigestHex;
          return endWithOutcome(s, 'needs-attention', reason, decision.message, reported);
        }
        case 'start-over':
          s.attempt++;
          await forward(s, 'backup');
          return endWithOutcome(s, 'rebound', 'confirmed', null, op.targetDigest);
        case 'resume-forward':
          s.attempt++;
          await abortStageStep(s);
          await forward(s, 'settle');
          return endWithOutcome(s, 'rebound', 'confirmed', null, op.targetDigest);
        case 'verify-new':
          await forward(s, 'read-back');
          return endWithOutcome(s, 'rebound', 'confirmed', null, op.targetDigest);
        case 'finish-rebound':
          await verifyReboundStep(s);
          return endWithOutcome(s, 'rebound', 'confirmed-earlier', null, op.targetDigest);
        case 'rollback':
          await rollbackStep(s);
          return endWithOutcome(s, 'restored', restoreReason(cause, mode), cause?.detail ?? null, await verifyRestoredStep(s));
        case 'finish-restore':
          await abortStageStep(s);
          return endWithOutcome(s, 'restored', restoreReason(cause, mode), cause?.detail ?? null, await verifyRestoredStep(s));
      }
    } catch (error) {
      if (isDatabaseError(error)) throw error;
      const info = classifyFailure(error);
      const restoring = decision.action === 'rollback' || decision.action === 'finish-restore' || decision.action === 'finish-rebound';
      if (decision.action === 'rollback' && error instanceof TerminalRefused && error.rc === ResultCode.LOCKED) {
        return endWithOutcome(s, 'needs-attention', 'rollback-refused', info.detail, identity.activeDigestHex);
      }
      // A hiccup while restoring keeps the reason the restore started for.
      if (!restoring || cause === null) cause = info;
      // After the first failure every mode follows the in-run rules: a failure after COMMIT rolls
      // back, one before it is retried while attempts are left. A requested restore stays a
      // restore, and a cancel becomes one.
      if (error instanceof RebindCancelled) {
        cause = info;
        mode = 'restore';
      } else if (mode !== 'restore') mode = 'in-run';
    }
  }
}

/** The reason of a restore: what failed, or that the restore was asked for. */
function restoreReason(cause: FailureInfo | null, mode: RecoveryMode): RebindReason {
  if (mode === 'restore' && cause === null) return 'restore-requested';
  return cause?.reason ?? 'interrupted';
}

/** Journals and returns the outcome; closes the operation unless its state is not settled. */
export async function endWithOutcome(s: RebindSession, kind: RebindOutcomeKind, reason: RebindReason, detail: string | Reason | null, finalDigest: string | null): Promise<RebindOutcome> {
  const open = kind === 'needs-attention' && STAYS_OPEN.has(reason) && s.op.serialNumber !== null;
  const outcome = buildOutcome(s, kind, reason, detail, finalDigest, open);
  s.ctx.store.recordOutcome(s.op.id, outcome, !open, s.ctx.actor);
  return closeAndAnnounce(s, outcome);
}

/** Builds an outcome from the journal and the session. */
export function buildOutcome(s: RebindSession, kind: RebindOutcomeKind, reason: RebindReason, detail: string | Reason | null, finalDigest: string | null, open: boolean): RebindOutcome {
  const op = s.refresh();
  const backupId = s.ctx.store.backup(op.id)?.id ?? null;
  const serialNumber = op.serialNumber ?? s.identity?.serialNumber ?? null;
  const text = outcomeText(kind, reason, {
    serialNumber,
    digestBefore: op.digestBefore,
    targetDigest: op.targetDigest,
    finalDigest,
    backupId,
    operationId: op.id,
    // A sentence from a part that has no code yet is shown as it came.
    detail: typeof detail === 'string' ? detailText(detail) : detail,
    portPath: s.ctx.access.path,
    open,
  });
  return {
    operationId: op.id,
    outcome: kind,
    reason,
    ...text,
    operationOpen: open,
    serialNumber,
    digestBefore: op.digestBefore ?? s.identity?.activeDigestHex ?? null,
    targetDigest: op.targetDigest,
    finalDigest,
    backupId,
    steps: s.ctx.store.steps(op.id),
    receipt: s.receipt,
  };
}

/** Keeps the session's link log, closes the line and announces the outcome. */
export async function closeAndAnnounce(s: RebindSession, outcome: RebindOutcome): Promise<RebindOutcome> {
  await s.disconnect();
  const { kept } = s.ctx.log.counts();
  s.ctx.store.saveLinkLog(s.op.id, s.session, kept, s.ctx.log.jsonl());
  s.ctx.log.emit({ type: 'outcome', outcome });
  return outcome;
}

function detailText(text: string): Reason {
  return detailReason('detail-text', { text });
}
