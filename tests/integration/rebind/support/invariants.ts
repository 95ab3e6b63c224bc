// What must hold after every rebind, whatever went wrong: the terminal ends on the old or the new
// set, the outcome says which (and the journal agrees), nothing is left running or half-bound
// without an open operation, the backup matches the terminal as it was, and the audit chain holds.
import type Database from 'better-sqlite3';
import type { RebindOutcome } from '../../../../shared/rebind/rebind-outcome';
import { rebindAuditActions } from '../../../../shared/rebind/rebind-audit';
import { verifyAuditChain } from '../../../../electron/main/audit/audit-verify';
import type { RebindStore } from '../../../../electron/main/rebind/rebind-store';
import type { SimulatorSnapshot } from '../../../../electron/main/terminal/simulator';
import type { JournalRecord } from '../../../../electron/main/terminal/driver/journal';

/** Everything the checks look at. */
export interface RunFacts {
  outcome: RebindOutcome;
  snapshot: SimulatorSnapshot;
  store: RebindStore;
  db: Database.Database;
  oldDigest: string;
  newDigest: string;
  /** The simulator's journal before the run (what the backup must hold). */
  initialJournal: readonly JournalRecord[];
  /** The simulator's executed commands, "COMMIT:00". */
  commands: readonly string[];
}

/** Every broken invariant, as sentences; empty when all hold. */
export function invariantProblems(f: RunFacts): string[] {
  const problems: string[] = [];
  const { outcome, snapshot, store } = f;
  const active = snapshot.activeDigestHex;
  const op = store.get(outcome.operationId);
  const steps = store.steps(outcome.operationId);
  const backup = store.backup(outcome.operationId);
  if (op === undefined) return [`operation #${outcome.operationId} is not in the journal`];
  if (active !== f.oldDigest && active !== f.newDigest) problems.push(`the terminal's active set ${active} is neither old nor new`);
  if (steps.some((s) => s.status === 'running')) problems.push(`steps still running: ${steps.filter((s) => s.status === 'running').map((s) => s.step).join(', ')}`);
  if (op.outcome !== outcome.outcome) problems.push(`journal outcome ${op.outcome} differs from the returned ${outcome.outcome}`);
  if ((op.status === 'open') !== outcome.operationOpen) problems.push(`operation status ${op.status} but operationOpen ${outcome.operationOpen}`);
  const last = steps[steps.length - 1];
  switch (outcome.outcome) {
    case 'rebound':
      if (active !== f.newDigest) problems.push('rebound, but the terminal is not on the new set');
      if (snapshot.previousSlotPresent) problems.push('rebound, but a previous set is still kept (not confirmed)');
      if (outcome.finalDigest !== f.newDigest) problems.push('rebound with a final digest that is not the new one');
      if (op.status !== 'closed') problems.push('rebound but the operation is open');
      if (outcome.reason === 'already-active') {
        if (!(steps.length === 1 && last?.step === 'identify' && last.status === 'ok')) problems.push('rebound as already active, but steps beyond identify ran');
        if (f.commands.some((c) => !c.startsWith('HELLO:'))) problems.push('rebound as already active, but more than HELLO was sent');
      } else if (!(last?.status === 'ok' && (last.step === 'confirm' || last.step === 'verify-rebound'))) problems.push(`rebound, but the last step is ${last?.step}:${last?.status}`);
      break;
    case 'refused':
      if (op.status !== 'closed') problems.push('refused but the operation is open');
      if (backup !== undefined) problems.push('refused, but a backup was taken (something ran past identify)');
      if (outcome.nextSteps.length === 0) problems.push('refused without next steps');
      if (steps.some((s) => s.step !== 'identify' && s.step !== 'reconnect')) problems.push(`refused after steps beyond identify: ${steps.map((s) => s.step).join(', ')}`);
      break;
    case 'restored':
      if (active !== f.oldDigest) problems.push('restored, but the terminal is not on the old set');
      if (snapshot.previousSlotPresent) problems.push('restored, but a previous set is still kept');
      if (outcome.finalDigest !== f.oldDigest) problems.push('restored with a final digest that is not the old one');
      if (op.status !== 'closed') problems.push('restored but the operation is open');
      if (!(last?.step === 'verify-restored' && last.status === 'ok')) problems.push(`restored, but the last step is ${last?.step}:${last?.status}`);
      break;
    case 'needs-attention':
      if (!outcome.operationOpen && snapshot.previousSlotPresent) problems.push('needs-attention closed the operation while the terminal is half-bound (previous set kept)');
      if (outcome.nextSteps.length === 0) problems.push('needs-attention without next steps');
      break;
  }
  if (outcome.finalDigest !== null && outcome.reason !== 'wrong-terminal' && outcome.finalDigest !== active) {
    problems.push(`final digest ${outcome.finalDigest} is not the terminal's ${active}`);
  }
  // A run that found the new set already active started there; it changed nothing (checked above).
  const startedOnNew = outcome.outcome === 'rebound' && outcome.reason === 'already-active';
  const changed = (active !== f.oldDigest && !startedOnNew) || f.commands.some((c) => c === 'SETTLE:00' || c === 'COMMIT:00');
  if (changed && backup === undefined) problems.push('the terminal was changed but no backup was stored');
  if (backup !== undefined) {
    if (backup.digest !== f.oldDigest) problems.push(`backup digest ${backup.digest} is not the old set's`);
    if (JSON.stringify(backup.journal) !== JSON.stringify(f.initialJournal)) problems.push('the backup journal does not match the terminal records before the run');
    const first = stepIndex(steps, 'backup', 'ok');
    const firstChange = steps.findIndex((s) => s.step === 'settle' || s.step === 'stage');
    if (firstChange >= 0 && (first < 0 || first > firstChange)) problems.push('a change started before the backup was stored');
  }
  // The settle gate: the engine never sent COMMIT while the batch was open.
  if (f.commands.includes('COMMIT:05')) problems.push('COMMIT was sent with an open batch (RC 05)');
  const firstCommit = f.commands.indexOf('COMMIT:00');
  if (firstCommit >= 0 && f.initialJournal.length > 0 && !f.commands.slice(0, firstCommit).includes('SETTLE:00')) problems.push('COMMIT before SETTLE');
  const audit = verifyAuditChain(f.db);
  if (!audit.ok) problems.push(`audit chain broken: ${audit.firstProblem?.message}`);
  const audited = f.db
    .prepare("SELECT count(*) AS n FROM audit_log WHERE entity_type = 'rebind-operation' AND entity_id = ? AND action = ?")
    .get(String(outcome.operationId), rebindAuditActions.stepStarted) as { n: number };
  if (audited.n !== steps.length) problems.push(`${steps.length} steps journaled but ${audited.n} audited`);
  return problems;
}

function stepIndex(steps: readonly { step: string; status: string }[], step: string, status: string): number {
  return steps.findIndex((s) => s.step === step && s.status === status);
}
