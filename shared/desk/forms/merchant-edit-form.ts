// The merchant form as an edit sends it: the same fields and validators, except that the legal
// representative's ID number and the account number may be left out to keep what is stored. The
// edit page shows them masked; making the desk reveal (an audited act) or retype them only to fix a
// phone number would fill the audit log with reveals nobody needed.
import type { z } from 'zod';
import { checkAccountNo } from '../validators/bank-account';
import { checkResidentId } from '../validators/resident-id';
import { optionalCheckedField } from './form-fields';
import { merchantFormSchema } from './merchant-form';

const settlement = merchantFormSchema.shape.settlement;

/** The merchant form with the two sensitive fields optional (absent or empty: keep the stored value). */
export const merchantEditFormSchema = merchantFormSchema.extend({
  legalRepId: optionalCheckedField((value) => checkResidentId(value)),
  settlement: settlement.extend({ accountNo: optionalCheckedField(checkAccountNo) }),
});

/** A merchant edit as main receives it. */
export type MerchantEditForm = z.output<typeof merchantEditFormSchema>;
