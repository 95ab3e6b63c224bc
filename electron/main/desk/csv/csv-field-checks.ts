// Which desk field validator (shared/desk/validators/, and the forms' free-text rule) checks each
// CSV column, so a row the import accepts is one the merchant and terminal forms accept too. Each
// gives the value as it is stored (normalised), its errors, and warnings that do not block it.
import { checkText } from '../../../../shared/desk/forms/form-fields';
import { merchantTextLimits } from '../../../../shared/desk/forms/merchant-form';
import type { MerchantColumnKey, TerminalColumnKey } from '../../../../shared/desk/csv/csv-columns';
import { checkAccountStatus } from '../../../../shared/desk/validators/account-status';
import { checkAccountNo, checkCnaps } from '../../../../shared/desk/validators/bank-account';
import type { FieldCheck } from '../../../../shared/desk/validators/field-check';
import { checkPhone } from '../../../../shared/desk/validators/phone';
import { checkResidentId } from '../../../../shared/desk/validators/resident-id';
import { checkAcquirerCode, checkMid, checkTerminalSerial, checkTid } from '../../../../shared/desk/validators/terminal-ids';
import { checkUscc } from '../../../../shared/desk/validators/uscc';

/** Checks one filled cell. */
export type ColumnCheck = (value: string) => FieldCheck;

export interface CsvFieldChecks {
  merchants: Record<MerchantColumnKey, ColumnCheck>;
  terminals: Record<TerminalColumnKey, ColumnCheck>;
}

/** The longest model name a terminals file may give (it is looked up in reference data). */
export const modelNameMaxLength = 64;

/** The desk's checks per column; with `today` (YYYY-MM-DD) an ID number's birth date after today is refused. */
export function deskFieldChecks(options: { today?: string } = {}): CsvFieldChecks {
  return {
    merchants: {
      name: checkText(merchantTextLimits.name),
      uscc: checkUscc,
      legalRep: checkText(merchantTextLimits.legalRep),
      legalRepId: (value) => checkResidentId(value, options),
      contact: checkText(merchantTextLimits.contact),
      phone: checkPhone,
      address: checkText(merchantTextLimits.address),
      bank: checkText(merchantTextLimits.bank),
      branch: checkText(merchantTextLimits.branch),
      cnaps: checkCnaps,
      accountNo: checkAccountNo,
      accountStatus: checkAccountStatus,
    },
    terminals: {
      serial: checkTerminalSerial,
      tid: checkTid,
      mid: checkMid,
      model: checkText(modelNameMaxLength),
      // The merchant's own row carries the USCC's organisation-code warning; a terminal only refers to it.
      merchantUscc: (value) => ({ ...checkUscc(value), warnings: [] }),
      bank: checkAcquirerCode,
    },
  };
}
