// The automatic steps' answers, from one rebind operation's journal: which step of the engine
// proves which check, and what its detail says (electron/main/rebind/forward-steps.ts writes
// them). Pure: the journal is read by journal-reader.ts, never the terminal line.
import type { AutomaticAnswerValue, AutomaticCheck, JournalFacts } from '../../../shared/checklist';
import type { RebindStep } from '../../../shared/rebind/rebind-steps';

/** One journaled step as the checklist needs it. */
export interface JournaledStep {
  step: string;
  status: 'running' | 'ok' | 'failed' | 'skipped' | 'interrupted';
  detail: Record<string, unknown> | null;
}

/** The operation the facts come from. */
export interface JournaledOperation {
  id: number;
  targetDigest: string;
  steps: readonly JournaledStep[];
}

// Which journal steps answer a check; the last one journaled counts (a retried step's last attempt).
const sources: Record<AutomaticCheck, readonly RebindStep[]> = {
  'identity-matched': ['identify'],
  'backup-saved': ['backup'],
  'batch-settled': ['settle'],
  'parameters-verified': ['read-back', 'verify-rebound'],
  'sign-on': ['sign-on'],
  'echo-test': ['echo-test'],
  'receipt-printed': ['print-test'],
};

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const whole = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const digestOf = (value: unknown): string | null => (typeof value === 'string' && /^[0-9a-f]{64}$/.test(value) ? value : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function factsOf(check: AutomaticCheck, step: JournaledStep | undefined, targetDigest: string): { facts: JournalFacts; passed: boolean } {
  const d = step?.detail ?? {};
  const ok = step?.status === 'ok';
  switch (check) {
    case 'identity-matched': {
      const mismatches = strings(d['mismatches']);
      return { facts: { check, serialNumber: text(d['serialNumber']), model: text(d['model']), tid: text(d['tid']), mismatches, overridden: d['overridden'] === true }, passed: ok && mismatches.length === 0 };
    }
    case 'backup-saved': {
      const backupId = whole(d['backupId']);
      return { facts: { check, backupId: backupId !== null && backupId > 0 ? backupId : null, digest: digestOf(d['digest']) }, passed: ok && backupId !== null };
    }
    case 'batch-settled': {
      // Skipped: the batch was empty, there was nothing to settle, which is settled with 0 and 0.
      if (step?.status === 'skipped') return { facts: { check, count: whole(d['batchCount']) ?? 0, totalFen: 0, balanced: null, skipped: true }, passed: true };
      const balanced = typeof d['balanced'] === 'boolean' ? d['balanced'] : null;
      return { facts: { check, count: whole(d['settledCount']), totalFen: whole(d['settledTotalFen']), balanced, skipped: false }, passed: ok && balanced !== false };
    }
    case 'parameters-verified': {
      const readBack = digestOf(d['digest']);
      const matched = readBack !== null && readBack === targetDigest;
      return { facts: { check, targetDigest: digestOf(targetDigest), readBackDigest: readBack, matched }, passed: ok && matched };
    }
    case 'sign-on':
    case 'echo-test':
      return { facts: { check, responseCode: text(d['responseCode']), roundTripMs: num(d['roundTripMs']) }, passed: ok };
    case 'receipt-printed': {
      const lines = strings(d['lines']);
      return { facts: { check, lines }, passed: ok && lines.length > 0 };
    }
  }
}

/** What the journal of `operation` says for `check`. */
export function automaticAnswer(check: AutomaticCheck, operation: JournaledOperation): AutomaticAnswerValue {
  const names: readonly string[] = sources[check];
  const step = [...operation.steps].reverse().find((s) => names.includes(s.step));
  const { facts, passed } = factsOf(check, step, operation.targetDigest);
  return { kind: 'auto', check, passed, operationId: operation.id, stepStatus: step?.status ?? 'missing', facts };
}
