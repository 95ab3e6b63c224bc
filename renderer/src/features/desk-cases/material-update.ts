// The `desk:material-update` inputs for the case page's material actions. Main stores the earlier
// of the document's expiry and receipt + the bank's validDays − 1, and wants the document's expiry
// sent again with each update: it is the stored day unless that day is the bank's own limit.
import type { InvokeInput } from '../../../../shared/ipc/contract';
import type { CaseDetailView } from '../../../../shared/ipc/contract-desk-cases';
import { plusDays } from '../../../../shared/desk/time/zoned';

export type MaterialView = CaseDetailView['materials'][number];
export type MaterialUpdate = InvokeInput<'desk:material-update'>;

/** The document's own expiry as far as the stored day tells it (null: none, or the bank's limit is earlier). */
export function documentExpiry(material: MaterialView): string | null {
  if (material.expiresOn === undefined || material.receivedOn === undefined) return null;
  const byBank = material.validDays === null ? null : plusDays(material.receivedOn, material.validDays - 1);
  return material.expiresOn === byBank ? null : material.expiresOn;
}

const base = (caseId: string, m: MaterialView) => ({ caseId, kind: m.kind, receivedOn: m.receivedOn ?? null, verified: m.verifiedBy !== undefined, expiresOn: documentExpiry(m) });

/** Received on `day` (a changed day drops the verification, as main does). */
export const receivedUpdate = (caseId: string, m: MaterialView, day: string | null): MaterialUpdate => ({
  ...base(caseId, m),
  receivedOn: day,
  verified: day !== null && day === m.receivedOn && m.verifiedBy !== undefined,
  ...(day === null && { expiresOn: null }),
});

/** Verified (or not) by the caller, now. */
export const verifiedUpdate = (caseId: string, m: MaterialView, verified: boolean): MaterialUpdate => ({ ...base(caseId, m), verified });

/** The document's expiry set or cleared. */
export const expiryUpdate = (caseId: string, m: MaterialView, day: string | null): MaterialUpdate => ({ ...base(caseId, m), expiresOn: day });
