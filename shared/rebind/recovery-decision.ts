// The recovery decision table (docs/rebind-engine.md §4): after a failure, a restart or a
// reconnect, the terminal is asked (HELLO) which set is active, and that answer, not the journal,
// decides what happens next. The journal only says which operation this is, what the old and new
// digests are, whether the backup was taken and whether CONFIRM may have been sent.
import type { RecoveryAction } from './rebind-events';
import type { RebindReason } from './rebind-outcome';
import { reason, type Reason } from '../errors/reason';

/** What the caller wants: finish the rebind, undo it, or (inside a run) retry once more if allowed. */
export type RecoveryMode = 'resume' | 'restore' | 'in-run';

/** What the terminal answered to HELLO, as far as the decision goes. */
export interface TerminalSlotView {
  serialNumber: string;
  /** F008, lower-case hex. */
  activeDigest: string;
  /** F009: a previous set is kept (a COMMIT not yet confirmed or rolled back). */
  previousSlot: boolean;
}

/** The journal's side of the decision. */
export interface RecoveryInput {
  mode: RecoveryMode;
  /** The serial number the operation was identified with. */
  serialNumber: string;
  /** The active digest at identify: the old set. */
  digestBefore: string;
  /** The new bank's set. */
  targetDigest: string;
  /** The backup row exists. */
  backupStored: boolean;
  /** A `confirm` step was started (CONFIRM may have reached the terminal). */
  confirmSent: boolean;
  /** In a run: the failure may be retried and attempts are left. */
  retryAllowed: boolean;
}

/** What to do, and why in a sentence (a reason code, said in the user's language). `stopReason` is set for `stop`. */
export interface RecoveryDecision {
  action: RecoveryAction;
  message: Reason;
  stopReason?: RebindReason;
}

/** The decision table. Pure: the same inputs always give the same decision. */
export function decideRecovery(input: RecoveryInput, terminal: TerminalSlotView): RecoveryDecision {
  const old = input.digestBefore;
  const target = input.targetDigest;
  const active = terminal.activeDigest.toLowerCase();
  if (terminal.serialNumber !== input.serialNumber) {
    return {
      action: 'stop',
      stopReason: 'wrong-terminal',
      message: reason('decision-wrong-terminal', { connected: terminal.serialNumber, expected: input.serialNumber }),
    };
  }
  if (active === target) {
    if (terminal.previousSlot) {
      return input.mode === 'resume'
        ? { action: 'verify-new', message: reason('decision-verify-new') }
        : { action: 'rollback', message: reason('decision-rollback') };
    }
    if (input.confirmSent) return { action: 'finish-rebound', message: reason('decision-finish-rebound') };
    return {
      action: 'stop',
      stopReason: 'confirmed-elsewhere',
      message: reason('decision-confirmed-elsewhere'),
    };
  }
  if (active === old) {
    if (input.mode === 'restore' || (input.mode === 'in-run' && !input.retryAllowed)) {
      return { action: 'finish-restore', message: reason('decision-finish-restore') };
    }
    return input.backupStored
      ? { action: 'resume-forward', message: reason('decision-resume-forward') }
      : { action: 'start-over', message: reason('decision-start-over') };
  }
  return {
    action: 'stop',
    stopReason: 'unknown-set',
    message: reason('decision-unknown-set', { active: active.slice(0, 12), old: old.slice(0, 12), target: target.slice(0, 12) }),
  };
}
