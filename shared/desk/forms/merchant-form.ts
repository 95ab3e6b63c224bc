// The merchant form: what the desk enters for a merchant, for the IPC contract and the CSV import,
// every field checked by its validator (shared/desk/validators/) and stored in its normalised form.
import { z } from 'zod';
import { checkAccountNo, checkCnaps } from '../validators/bank-account';
import { checkAreaCode } from '../validators/area-code';
import { checkPastIsoDate } from '../validators/calendar-date';
import { checkAccountStatus } from '../validators/account-status';
import { checkPhone } from '../validators/phone';
import { checkReceiptShortName } from '../validators/receipt-short-name';
import { checkResidentId } from '../validators/resident-id';
import { checkSwiftBic } from '../validators/swift-bic';
import { checkUscc } from '../validators/uscc';
import type { AccountStatus } from '../model/gate-views';
import { checkedField, fieldProblemsOf, optionalCheckedField, textField, type FormCheck, type FormFieldProblem } from './form-fields';

/** The longest text each free-text field takes (the merchants table allows a name of 100). */
export const merchantTextLimits = { name: 100, legalRep: 50, contact: 50, address: 200, bank: 100, branch: 100 } as const;

/**
 * The merchant form's schema. With `today` (YYYY-MM-DD, the caller's clock) a birth date in the
 * legal representative's ID number and an account check after today are refused.
 */
export function merchantFormSchemaFor(options: { today?: string } = {}) {
  return z.strictObject({
    name: textField(merchantTextLimits.name),
    uscc: checkedField(checkUscc),
    legalRep: textField(merchantTextLimits.legalRep),
    legalRepId: checkedField((value) => checkResidentId(value, options)),
    contact: textField(merchantTextLimits.contact),
    phone: checkedField(checkPhone),
    address: textField(merchantTextLimits.address),
    area: checkedField(checkAreaCode),
    settlement: z.strictObject({
      bank: textField(merchantTextLimits.bank),
      branch: textField(merchantTextLimits.branch),
      cnaps: checkedField(checkCnaps),
      accountNo: checkedField(checkAccountNo),
      swift: optionalCheckedField(checkSwiftBic),
    }),
    accountStatus: checkedField(checkAccountStatus).transform((value) => value as AccountStatus),
    // Optional: a merchant imported from a spreadsheet has not been checked yet (the booking gate
    // refuses until it is).
    accountCheckedOn: optionalCheckedField((value) => checkPastIsoDate(value, options)),
    shortName: checkedField(checkReceiptShortName),
  });
}

/** The merchant form's schema without a clock (no future-date checks): for the IPC contract. */
export const merchantFormSchema = merchantFormSchemaFor();

/** A merchant form as entered. */
export type MerchantFormInput = z.input<typeof merchantFormSchema>;
/** A merchant form as stored: every value normalised. */
export type MerchantForm = z.output<typeof merchantFormSchema>;

/** The warnings a merchant form gives even when it is accepted: the USCC's inner organisation code. */
function merchantWarnings(input: unknown): FormFieldProblem[] {
  const uscc = typeof input === 'object' && input !== null ? (input as { uscc?: unknown }).uscc : undefined;
  return typeof uscc === 'string' ? checkUscc(uscc).warnings.map((reason) => ({ field: 'uscc', reason })) : [];
}

// Building a schema costs far more than parsing with it (zod compiles each object schema on its
// first parse), and an import checks every row against the same day: keep the last one built.
let lastSchema: { today: string | undefined; schema: typeof merchantFormSchema } = { today: undefined, schema: merchantFormSchema };

function schemaOn(today: string | undefined): typeof merchantFormSchema {
  if (lastSchema.today !== today) lastSchema = { today, schema: merchantFormSchemaFor({ today }) };
  return lastSchema.schema;
}

/** Checks a merchant form: the stored value, or every field's problem; warnings either way. */
export function checkMerchantForm(input: unknown, options: { today?: string } = {}): FormCheck<MerchantForm> {
  const parsed = schemaOn(options.today).safeParse(input);
  const warnings = merchantWarnings(input);
  return parsed.success ? { ok: true, value: parsed.data, warnings } : { ok: false, errors: fieldProblemsOf(parsed.error), warnings };
}
