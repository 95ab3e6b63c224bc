// Why Start is not offered yet, in the order the engineer meets the conditions, so the form can
// say what to do instead of showing a disabled button with no reason.

/** What the form and the terminal look like now. */
export interface StartConditions {
  terminal: 'connected' | 'rebinding' | 'not-connected';
  running: boolean;
  templateChosen: boolean;
  /** Every required merchant field is filled and passes the terminal's rules. */
  merchantComplete: boolean;
  /** The same terminal, template and values already ended rebound. */
  alreadyRebound: boolean;
  /** The mismatch override is on but its reason is too short. */
  overrideReasonMissing: boolean;
}

/** Why Start waits: each a message key under `onsite.startWaits`. */
export type StartWait = 'terminal' | 'rebinding' | 'running' | 'template' | 'merchant' | 'already-rebound' | 'override-reason';

/** The first reason Start is not offered, or null when it is. */
export function whyStartWaits(c: StartConditions): StartWait | null {
  if (c.running) return 'running';
  if (c.terminal === 'rebinding') return 'rebinding';
  if (c.terminal === 'not-connected') return 'terminal';
  if (!c.templateChosen) return 'template';
  if (!c.merchantComplete) return 'merchant';
  if (c.overrideReasonMissing) return 'override-reason';
  if (c.alreadyRebound) return 'already-rebound';
  return null;
}
