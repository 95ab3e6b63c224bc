// Choosing the target bank: every bank beside the terminal's current one, side by side, with what
// the desk weighs: can this model (at this firmware) be rebound to it, its fees, whether it serves
// the merchant's area, the materials it asks beyond the standard five, and from our own cases how
// long a rebind to it took (median days from opening to rebound) and how often the first visit did
// it (first-time fix as shared/reports/first-time-fix.ts defines it, the Reports page's figure too).
import { compareVersions, versionInFirmware } from '../../../../shared/desk/booking';
import { standardMaterialKinds, type Bank } from '../../../../shared/desk/model';
import type { ReferenceRepository } from '../reference/reference-repository';
import { countsForFirstTimeFix, firstTimeFixRate, isFirstTimeFix } from '../../../../shared/reports/first-time-fix';
import type { CaseRepository, CaseVisitOutcome, TerminalView } from './case-repository';

/** How the terminal's model and firmware fit a bank. */
export type CandidateFit = 'supported' | 'unsupported' | 'not-listed' | 'firmware-too-old' | 'firmware-unknown';

/** Our own figures for one bank; null medians and rates when no case of ours reached rebound ("no data"). */
export interface BankOutcomeFigures {
  reboundCases: number;
  medianDaysToRebound: number | null;
  firstTimeFixRate: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Per bank: rebound cases, their median days from opening (one decimal), and the first-time-fix rate over the cases with a visit outcome. */
export function outcomeFigures(outcomes: readonly CaseVisitOutcome[]): Map<string, BankOutcomeFigures> {
  const byBank = new Map<string, CaseVisitOutcome[]>();
  for (const outcome of outcomes) byBank.set(outcome.bank, [...(byBank.get(outcome.bank) ?? []), outcome]);
  const figures = new Map<string, BankOutcomeFigures>();
  for (const [bank, list] of byBank) {
    const rebound = list.filter((o): o is CaseVisitOutcome & { reboundAt: string } => o.reboundAt !== null);
    const days = median(rebound.map((o) => (Date.parse(o.reboundAt) - Date.parse(o.openedAt)) / DAY_MS));
    const facts = list.map((o) => ({ reachedRebound: o.reboundAt !== null, failures: o.failures }));
    figures.set(bank, {
      reboundCases: rebound.length,
      medianDaysToRebound: days === null ? null : Math.round(days * 10) / 10,
      firstTimeFixRate: firstTimeFixRate({ counted: facts.filter(countsForFirstTimeFix).length, fixed: facts.filter(isFirstTimeFix).length }),
    });
  }
  return figures;
}

function fitOf(reference: ReferenceRepository, terminal: TerminalView, bank: Bank): { fit: CandidateFit; minFirmware?: string } {
  const row = reference.compatibilityOf(terminal.modelId, bank.code);
  if (!row) return { fit: 'not-listed' };
  if (row.support !== 'from-firmware') return { fit: row.support };
  const version = terminal.firmware === null ? null : versionInFirmware(terminal.firmware);
  if (version === null) return { fit: 'firmware-unknown', minFirmware: row.minFirmware };
  return { fit: compareVersions(version, row.minFirmware) < 0 ? 'firmware-too-old' : 'supported', minFirmware: row.minFirmware };
}

/** The candidate banks for a terminal whose merchant is in `area`. */
export function caseCandidates(repo: CaseRepository, reference: ReferenceRepository, terminal: TerminalView, area: string) {
  const figures = outcomeFigures(repo.visitOutcomes());
  const none: BankOutcomeFigures = { reboundCases: 0, medianDaysToRebound: null, firstTimeFixRate: null };
  return reference
    .banks()
    .filter((bank) => bank.code !== terminal.currentBank)
    .map((bank) => ({
      code: bank.code,
      name: bank.name,
      ...fitOf(reference, terminal, bank),
      firmware: terminal.firmware,
      feeRates: bank.feeRates,
      servesArea: bank.areas.includes(area),
      addedMaterials: bank.requiredMaterials.filter((m) => !(standardMaterialKinds as readonly string[]).includes(m.kind)),
      outcomes: figures.get(bank.code) ?? none,
    }));
}
