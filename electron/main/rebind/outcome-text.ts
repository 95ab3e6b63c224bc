// What an outcome tells the engineer: what happened, what is known for sure, and what to do next,
// for each reason (docs/rebind-engine.md §5), as reason codes with their parameters. The On-site
// banner says them in the engineer's language, the CLI in English (shared/rebind/outcome-reasons-en.ts).
import { reason, type Reason } from '../../../shared/errors/reason';
import type { RebindOutcomeKind, RebindReason } from '../../../shared/rebind/rebind-outcome';

export interface OutcomeFacts {
  serialNumber: string | null;
  digestBefore: string | null;
  targetDigest: string;
  finalDigest: string | null;
  backupId: number | null;
  operationId: number;
  /** The failure or refusal behind the outcome, as a reason (it says what to do next). */
  detail: Reason | null;
  /** The port, for the recovery command. */
  portPath: string;
  open: boolean;
}

/** The three texts of an outcome. */
export interface OutcomeText {
  message: Reason;
  known: Reason[];
  nextSteps: Reason[];
}

const short = (digest: string | null): string | Reason => (digest === null ? reason('digest-unknown') : `${digest.slice(0, 12)}…`);

export function outcomeText(kind: RebindOutcomeKind, why: RebindReason, f: OutcomeFacts): OutcomeText {
  const terminal = f.serialNumber === null ? reason('terminal-unnamed') : reason('terminal-named', { serial: f.serialNumber });
  const terminalObject = f.serialNumber === null ? reason('terminal-unnamed-object') : reason('terminal-named-object', { serial: f.serialNumber });
  const backup = f.backupId === null ? [] : [reason('known-backup-kept', { before: short(f.digestBefore), backupId: f.backupId })];
  const detail = f.detail === null ? [] : [f.detail];
  const recover = reason('next-recover', { port: f.portPath });
  const facts = { terminal, terminalObject, operationId: f.operationId, final: short(f.finalDigest), target: short(f.targetDigest), port: f.portPath };
  if (kind === 'rebound' && why === 'already-active') {
    return {
      message: reason('outcome-already-active', { terminal, target: facts.target }),
      known: [reason('known-already-active', { final: facts.final }), reason('known-nothing-sent')],
      nextSteps: [reason('next-nothing-to-do')],
    };
  }
  if (kind === 'refused') return { message: refusedMessage(why, facts), known: refusedKnown(why, f, detail), nextSteps: refusedNext(why, facts) };
  if (kind === 'rebound') {
    const earlier = why === 'confirmed-earlier';
    return {
      message: reason('outcome-rebound', { terminal, target: facts.target }),
      known: [reason('known-rebound-confirmed', { target: facts.target }), reason(earlier ? 'known-confirmed-earlier' : 'known-tests-passed'), ...backup],
      nextSteps: earlier ? [reason('next-test-after-interruption'), reason('next-sign-off-and-close')] : [reason('next-check-receipt'), reason('next-close-case')],
    };
  }
  if (kind === 'restored') {
    return {
      message: reason('outcome-restored', { terminal, final: facts.final, why: reason(restoredWhy(why)) }),
      known: [reason('known-old-set-active', { final: facts.final }), ...detail, ...backup],
      nextSteps: restoredNext(why),
    };
  }
  return { message: attentionMessage(why, f, facts), known: attentionKnown(why, f, detail, backup), nextSteps: attentionNext(why, f, facts, recover) };
}

type Facts = { terminal: Reason; terminalObject: Reason; operationId: number; final: string | Reason; target: string | Reason; port: string };

function refusedMessage(why: RebindReason, f: Facts): Reason {
  switch (why) {
    case 'work-order-mismatch':
      return reason('outcome-refused-work-order', { terminal: f.terminal });
    case 'locked':
      return reason('outcome-refused-locked', { terminal: f.terminal });
    case 'open-operation':
      return reason('outcome-refused-open-operation', { terminal: f.terminal });
    case 'unconfirmed-set':
      return reason('outcome-refused-unconfirmed-set', { terminal: f.terminal });
    case 'cancelled':
      return reason('outcome-refused-cancelled', { terminalObject: f.terminalObject });
    default:
      return reason('outcome-refused', { terminal: f.terminal, operationId: f.operationId });
  }
}

function refusedKnown(why: RebindReason, f: OutcomeFacts, detail: Reason[]): Reason[] {
  const active = f.finalDigest === null ? [] : [reason('known-terminal-reports-active', { final: short(f.finalDigest) })];
  const kept = why === 'unconfirmed-set' ? [reason('known-previous-set-untouched')] : [];
  return [...detail, ...active, ...kept, reason('known-nothing-sent')];
}

function refusedNext(why: RebindReason, f: Facts): Reason[] {
  switch (why) {
    case 'work-order-mismatch':
      return [reason('next-check-work-order'), reason('next-override-work-order')];
    case 'locked':
      return [reason('next-ask-unlock')];
    case 'open-operation':
      return [reason('next-finish-interrupted-first', { port: f.port })];
    case 'unconfirmed-set':
      return [reason('next-recover-where-started', { port: f.port }), reason('next-keep-previous-set')];
    case 'cancelled':
      return [reason('next-run-again-when-ready')];
    default:
      return [reason('next-do-what-refusal-says-then-again')];
  }
}

function restoredWhy(why: RebindReason) {
  switch (why) {
    case 'cancelled':
    case 'restore-requested':
    case 'host-test-failed':
    case 'print-failed':
    case 'verification-failed':
    case 'settle-failed':
    case 'terminal-refused':
    case 'link-failed':
    case 'protocol-error':
      return `why-${why}` as const;
    default:
      return 'why-interrupted' as const;
  }
}

function restoredNext(why: RebindReason): Reason[] {
  const again = reason('next-run-again-when-fixed');
  switch (why) {
    case 'cancelled':
    case 'restore-requested':
      return [reason('next-run-again-when-ready')];
    case 'host-test-failed':
      return [reason('next-check-host-settings'), again];
    case 'print-failed':
      return [reason('next-check-printer'), again];
    case 'verification-failed':
      return [reason('next-run-again-or-service')];
    case 'settle-failed':
      return [reason('next-settle-old-bank'), again];
    case 'terminal-refused':
      return [reason('next-do-what-refusal-says'), again];
    case 'link-failed':
      return [reason('next-check-cable'), again];
    case 'protocol-error':
      return [reason('next-send-log-to-support')];
    default:
      return [again];
  }
}

function attentionMessage(why: RebindReason, f: OutcomeFacts, facts: Facts): Reason {
  const { terminal } = facts;
  switch (why) {
    case 'terminal-unreachable':
      return reason(f.open ? 'outcome-unreachable-open' : 'outcome-unreachable', { terminal });
    case 'wrong-terminal':
      return reason('outcome-wrong-terminal', { operationId: f.operationId });
    case 'unknown-set':
      return reason('outcome-unknown-set', { terminal, final: facts.final });
    case 'confirmed-elsewhere':
      return reason('outcome-confirmed-elsewhere', { terminal });
    case 'rollback-refused':
      return reason('outcome-rollback-refused', { terminal });
    case 'interrupted-before-identify':
      return reason('outcome-interrupted-before-identify');
    case 'abandoned':
      return reason('outcome-abandoned', { operationId: f.operationId });
    case 'taken-over':
      return reason('outcome-taken-over', { operationId: f.operationId, terminalObject: facts.terminalObject });
    case 'link-failed':
      return reason('outcome-link-failed', { terminal });
    case 'protocol-error':
      return reason('outcome-protocol-error', { terminal });
    default:
      return reason('outcome-needs-attention', { terminal });
  }
}

function attentionKnown(why: RebindReason, f: OutcomeFacts, detail: Reason[], backup: Reason[]): Reason[] {
  const active = f.finalDigest === null ? [] : [reason('known-terminal-reports-active', { final: short(f.finalDigest) })];
  switch (why) {
    case 'interrupted-before-identify':
    case 'protocol-error':
      return [...detail, ...active, reason('known-nothing-sent')];
    default:
      return [...detail, ...active, ...backup, ...(f.open ? [reason('known-operation-stays-open', { operationId: f.operationId })] : [])];
  }
}

function attentionNext(why: RebindReason, f: OutcomeFacts, facts: Facts, recover: Reason): Reason[] {
  switch (why) {
    case 'terminal-unreachable':
      return f.open ? [recover] : [reason('next-check-cable-power')];
    case 'wrong-terminal':
      return [reason('next-connect-right-terminal', { terminalObject: f.serialNumber === null ? reason('terminal-of-operation-object') : facts.terminalObject })];
    case 'unknown-set':
      return [reason('next-compare-with-backup', { backupId: f.backupId ?? '—' }), reason('next-recover-or-abandon')];
    case 'confirmed-elsewhere':
      return [reason('next-test-or-rebind-back')];
    case 'rollback-refused':
      return [reason('next-resolve-rollback-refusal'), recover];
    case 'interrupted-before-identify':
      return [reason('next-run-again')];
    case 'protocol-error':
      return [reason('next-check-firmware')];
    case 'abandoned':
      return [reason('next-nothing-closed')];
    case 'taken-over':
      return [reason('next-let-other-finish'), reason('next-recover-if-nobody', { port: f.portPath })];
    default:
      return [recover];
  }
}
