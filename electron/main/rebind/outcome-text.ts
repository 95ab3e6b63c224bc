// What an outcome tells the engineer: one sentence of what happened, what is known for sure, and
// what to do next, for each reason (docs/rebind-engine.md §5). English; the renderer translates by
// reason code and may use these as the fallback.
import type { RebindOutcomeKind, RebindReason } from '../../../shared/rebind/rebind-outcome';

/** What the texts are built from. */
export interface OutcomeFacts {
  serialNumber: string | null;
  digestBefore: string | null;
  targetDigest: string;
  finalDigest: string | null;
  backupId: number | null;
  operationId: number;
  /** The failure or refusal behind the outcome, in its own words (it says what to do next). */
  detail: string | null;
  /** The port, for the recovery command. */
  portPath: string;
  /** The operation stays open. */
  open: boolean;
}

/** The three texts of an outcome. */
export interface OutcomeText {
  message: string;
  known: string[];
  nextSteps: string[];
}

const short = (digest: string | null) => (digest === null ? 'unknown' : `${digest.slice(0, 12)}…`);

/** Builds the texts for an outcome. */
export function outcomeText(kind: RebindOutcomeKind, reason: RebindReason, f: OutcomeFacts): OutcomeText {
  const terminal = f.serialNumber === null ? 'The terminal' : `Terminal ${f.serialNumber}`;
  const backup = f.backupId === null ? [] : [`The old set (${short(f.digestBefore)}) and the batch export are kept in backup #${f.backupId}.`];
  const detail = f.detail === null ? [] : [f.detail];
  const recover = `Reconnect the terminal and run recovery (rebind recover --port ${f.portPath}, or Resume / Restore on the On-site page).`;
  if (kind === 'rebound' && reason === 'already-active') {
    return {
      message: `${terminal} already runs the new bank's set (${short(f.targetDigest)}), confirmed: nothing changed.`,
      known: [`HELLO reports the new set ${short(f.finalDigest)} active and no previous set kept.`, 'Nothing was sent that changes the terminal.'],
      nextSteps: ['Nothing to do; run a sign-on and a test transaction with the merchant if in doubt.'],
    };
  }
  if (kind === 'refused') return { message: refusedMessage(reason, terminal, f), known: refusedKnown(reason, f, detail), nextSteps: refusedNext(reason, f) };
  if (kind === 'rebound') {
    return {
      message: `${terminal} is rebound: the new bank's set (${short(f.targetDigest)}) is active, read back and confirmed.`,
      known: [
        `The new set ${short(f.targetDigest)} is active and confirmed; the terminal's digest and RebindDesk's agree.`,
        reason === 'confirmed-earlier'
          ? 'CONFIRM had reached the terminal before the interruption; the set was read back again now.'
          : 'Sign-on and echo test with the new bank passed and a test receipt was printed.',
        ...backup,
      ],
      nextSteps:
        reason === 'confirmed-earlier'
          ? ['Run a sign-on and a test transaction with the merchant (the tests may not have finished before the interruption).', 'Get the merchant’s sign-off and close the case.']
          : ['Check the test receipt with the merchant and get their sign-off.', 'Close the case.'],
    };
  }
  if (kind === 'restored') {
    return {
      message: `${terminal} is back on its old bank (${short(f.finalDigest)}, read back from the terminal): ${restoredWhy(reason)}.`,
      known: [`The old set ${short(f.finalDigest)} is active, read back from the terminal; no new set is pending.`, ...detail, ...backup],
      nextSteps: restoredNext(reason),
    };
  }
  return { message: attentionMessage(reason, terminal, f), known: attentionKnown(reason, f, detail, backup), nextSteps: attentionNext(reason, f, recover) };
}

function refusedMessage(reason: RebindReason, terminal: string, f: OutcomeFacts): string {
  switch (reason) {
    case 'work-order-mismatch':
      return `${terminal} does not match the work order; nothing was changed.`;
    case 'locked':
      return `${terminal} is locked by its current acquirer; nothing was changed.`;
    case 'open-operation':
      return `${terminal} has an interrupted rebind that must be finished first; nothing was changed.`;
    case 'unconfirmed-set':
      return `${terminal} keeps an unconfirmed set from a rebind that did not finish elsewhere; nothing was changed.`;
    case 'cancelled':
      return `The rebind was cancelled before anything was changed on ${terminal === 'The terminal' ? 'the terminal' : terminal}.`;
    default:
      return `${terminal} refused the rebind (operation #${f.operationId}); nothing was changed.`;
  }
}

function refusedKnown(reason: RebindReason, f: OutcomeFacts, detail: string[]): string[] {
  const active = f.finalDigest === null ? [] : [`The terminal reports ${short(f.finalDigest)} as its active set.`];
  const kept = reason === 'unconfirmed-set' ? ['The terminal still keeps the previous set (F009 = 1); it was not touched.'] : [];
  return [...detail, ...active, ...kept, 'Nothing was sent that changes the terminal.'];
}

function refusedNext(reason: RebindReason, f: OutcomeFacts): string[] {
  switch (reason) {
    case 'work-order-mismatch':
      return ['Check that this is the terminal of the case.', 'If the work order is wrong, correct it; to go on anyway, give an override reason (it is audited).'];
    case 'locked':
      return ['Ask the current acquirer to release (unlock) the terminal, then run the rebind again.'];
    case 'open-operation':
      return [`Finish or undo the interrupted rebind first: rebind recover --port ${f.portPath} (or Resume / Restore on the On-site page).`];
    case 'unconfirmed-set':
      return [
        `Finish or undo the first rebind where it was started: rebind recover --port ${f.portPath} --data-dir <the data directory of the first run>, or Resume / Restore on the laptop that started it.`,
        'Do not rebind this terminal from here until it reports no previous set: the kept set may be the only copy of the original bank’s set.',
      ];
    case 'cancelled':
      return ['Run the rebind again when ready.'];
    default:
      return ['Do what the refusal above says, then run the rebind again.'];
  }
}

function restoredWhy(reason: RebindReason): string {
  switch (reason) {
    case 'cancelled':
      return 'the rebind was cancelled, so the terminal was brought back to its old set';
    case 'restore-requested':
      return 'the restore was asked for';
    case 'host-test-failed':
      return 'the sign-on or echo test with the new bank failed, so the new set was rolled back';
    case 'print-failed':
      return 'the test receipt did not print, so the new set was rolled back';
    case 'verification-failed':
      return 'the terminal did not hold the set that was sent';
    case 'settle-failed':
      return 'the open batch could not be settled, so nothing was changed';
    case 'terminal-refused':
      return 'the terminal refused a step';
    case 'link-failed':
      return 'the line kept failing';
    case 'protocol-error':
      return 'the terminal answered outside RTP/1';
    default:
      return 'the rebind was interrupted';
  }
}

function restoredNext(reason: RebindReason): string[] {
  const again = 'Run the rebind again when that is fixed.';
  switch (reason) {
    case 'cancelled':
      return ['Run the rebind again when ready.'];
    case 'restore-requested':
      return ['Run the rebind again when ready.'];
    case 'host-test-failed':
      return ["Check the new bank's host settings (A011, A012, A013, A008, A016) and the terminal's network with the bank.", again];
    case 'print-failed':
      return ['Check the printer (paper, cover) with PRINT_TEST.', again];
    case 'verification-failed':
      return ['Run the rebind again; if it happens again, send the terminal for service.'];
    case 'settle-failed':
      return ["The batch is still open with the old bank: settle it when the old bank's host can be reached (it also sends pending reversals and offline records).", again];
    case 'terminal-refused':
      return ['Do what the terminal’s refusal above says.', again];
    case 'link-failed':
      return ['Check the cable, the port and the baud rate.', again];
    case 'protocol-error':
      return ['Export the link log and send it to support.'];
    default:
      return [again];
  }
}

function attentionMessage(reason: RebindReason, terminal: string, f: OutcomeFacts): string {
  switch (reason) {
    case 'terminal-unreachable':
      return f.open ? `${terminal} stopped answering; which set is active is not known.` : `${terminal} did not answer before anything was changed.`;
    case 'wrong-terminal':
      return `Another terminal is connected than the one of operation #${f.operationId}.`;
    case 'unknown-set':
      return `${terminal} holds a set that is neither the old one nor the new one (${short(f.finalDigest)}).`;
    case 'confirmed-elsewhere':
      return `${terminal} runs the new set, confirmed, but RebindDesk did not confirm it.`;
    case 'rollback-refused':
      return `${terminal} refused to roll back; the new set is active but not confirmed.`;
    case 'interrupted-before-identify':
      return 'The app stopped before the terminal was identified; nothing was changed.';
    case 'abandoned':
      return `Operation #${f.operationId} was closed by hand.`;
    case 'taken-over':
      return `Operation #${f.operationId} was taken over or closed by another process; this one stopped driving ${terminal === 'The terminal' ? 'the terminal' : terminal}.`;
    case 'link-failed':
      return `${terminal} could not be brought to a verified state: the line kept failing.`;
    case 'protocol-error':
      return `${terminal} answered outside RTP/1 before anything was changed.`;
    default:
      return `${terminal} needs attention.`;
  }
}

function attentionKnown(reason: RebindReason, f: OutcomeFacts, detail: string[], backup: string[]): string[] {
  const active = f.finalDigest === null ? [] : [`The terminal reports ${short(f.finalDigest)} as its active set.`];
  switch (reason) {
    case 'interrupted-before-identify':
    case 'protocol-error':
      return [...detail, ...active, 'Nothing was sent that changes the terminal.'];
    default:
      return [...detail, ...active, ...backup, ...(f.open ? [`Operation #${f.operationId} stays open until it is recovered.`] : [])];
  }
}

function attentionNext(reason: RebindReason, f: OutcomeFacts, recover: string): string[] {
  switch (reason) {
    case 'terminal-unreachable':
      return f.open ? [recover] : ['Check the cable, the port and that the terminal is on and in PC-download mode, then run the rebind again.'];
    case 'wrong-terminal':
      return [`Connect terminal ${f.serialNumber ?? 'of the operation'}, then run recovery again.`];
    case 'unknown-set':
      return [
        `Compare the terminal's parameters (rebind params) with backup #${f.backupId ?? '—'} and the new bank's set.`,
        'Once the terminal holds the old or the new set, run recovery again; if it was dealt with another way, close the operation with a reason (abandon).',
      ];
    case 'confirmed-elsewhere':
      return ['Run a sign-on and a test transaction; if the new bank is not wanted, rebind to the old set from the backup.'];
    case 'rollback-refused':
      return ['Do what the refusal above says (for a lock: ask the acquirer to unlock the terminal).', recover];
    case 'interrupted-before-identify':
      return ['Run the rebind again.'];
    case 'protocol-error':
      return ['Check that the terminal runs RTP/1 firmware; export the link log and send it to support.'];
    case 'abandoned':
      return ['Nothing: the operation is closed; its backup is kept.'];
    case 'taken-over':
      return ['Do not run this terminal from two places: let the process that took the operation over finish it.', `If nobody is working on it, run recovery: rebind recover --port ${f.portPath} (or Resume / Restore on the On-site page).`];
    default:
      return [recover];
  }
}
