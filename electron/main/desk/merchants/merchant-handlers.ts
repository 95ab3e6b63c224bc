// The merchant and terminal channels (shared/ipc/contract-desk-merchants.ts) over the merchant
// service and the CSV service; spread into the desk module.
import type { Actor } from '../../../../shared/auth/session';
import type { InvokeOutput, ParsedInput } from '../../../../shared/ipc/contract';
import type { MerchantCsvService } from './merchant-csv-service';
import type { MerchantService } from './merchant-service';

export type MerchantChannel = 'desk:merchants-search' | 'desk:merchant-get' | 'desk:merchant-save' | 'desk:terminal-save' | 'desk:import-preview' | 'desk:import-commit' | 'desk:export';

// Typed from the shared contract: desk/ sits below ipc/, so the router's handler type is not imported.
type MerchantHandlers = { [C in MerchantChannel]: (input: ParsedInput<C>, context: { caller: Actor }) => InvokeOutput<C> | Promise<InvokeOutput<C>> };

export function createMerchantHandlers(merchants: MerchantService, csv: MerchantCsvService): MerchantHandlers {
  return {
    'desk:merchants-search': ({ text, limit, offset }) => merchants.search(text, limit, offset),
    'desk:merchant-get': ({ id }) => merchants.get(id),
    'desk:merchant-save': ({ base, record }, { caller }) => merchants.saveMerchant(caller, base, record),
    'desk:terminal-save': ({ base, record }, { caller }) => merchants.saveTerminal(caller, base, record),
    'desk:import-preview': ({ kind, source, encoding }) => csv.preview(kind, source, encoding),
    'desk:import-commit': ({ kind, base64, encoding }, { caller }) => csv.commit(caller.username, kind, Buffer.from(base64, 'base64'), encoding),
    'desk:export': ({ kind, encoding, includeSensitive }, { caller }) => csv.exportToPicker(caller.username, kind, encoding, includeSensitive),
  };
}
