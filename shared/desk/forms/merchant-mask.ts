// A merchant form as lists and exports show it without the sensitive-data permission: the legal
// representative's ID number and the account number masked to their last 4 (DESIGN.md §4).
import { maskLast4 } from '../../auth/mask';
import type { MerchantForm } from './merchant-form';

/** The merchant form's fields that are encrypted at rest and masked on screen. */
export const sensitiveMerchantFields = ['legalRepId', 'settlement.accountNo'] as const;

/** The form with its sensitive fields masked (`••••••••••••••002X`). */
export function maskMerchantForm(form: MerchantForm): MerchantForm {
  return { ...form, legalRepId: maskLast4(form.legalRepId), settlement: { ...form.settlement, accountNo: maskLast4(form.settlement.accountNo) } };
}
