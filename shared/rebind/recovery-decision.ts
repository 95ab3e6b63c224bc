// The recovery decision table (docs/rebind-engine.md §4): after a failure, a restart or a
// reconnect, the terminal is asked (HELLO) which set is active, and that answer, not the journal,
// decides what happens next. The journal only says which operation this is, what the old and new
// digests are, whether the backup was taken and whether CONFIRM may have been sent.
import type { RecoveryAction } from './rebind-events';
import type { RebindReason } from './rebind-outcome';

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

/** What to do, and why in a sentence. `stopReason` is set for `stop`. */
export interface RecoveryDecision {
  action: RecoveryAction;
  message: string;
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
      message: `The connected terminal is ${terminal.serialNumber}, but the operation is for ${input.serialNumber}: connect that terminal.`,
    };
  }
  if (active === target) {
    if (terminal.previousSlot) {
      return input.mode === 'resume'
        ? { action: 'verify-new', message: 'The new set is active and not yet confirmed: read it back, run the host tests, then confirm.' }
        : { action: 'rollback', message: 'The new set is active and not yet confirmed: roll back to the old set.' };
    }
    if (input.confirmSent) return { action: 'finish-rebound', message: 'The new set is active and confirmed (CONFIRM reached the terminal): read it back.' };
    return {
      action: 'stop',
      stopReason: 'confirmed-elsewhere',
      message: 'The new set is active and confirmed, but RebindDesk never sent CONFIRM: something else changed the terminal.',
    };
  }
  if (active === old) {
    if (input.mode === 'restore' || (input.mode === 'in-run' && !input.retryAllowed)) {
      return { action: 'finish-restore', message: 'The old set is active: drop any unfinished stage and read the old set back.' };
    }
    return input.backupStored
      ? { action: 'resume-forward', message: 'The old set is active (the new one never took effect): check the batch, stage and commit again.' }
      : { action: 'start-over', message: 'The old set is active and no backup was taken yet: start again from the backup.' };
  }
  return {
    action: 'stop',
    stopReason: 'unknown-set',
    message: `The active set (${active.slice(0, 12)}…) is neither the old one (${old.slice(0, 12)}…) nor the new one (${target.slice(0, 12)}…).`,
  };
}
