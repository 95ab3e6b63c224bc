import type Database from 'better-sqlite3';
import { recordTable } from '../../db/record-table';
import { prepared } from '../../db/statement-cache';
import type { MerchantFields, MerchantRepository, TerminalFields } from './merchant-repository';
import { COMMON_GRAM, namePartQuery } from './merchant-name-search';

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

// Each key is a range of its own index, asked on its own (one statement with UNION or OR let the
// planner walk the name index for the ORDER BY and test every row: 100-200 ms at 100k merchants).
// A prefix matching more than keyHitsMax merchants (a USCC's first characters) is cut there.
const keyHitsMax = 1000;
const keyQueries = [
  `SELECT id FROM merchants WHERE ${startsWith('uscc')} LIMIT ${keyHitsMax}`,
  `SELECT merchant_id AS id FROM terminals WHERE ${startsWith('tid')} LIMIT ${keyHitsMax}`,
  `SELECT merchant_id AS id FROM terminals WHERE ${startsWith('mid')} LIMIT ${keyHitsMax}`,
  `SELECT merchant_id AS id FROM terminals WHERE ${startsWith('serial')} LIMIT ${keyHitsMax}`,
];
const byIds = 'id IN (SELECT value FROM json_each(?))';

// A part of the name: its rarest gram in merchant_name_grams (migration 0013) gives the few
// merchants that can hold it, looked up by id and sorted. When even the rarest gram is in
// COMMON_GRAM names or more, the hits are dense: walk the name index in order (name and rowid,
// without touching the table) and stop at the page's end, which then comes within a few thousand
// names. Figures in docs/desk-merchants.md.
const byName = 'rowid IN (SELECT rowid FROM merchants INDEXED BY merchants_by_name WHERE instr(name, ?) > 0 ORDER BY name, rowid LIMIT ? OFFSET ?)';

/** Text shaped like a code (USCC, TID, MID, serial): letters and digits only. */
const codeShaped = /^[0-9A-Za-z_-]+$/;

/** Merchants and terminals in the app's SQLite file. */
export function createSqliteMerchantRepository(connection: () => Database.Database): MerchantRepository {
  const db = connection;
  return {
    merchant: (id) => merchants.get(db(), id),
    merchantByUscc: (uscc) => merchants.select(db(), 'uscc = ?', [uscc])[0],
    insertMerchant: (merchant) => merchants.insert(db(), merchant),
    updateMerchant: (merchant, base) => merchants.update(db(), merchant, base),
    searchMerchants({ text, limit, offset }) {
      const page = `name, rowid LIMIT ${Math.trunc(limit) + 1} OFFSET ${Math.trunc(offset)}`;
      if (codeShaped.test(text)) {
        const code = text.toUpperCase();
        const ids = new Set<string>();
        keyQueries.forEach((sql, i) => {
          const key = i === 0 ? code : text;
          for (const row of prepared<[string, string], { id: string }>(db(), sql).all(key, key)) ids.add(row.id);
        });
        // A name may hold letters and digits too: it is asked only when no key matches at all.
        if (ids.size > 0) return merchants.select(db(), byIds, [JSON.stringify([...ids])], page);
      }
      const part = namePartQuery(db(), text);
      if (part.candidates < COMMON_GRAM) return merchants.select(db(), `id IN (${part.sql})`, part.params, page);
      return merchants.select(db(), byName, [text, Math.trunc(limit) + 1, Math.trunc(offset)], 'name, rowid');
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
