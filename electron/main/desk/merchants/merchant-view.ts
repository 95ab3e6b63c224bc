// A stored merchant as the renderer sees it: the ID and account numbers masked from their stored
// last 4, the clear values staying encrypted (sensitive:reveal shows them, audited).
import { maskFromTail } from '../../../../shared/auth/mask';
import type { MerchantView, TerminalView } from '../../../../shared/ipc/contract-desk-merchants';
import type { Stored } from '../../db/record-table';
import type { MerchantFields, TerminalFields } from './merchant-repository';

export function merchantView(merchant: Stored<MerchantFields>, terminals: readonly Stored<TerminalFields>[]): MerchantView {
  const { legalRepIdSealed: _id, legalRepIdLast4, accountNoSealed: _account, accountNoLast4, settlementBank, settlementBranch, cnaps, swift, ...rest } = merchant;
  return {
    ...rest,
    legalRepId: maskFromTail(legalRepIdLast4),
    settlement: { bank: settlementBank, branch: settlementBranch, cnaps, accountNo: maskFromTail(accountNoLast4), ...(swift === undefined ? {} : { swift }) },
    terminals: terminals.map((terminal) => ({ ...terminal })),
  };
}

export function terminalView(terminal: Stored<TerminalFields>): TerminalView {
  return { ...terminal };
}
