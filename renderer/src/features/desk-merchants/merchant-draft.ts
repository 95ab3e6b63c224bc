// The merchant form as the page holds it while the desk types, and the checks it shows under each
// field: the same shared schemas main parses the channel's input with (shared/desk/forms), so a
// form the page lets through is one main accepts, and main's words are the page's words.
import { checkMerchantForm, fieldProblemsOf, merchantEditFormSchema, type FormFieldProblem, type MerchantFormInput } from '../../../../shared/desk/forms';
import type { MerchantView } from '../../../../shared/ipc/contract-desk-merchants';
import type { AccountStatus } from '../../../../shared/desk/model';
import type { Reason } from '../../../../shared/errors/reason';
import { checkUscc } from '../../../../shared/desk/validators/uscc';

/** Every field as typed; the two sensitive ones empty on an edit until the desk types a new value. */
export interface MerchantDraft {
  name: string;
  uscc: string;
  legalRep: string;
  legalRepId: string;
  contact: string;
  phone: string;
  address: string;
  area: string;
  settlement: { bank: string; branch: string; cnaps: string; accountNo: string; swift: string };
  accountStatus: AccountStatus;
  accountCheckedOn: string | null;
  shortName: string;
}

/** The draft's field paths, as the shared forms name them (`settlement.cnaps`). */
export const merchantDraftFields = [
  'name',
  'shortName',
  'uscc',
  'legalRep',
  'legalRepId',
  'contact',
  'phone',
  'address',
  'area',
  'settlement.bank',
  'settlement.branch',
  'settlement.cnaps',
  'settlement.accountNo',
  'settlement.swift',
  'accountStatus',
  'accountCheckedOn',
] as const;
export type MerchantDraftField = (typeof merchantDraftFields)[number];

export function emptyMerchantDraft(): MerchantDraft {
  return {
    name: '',
    uscc: '',
    legalRep: '',
    legalRepId: '',
    contact: '',
    phone: '',
    address: '',
    area: '',
    settlement: { bank: '', branch: '', cnaps: '', accountNo: '', swift: '' },
    accountStatus: 'normal',
    accountCheckedOn: null,
    shortName: '',
  };
}

/**
 * A stored merchant as an edit starts: every field filled, except the ID and account numbers, which
 * arrive masked and stay empty (the form shows the mask beside them); left empty they are kept.
 */
export function merchantDraftOf(view: MerchantView): MerchantDraft {
  return {
    name: view.name,
    uscc: view.uscc,
    legalRep: view.legalRep,
    legalRepId: '',
    contact: view.contact,
    phone: view.phone,
    address: view.address,
    area: view.area,
    settlement: { bank: view.settlement.bank, branch: view.settlement.branch, cnaps: view.settlement.cnaps, accountNo: '', swift: view.settlement.swift ?? '' },
    accountStatus: view.accountStatus,
    accountCheckedOn: view.accountCheckedOn ?? null,
    shortName: view.shortName,
  };
}

const given = (value: string) => value.trim() !== '';

/** What `desk:merchant-save` is sent: empty optional fields (and, on an edit, untouched secrets) left out. */
export function merchantRecordOf(draft: MerchantDraft): MerchantFormInput {
  const { swift, accountNo, ...settlement } = draft.settlement;
  return {
    name: draft.name,
    uscc: draft.uscc,
    legalRep: draft.legalRep,
    ...(given(draft.legalRepId) ? { legalRepId: draft.legalRepId } : {}),
    contact: draft.contact,
    phone: draft.phone,
    address: draft.address,
    area: draft.area,
    settlement: { ...settlement, ...(given(accountNo) ? { accountNo } : {}), ...(given(swift) ? { swift } : {}) },
    accountStatus: draft.accountStatus,
    ...(draft.accountCheckedOn ? { accountCheckedOn: draft.accountCheckedOn } : {}),
    shortName: draft.shortName,
  } as MerchantFormInput;
}

/** The first error and the first warning of each field. */
export interface DraftCheck {
  errors: Partial<Record<string, Reason>>;
  warnings: Partial<Record<string, Reason>>;
  ok: boolean;
}

const firstPerField = (problems: readonly FormFieldProblem[]) => {
  const out: Partial<Record<string, Reason>> = {};
  for (const problem of problems) out[problem.field] ??= problem.reason;
  return out;
};

/**
 * Checks the draft as main will: a new merchant with the full form (today given, so a birth date or
 * a check date after it is refused here too); an edit with the edit form, where empty secrets are kept.
 */
export function checkMerchantDraft(draft: MerchantDraft, options: { editing: boolean; today?: string }): DraftCheck {
  const record = merchantRecordOf(draft);
  // The USCC's inner-code warning is the validator's own; it is shown even while other fields are wrong.
  const warnings = firstPerField(given(draft.uscc) ? checkUscc(draft.uscc).warnings.map((reason) => ({ field: 'uscc', reason })) : []);
  if (!options.editing) {
    const checked = checkMerchantForm(record, { today: options.today });
    return { ok: checked.ok, errors: checked.ok ? {} : firstPerField(checked.errors), warnings };
  }
  const parsed = merchantEditFormSchema.safeParse(record);
  return { ok: parsed.success, errors: parsed.success ? {} : firstPerField(fieldProblemsOf(parsed.error)), warnings };
}
