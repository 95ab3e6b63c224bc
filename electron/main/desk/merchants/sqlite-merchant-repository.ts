import type Database from 'better-sqlite3';
import { recordTable } from '../../db/record-table';
import type { MerchantFields, MerchantRepository, TerminalFields } from './merchant-repository';

const merchants = recordTable<MerchantFields>('merchants', 'merchant', [
  { field: 'name', column: 'name' },
  { field: 'uscc', column: 'uscc' },
  { field: 'legalRep', column: 'legal_rep' },
  { field: 'legalRepIdSealed', column: 'legal_rep_id' },
  { field: 'legalRepIdLast4', column: 'legal_rep_id_last4' },
  { field: 'contact', column: 'contact' },
  { field: 'phone', column: 'phone' },
  { field: 'address', column: 'address' },
  { field: 'area', column: 'area' },
  { field: 'settlementBank', column: 'settlement_bank' },
  { field: 'settlementBranch', column: 'settlement_branch' },
  { field: 'cnaps', column: 'cnaps' },
  { field: 'accountNoSealed', column: 'account_no' },
  { field: 'accountNoLast4', column: 'account_no_last4' },
  { field: 'swift', column: 'swift' },
  { field: 'accountStatus', column: 'account_status' },
  { field: 'accountCheckedOn', column: 'account_checked_on' },
  { field: 'shortName', column: 'short_name' },
]);

const terminals = recordTable<TerminalFields>('terminals', 'terminal', [
  { field: 'modelId', column: 'model_id' },
  { field: 'serial', column: 'serial' },
  { field: 'tid', column: 'tid' },
  { field: 'mid', column: 'mid' },
  { field: 'firmware', column: 'firmware' },
  { field: 'currentBank', column: 'current_bank' },
  { field: 'merchantId', column: 'merchant_id' },
]);

// A prefix as a range, so the column's index answers it (LIKE would need case_sensitive_like).
const startsWith = (column: string) => `(${column} >= ? AND ${column} < ? || char(1114111))`;

// The name substring scans the name index (narrower than the table) with instr; the keys are index
// ranges. UNION, not OR, so each branch uses its own index. Figures in docs/desk-merchants.md.
const searchWhere = `id IN (
  SELECT id FROM merchants WHERE instr(name, ?) > 0
  UNION SELECT id FROM merchants WHERE ${startsWith('uscc')}
  UNION SELECT merchant_id FROM terminals WHERE ${startsWith('tid')}
  UNION SELECT merchant_id FROM terminals WHERE ${startsWith('mid')}
  UNION SELECT merchant_id FROM terminals WHERE ${startsWith('serial')})`;

/** Merchants and terminals in the app's SQLite file. */
export function createSqliteMerchantRepository(connection: () => Database.Database): MerchantRepository {
  const db = connection;
  return {
    merchant: (id) => merchants.get(db(), id),
    merchantByUscc: (uscc) => merchants.select(db(), 'uscc = ?', [uscc])[0],
    insertMerchant: (merchant) => merchants.insert(db(), merchant),
    updateMerchant: (merchant, base) => merchants.update(db(), merchant, base),
    searchMerchants({ text, limit, offset }) {
      const upper = text.toUpperCase();
      const params = [text, upper, upper, text, text, text, text, text, text];
      return merchants.select(db(), searchWhere, params, `name, id LIMIT ${Math.trunc(limit) + 1} OFFSET ${Math.trunc(offset)}`);
    },
    merchantsPage: (after, limit) => merchants.select(db(), 'uscc > ?', [after], `uscc LIMIT ${Math.trunc(limit)}`),

    terminal: (id) => terminals.get(db(), id),
    terminalBySerial: (serial) => terminals.select(db(), 'serial = ?', [serial])[0],
    terminalByTid: (tid) => terminals.select(db(), 'tid = ?', [tid])[0],
    terminalsOf: (ids) => (ids.length === 0 ? [] : terminals.select(db(), `merchant_id IN (${ids.map(() => '?').join(', ')})`, ids, 'merchant_id, serial')),
    terminalsPage: (after, limit) => terminals.select(db(), 'serial > ?', [after], `serial LIMIT ${Math.trunc(limit)}`),
    insertTerminal: (terminal) => terminals.insert(db(), terminal),
    updateTerminal: (terminal, base) => terminals.update(db(), terminal, base),
  };
}
