// Merchants and terminals: saved through saveRecord (a stale edit is refused as record-changed),
// checked against what the database holds (one merchant per credit code, one terminal per serial
// and TID, a known model, bank and merchant), the ID and account numbers encrypted before they are
// stored and in the outbox, and read back masked.
import { deskAuditActions } from '../../../../shared/desk/desk-audit';
import type { MerchantEditForm, TerminalForm } from '../../../../shared/desk/forms';
import { checkPastIsoDate } from '../../../../shared/desk/validators/calendar-date';
import { checkResidentId } from '../../../../shared/desk/validators/resident-id';
import { visibleTail } from '../../../../shared/auth/mask';
import type { Actor } from '../../../../shared/auth/session';
import type { MerchantView, TerminalView } from '../../../../shared/ipc/contract-desk-merchants';
import { reason, type Reason } from '../../../../shared/errors/reason';
import { AppError } from '../../app-error';
import type { AuditedWrite } from '../../db/audited';
import type { Stored } from '../../db/record-table';
import type { FieldEncryption } from '../../crypto/field-encryption';
import { saveRecord, type RecordBase } from '../records/save-record';
import type { ReferenceRepository } from '../reference/reference-repository';
import type { MerchantFields, MerchantRepository } from './merchant-repository';
import { merchantView, terminalView } from './merchant-view';
import { isTriggerRefusal } from '../../db/trigger-refusal';

export interface MerchantServiceDeps {
  repo: MerchantRepository;
  reference: ReferenceRepository;
  audited: AuditedWrite;
  encryption: FieldEncryption;
  now: () => Date;
}

/** The `table.column` names the values are encrypted for (crypto/encrypted-columns.ts). */
export const merchantSealedFields = { legalRepId: 'merchants.legal_rep_id', accountNo: 'merchants.account_no' } as const;

function refusedField(field: string, why: Reason): AppError {
  return new AppError('invalid-input', reason('input-field-refused', { field: reason('field-path', { path: field }), why }), field);
}

/** Today as YYYY-MM-DD in the machine's zone, for the future-date checks the contract's schema cannot make. */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export type MerchantService = ReturnType<typeof createMerchantService>;

const isTidTaken = (error: unknown) => isTriggerRefusal(error, 'terminal-tid-taken');

export function createMerchantService({ repo, reference, audited, encryption, now }: MerchantServiceDeps) {
  const seal = (field: keyof typeof merchantSealedFields, clear: string) => ({ sealed: encryption.encrypt(merchantSealedFields[field], clear), last4: visibleTail(clear) });

  /** The stored fields of a form: the sensitive values sealed, or kept from `before` when left out of an edit. */
  const merchantFields = (form: MerchantEditForm, before: Stored<MerchantFields> | undefined): MerchantFields => {
    const { legalRepId, settlement, ...rest } = form;
    if (legalRepId === undefined && !before) throw refusedField('record.legalRepId', reason('merchant-sensitive-required', { field: reason('merchant-field-legal-rep-id') }));
    if (settlement.accountNo === undefined && !before) throw refusedField('record.settlement.accountNo', reason('merchant-sensitive-required', { field: reason('merchant-field-account-no') }));
    const id = legalRepId === undefined ? { sealed: before!.legalRepIdSealed, last4: before!.legalRepIdLast4 } : seal('legalRepId', legalRepId);
    const account = settlement.accountNo === undefined ? { sealed: before!.accountNoSealed, last4: before!.accountNoLast4 } : seal('accountNo', settlement.accountNo);
    return {
      ...rest,
      legalRepIdSealed: id.sealed,
      legalRepIdLast4: id.last4,
      settlementBank: settlement.bank,
      settlementBranch: settlement.branch,
      cnaps: settlement.cnaps,
      accountNoSealed: account.sealed,
      accountNoLast4: account.last4,
      // Present even when undefined, so an edit that empties them clears the stored values.
      swift: settlement.swift,
      accountCheckedOn: rest.accountCheckedOn,
    };
  };

  const checkMerchant = (form: MerchantEditForm, base: RecordBase | null): void => {
    const today = localDay(now());
    // The contract's schema has no clock; what depends on today is checked here.
    if (form.legalRepId !== undefined) {
      const id = checkResidentId(form.legalRepId, { today });
      if (!id.ok) throw refusedField('record.legalRepId', id.errors[0]!);
    }
    if (form.accountCheckedOn !== undefined) {
      const day = checkPastIsoDate(form.accountCheckedOn, { today });
      if (!day.ok) throw refusedField('record.accountCheckedOn', day.errors[0]!);
    }
    const same = repo.merchantByUscc(form.uscc);
    if (same && same.id !== base?.id) throw new AppError('conflict', reason('merchant-uscc-taken', { uscc: form.uscc, name: same.name }), 'record.uscc');
  };

  const checkTerminal = (form: TerminalForm, base: RecordBase | null): void => {
    if (!reference.model(form.modelId)) throw new AppError('not-found', reason('model-unknown'), 'record.modelId');
    if (!reference.bankByCode(form.currentBank)) throw new AppError('not-found', reason('bank-unknown', { code: form.currentBank }), 'record.currentBank');
    if (!repo.merchant(form.merchantId)) throw new AppError('not-found', reason('terminal-merchant-unknown'), 'record.merchantId');
    const serial = repo.terminalBySerial(form.serial);
    if (serial && serial.id !== base?.id) throw new AppError('conflict', reason('terminal-serial-taken', { serial: form.serial }), 'record.serial');
    const tid = repo.terminalByTid(form.tid);
    if (tid && tid.id !== base?.id) throw new AppError('conflict', reason('terminal-tid-taken', { tid: form.tid, serial: tid.serial }), 'record.tid');
  };

  const view = (merchant: Stored<MerchantFields>) => merchantView(merchant, repo.terminalsOf([merchant.id]));

  return {
    search(text: string, limit: number, offset: number): { merchants: MerchantView[]; more: boolean } {
      const found = repo.searchMerchants({ text: text.trim(), limit, offset });
      const page = found.slice(0, limit);
      const terminals = repo.terminalsOf(page.map((m) => m.id));
      return { merchants: page.map((m) => merchantView(m, terminals.filter((t) => t.merchantId === m.id))), more: found.length > limit };
    },
    get(id: string): MerchantView {
      const merchant = repo.merchant(id);
      if (!merchant) throw new AppError('not-found', reason('record-not-found', { entity: reason('entity-merchant') }));
      return view(merchant);
    },
    saveMerchant(actor: Actor, base: RecordBase | null, form: MerchantEditForm): MerchantView {
      checkMerchant(form, base);
      const fields = merchantFields(form, base === null ? undefined : repo.merchant(base.id));
      const saved = saveRecord(
        audited,
        { entity: 'merchant', actions: { created: deskAuditActions.merchantCreated, updated: deskAuditActions.merchantUpdated }, current: repo.merchant, insert: repo.insertMerchant, update: repo.updateMerchant, describe: (m) => ({ uscc: m.uscc }) },
        actor.username,
        now(),
        base,
        fields,
      );
      return view(saved);
    },
    saveTerminal(actor: Actor, base: RecordBase | null, form: TerminalForm): TerminalView {
      checkTerminal(form, base);
      try {
        const saved = saveRecord(
          audited,
          { entity: 'terminal', actions: { created: deskAuditActions.terminalCreated, updated: deskAuditActions.terminalUpdated }, current: repo.terminal, insert: repo.insertTerminal, update: repo.updateTerminal, describe: (t) => ({ serial: t.serial }) },
          actor.username,
          now(),
          base,
          form,
        );
        return terminalView(saved);
      } catch (error) {
        // Another desk saved this TID between the check above and this write: migration 0014's trigger refused it.
        if (isTidTaken(error)) throw new AppError('conflict', reason('terminal-tid-taken', { tid: form.tid, serial: repo.terminalByTid(form.tid)?.serial ?? '' }), 'record.tid');
        throw error;
      }
    },
  };
}
