// What an automatic step's journal facts say, as label/value lines for the run's read-only rows.
// Digests and identifiers stay whole (`mono`): they are compared against the report character by character.
import type { JournalFacts } from '../../../../shared/checklist';
import { formatFen } from '../../format/money';

export interface FactLine {
  /** A key under checklist.facts. */
  label: string;
  value: string;
  mono?: boolean;
}

const shown = (value: string | number | null) => (value === null || value === '' ? '—' : String(value));

export function factLines(facts: JournalFacts, language: string, yes: string, no: string): FactLine[] {
  const yesNo = (value: boolean | null) => (value === null ? '—' : value ? yes : no);
  switch (facts.check) {
    case 'identity-matched':
      return [
        { label: 'serial', value: shown(facts.serialNumber), mono: true },
        { label: 'model', value: shown(facts.model) },
        { label: 'tid', value: shown(facts.tid), mono: true },
        { label: 'mismatches', value: facts.mismatches.length === 0 ? '—' : facts.mismatches.join(', ') },
        { label: 'overridden', value: yesNo(facts.overridden) },
      ];
    case 'backup-saved':
      return [
        { label: 'backupId', value: shown(facts.backupId), mono: true },
        { label: 'digest', value: shown(facts.digest), mono: true },
      ];
    case 'batch-settled':
      return [
        { label: 'batchCount', value: facts.skipped ? '0' : shown(facts.count) },
        { label: 'batchTotal', value: facts.totalFen === null ? '—' : formatFen(facts.totalFen, language) },
        { label: 'balanced', value: facts.skipped ? '—' : yesNo(facts.balanced) },
      ];
    case 'parameters-verified':
      return [
        { label: 'targetDigest', value: shown(facts.targetDigest), mono: true },
        { label: 'readBackDigest', value: shown(facts.readBackDigest), mono: true },
        { label: 'matched', value: yesNo(facts.matched) },
      ];
    case 'sign-on':
    case 'echo-test':
      return [
        { label: 'responseCode', value: shown(facts.responseCode), mono: true },
        { label: 'roundTrip', value: facts.roundTripMs === null ? '—' : `${Math.round(facts.roundTripMs)} ms` },
      ];
    case 'receipt-printed':
      return [{ label: 'receiptLines', value: String(facts.lines.length) }];
  }
}
