// The terminal form as the page holds it, checked with the shared terminal form main parses with.
import { checkTerminalForm, type TerminalFormInput } from '../../../../shared/desk/forms';
import type { TerminalView } from '../../../../shared/ipc/contract-desk-merchants';
import type { Reason } from '../../../../shared/errors/reason';

export interface TerminalDraft {
  modelId: string | null;
  serial: string;
  tid: string;
  mid: string;
  firmware: string;
  currentBank: string | null;
  merchantId: string;
}

export function emptyTerminalDraft(merchantId: string): TerminalDraft {
  return { modelId: null, serial: '', tid: '', mid: '', firmware: '', currentBank: null, merchantId };
}

export function terminalDraftOf(view: TerminalView): TerminalDraft {
  return { modelId: view.modelId, serial: view.serial, tid: view.tid, mid: view.mid, firmware: view.firmware ?? '', currentBank: view.currentBank, merchantId: view.merchantId };
}

/** What `desk:terminal-save` is sent; an empty firmware is left out. */
export function terminalRecordOf(draft: TerminalDraft): TerminalFormInput {
  return {
    modelId: draft.modelId ?? '',
    serial: draft.serial,
    tid: draft.tid,
    mid: draft.mid,
    ...(draft.firmware.trim() === '' ? {} : { firmware: draft.firmware }),
    currentBank: draft.currentBank ?? '',
    merchantId: draft.merchantId,
  };
}

/** The first error of each field, by the form's field name. */
export function checkTerminalDraft(draft: TerminalDraft): { ok: boolean; errors: Partial<Record<string, Reason>> } {
  const checked = checkTerminalForm(terminalRecordOf(draft));
  if (checked.ok) return { ok: true, errors: {} };
  const errors: Partial<Record<string, Reason>> = {};
  for (const problem of checked.errors) errors[problem.field] ??= problem.reason;
  return { ok: false, errors };
}
