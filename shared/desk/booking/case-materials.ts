// Which materials a case needs for its target bank, and what is wrong with them on a given day.
// Every case collects the standard five; the bank's list adds kinds and sets how long each stays
// valid (a standard kind the bank lists takes the bank's validity).
import { reason, type Reason } from '../../errors/reason';
import type { Bank, RequiredMaterial } from '../model/bank';
import type { RebindCase } from '../model/case';
import { standardMaterialKinds, type StandardMaterialKind } from '../model/materials';
import { plusDays } from '../time/zoned';

/** The materials a case for `bank` needs: the standard five first, then the bank's additions, each once. */
export function requiredMaterialsOf(bank: Bank): RequiredMaterial[] {
  const fromBank = new Map(bank.requiredMaterials.map((m) => [m.kind, m]));
  const standard = standardMaterialKinds.map((kind) => fromBank.get(kind) ?? { kind, validDays: null });
  return [...standard, ...bank.requiredMaterials.filter((m) => !(standardMaterialKinds as readonly string[]).includes(m.kind))];
}

/** A material kind said as a nested reason: a standard kind by its name, a bank's own kind by its code. */
export function materialNamed(kind: string): Reason {
  return (standardMaterialKinds as readonly string[]).includes(kind) ? reason(`material-${kind as StandardMaterialKind}`) : reason('material-other', { kind });
}

/** The last day a material is valid: the earlier of its own expiry and its receipt plus the bank's validDays (null: no end). */
export function lastValidDay(material: { receivedOn?: string | undefined; expiresOn?: string | undefined }, validDays: number | null): string | null {
  const byBank = validDays !== null && material.receivedOn !== undefined ? plusDays(material.receivedOn, validDays - 1) : null;
  const ends = [material.expiresOn, byBank].filter((d): d is string => d !== undefined && d !== null).sort();
  return ends[0] ?? null;
}

/**
 * Every reason the case's materials are not ready for `bank` on `day` (YYYY-MM-DD in the bank's
 * zone): missing, unverified, undated where the bank limits validity, or expired by that day.
 * Without a `day` (before any appointment is chosen) expiry is not checked.
 */
export function materialReasons(rebindCase: RebindCase, bank: Bank, day?: string): Reason[] {
  const reasons: Reason[] = [];
  for (const required of requiredMaterialsOf(bank)) {
    const material = rebindCase.materials.find((m) => m.kind === required.kind);
    const named = materialNamed(required.kind);
    if (!material?.received) {
      reasons.push(reason('booking-material-missing', { material: named }));
      continue;
    }
    if (material.verifiedBy === undefined) reasons.push(reason('booking-material-unverified', { material: named }));
    if (required.validDays !== null && material.receivedOn === undefined) {
      reasons.push(reason('booking-material-undated', { material: named, bank: bank.name, validDays: required.validDays }));
    }
    const lastDay = lastValidDay(material, required.validDays);
    if (day !== undefined && lastDay !== null && lastDay < day) reasons.push(reason('booking-material-expired', { material: named, lastDay, day }));
  }
  return reasons;
}
