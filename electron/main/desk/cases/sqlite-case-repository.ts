import type Database from 'better-sqlite3';
import type { CaseMaterial, CaseState } from '../../../../shared/desk/model';
import { recordTable, type Stored } from '../../db/record-table';
import { prepared } from '../../db/statement-cache';
import { COMMON_GRAM, namePartQuery } from '../merchants/merchant-name-search';
import type { AttachmentFields, CaseListQuery, CaseListRow, CaseRepository, CaseFields, MaterialFields, MerchantView, ReboundOutcome, StoredCase, TerminalView, TransitionFields } from './case-repository';

/** The cases row as flat fields: the review and the agreement are columns, the materials their own table. */
interface CaseRow {
  state: CaseState;
  terminalId: string;
  merchantId: string;
  targetBank: string;
  reviewDecision?: 'approved' | 'rejected';
  reviewBy?: string;
  reviewAt?: string;
  reviewReason?: string;
  agreementSignedOn?: string;
  agreementSignatory?: string;
  agreementAttachmentId?: string;
  closingReason?: string;
}

const cases = recordTable<CaseRow>('cases', 'case', [
  { field: 'state', column: 'state' },
  { field: 'terminalId', column: 'terminal_id' },
  { field: 'merchantId', column: 'merchant_id' },
  { field: 'targetBank', column: 'target_bank' },
  { field: 'reviewDecision', column: 'review_decision' },
  { field: 'reviewBy', column: 'review_by' },
  { field: 'reviewAt', column: 'review_at' },
  { field: 'reviewReason', column: 'review_reason' },
  { field: 'agreementSignedOn', column: 'agreement_signed_on' },
  { field: 'agreementSignatory', column: 'agreement_signatory' },
  { field: 'agreementAttachmentId', column: 'agreement_attachment_id' },
  { field: 'closingReason', column: 'closing_reason' },
]);

const materials = recordTable<MaterialFields>('case_materials', 'case-material', [
  { field: 'caseId', column: 'case_id' },
  { field: 'kind', column: 'kind' },
  { field: 'receivedOn', column: 'received_on' },
  { field: 'verifiedBy', column: 'verified_by' },
  { field: 'verifiedAt', column: 'verified_at' },
  { field: 'expiresOn', column: 'expires_on' },
]);

const transitions = recordTable<TransitionFields>('case_transitions', 'case-transition', [
  { field: 'caseId', column: 'case_id' },
  { field: 'fromState', column: 'from_state' },
  { field: 'toState', column: 'to_state' },
  { field: 'action', column: 'action' },
  { field: 'reason', column: 'reason' },
]);

const attachments = recordTable<AttachmentFields>('attachments', 'attachment', [
  { field: 'caseId', column: 'case_id' },
  { field: 'purpose', column: 'purpose' },
  { field: 'sha256', column: 'sha256' },
  { field: 'fileName', column: 'file_name' },
  { field: 'mediaType', column: 'media_type' },
  { field: 'size', column: 'size' },
]);

/** A material row as the shared model has it. */
export function materialOf(row: MaterialFields): CaseMaterial {
  const { receivedOn, verifiedBy, verifiedAt, expiresOn } = row;
  return {
    kind: row.kind,
    received: receivedOn !== undefined,
    ...(receivedOn !== undefined && { receivedOn }),
    ...(verifiedBy !== undefined && verifiedAt !== undefined && { verifiedBy, verifiedAt }),
    ...(expiresOn !== undefined && { expiresOn }),
  };
}

function caseOf(row: Stored<CaseRow>, materialRows: readonly MaterialFields[]): StoredCase {
  const { reviewDecision, reviewBy, reviewAt, reviewReason, agreementSignedOn, agreementSignatory, agreementAttachmentId, closingReason, ...rest } = row;
  return {
    ...rest,
    materials: materialRows.map(materialOf),
    review: reviewDecision && reviewBy && reviewAt ? { decision: reviewDecision, by: reviewBy, at: reviewAt, ...(reviewReason !== undefined && { reason: reviewReason }) } : null,
    agreement: agreementSignedOn && agreementSignatory && agreementAttachmentId ? { signedOn: agreementSignedOn, signatory: agreementSignatory, attachmentId: agreementAttachmentId } : null,
    ...(closingReason !== undefined && { closingReason }),
  };
}

function rowOf(record: StoredCase): Stored<CaseRow> {
  const { materials: _materials, review, agreement, ...rest } = record;
  return {
    ...rest,
    ...(review && { reviewDecision: review.decision, reviewBy: review.by, reviewAt: review.at, ...(review.reason !== undefined && { reviewReason: review.reason }) }),
    ...(agreement && { agreementSignedOn: agreement.signedOn, agreementSignatory: agreement.signatory, agreementAttachmentId: agreement.attachmentId }),
  } as Stored<CaseRow>;
}

const terminalSql = 'SELECT id, serial, tid, mid, model_id AS modelId, firmware, current_bank AS currentBank, merchant_id AS merchantId FROM terminals WHERE id = ?';
const merchantSql = 'SELECT id, name, uscc, area, account_status AS accountStatus, account_checked_on AS accountCheckedOn FROM merchants WHERE id = ?';
const openCaseSql = "SELECT id FROM cases WHERE terminal_id = ? AND state NOT IN ('closed', 'cancelled')";
const engineerSql = 'SELECT id FROM engineers WHERE operator_id = ?';
const appointmentWithSql = "SELECT 1 AS yes FROM appointments WHERE case_id = ? AND engineer_id = ? AND status <> 'cancelled' LIMIT 1";
// From each rebound case, when it was opened, when it first reached rebound, and the failed visits before.
const outcomesSql = `
  SELECT c.target_bank AS bank, c.created_at AS openedAt, r.reboundAt,
         (SELECT count(*) FROM case_transitions f WHERE f.case_id = c.id AND f.action = 'record-failure' AND f.created_at <= r.reboundAt) AS failures
  FROM cases c
  JOIN (SELECT case_id, min(created_at) AS reboundAt FROM case_transitions WHERE to_state = 'rebound' GROUP BY case_id) r ON r.case_id = c.id`;

// The end of a prefix range: every text that starts with the prefix sorts below prefix + U+FFFF,
// so an index on the column answers "starts with" (LIKE would not use it with its NOCASE default).
const prefixEnd = (prefix: string) => `${prefix}\uffff`;

// Text shaped like a code (serial, TID, MID, USCC) is first the beginning of one: each an index
// range. A name part is asked only when no code begins so (as the merchant search does), or when
// the text holds other characters (Chinese), which no code has.
const codeShaped = /^[0-9A-Za-z_-]+$/;
const byKeys = `(c.terminal_id IN (SELECT id FROM terminals WHERE (serial >= ? AND serial < ?) OR (tid >= ? AND tid < ?) OR (mid >= ? AND mid < ?))
      OR c.merchant_id IN (SELECT id FROM merchants WHERE uscc >= ? AND uscc < ?))`;
const anyKeySql = `SELECT EXISTS (SELECT 1 FROM terminals WHERE serial >= @text AND serial < @end) OR EXISTS (SELECT 1 FROM terminals WHERE tid >= @text AND tid < @end)
  OR EXISTS (SELECT 1 FROM terminals WHERE mid >= @text AND mid < @end) OR EXISTS (SELECT 1 FROM merchants WHERE uscc >= @code AND uscc < @codeEnd) AS yes`;
// A part found in COMMON_GRAM names or more by every gram: read the names themselves (the name
// index, name and rowid only) rather than probe thousands of gram rows.
const byNameScan = 'SELECT id FROM merchants WHERE rowid IN (SELECT rowid FROM merchants INDEXED BY merchants_by_name WHERE instr(name, ?) > 0)';

// A name part in this many names or more is dense among the cases: the page walks cases_by_opened
// newest first and stops at its end (a few thousand cases), instead of reading every matching case
// through cases_by_merchant and sorting them all; the total still counts through cases_by_merchant.
const DENSE_NAME_PART = 500;

interface SearchClause {
  clause: string;
  params: unknown[];
  /** The clause as the page asks it: unary + keeps the planner off cases_by_merchant for a dense part. */
  pageClause?: string;
}

function searchClause(db: Database.Database, search: string): SearchClause {
  if (codeShaped.test(search)) {
    const code = search.toUpperCase();
    const range = { text: search, end: prefixEnd(search), code, codeEnd: prefixEnd(code) };
    const anyKey = prepared<[typeof range], { yes: number }>(db, anyKeySql).get(range)!.yes === 1;
    if (anyKey) return { clause: byKeys, params: [search, prefixEnd(search), search, prefixEnd(search), search, prefixEnd(search), code, prefixEnd(code)] };
  }
  const part = namePartQuery(db, search);
  const [sql, params] = part.candidates >= COMMON_GRAM && Array.from(search).length > 2 ? [byNameScan, [search]] : [part.sql, part.params];
  // The merchants are found once, here, and both the page and the total read the list.
  const merchantIds = prepared<string[], string>(db, sql).pluck().all(...params);
  const clause = 'c.merchant_id IN (SELECT value FROM json_each(?))';
  return { clause, params: [JSON.stringify(merchantIds)], ...(merchantIds.length >= DENSE_NAME_PART && { pageClause: `+${clause}` }) };
}

function listWhere(db: Database.Database, query: CaseListQuery): { where: string; pageWhere: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const search = query.search?.trim();
  let pageClause: string | undefined;
  if (search) {
    const found = searchClause(db, search);
    clauses.push(found.clause);
    params.push(...found.params);
    pageClause = found.pageClause;
  }
  if (query.states && query.states.length > 0) {
    clauses.push(`c.state IN (${query.states.map(() => '?').join(', ')})`);
    params.push(...query.states);
  }
  if (query.bank !== undefined) {
    clauses.push('c.target_bank = ?');
    params.push(query.bank);
  }
  if (query.engineerId !== undefined) {
    clauses.push("c.id IN (SELECT case_id FROM appointments WHERE engineer_id = ? AND status <> 'cancelled')");
    params.push(query.engineerId);
  }
  if (query.openedFrom !== undefined) {
    clauses.push('c.created_at >= ?');
    params.push(query.openedFrom);
  }
  if (query.openedBefore !== undefined) {
    clauses.push('c.created_at < ?');
    params.push(query.openedBefore);
  }
  const where = clauses.length === 0 ? '1' : clauses.join(' AND ');
  return { where, pageWhere: pageClause === undefined ? where : [pageClause, ...clauses.slice(1)].join(' AND '), params };
}

/** The cases in the app's SQLite file. */
export function createSqliteCaseRepository(connection: () => Database.Database): CaseRepository {
  const db = connection;
  const materialRows = (caseId: string) => materials.select(db(), 'case_id = ?', [caseId], 'rowid');
  const assemble = (row: Stored<CaseRow> | undefined) => (row ? caseOf(row, materialRows(row.id)) : undefined);
  return {
    case: (id) => assemble(cases.get(db(), id)),
    openCaseOfTerminal(terminalId) {
      const row = prepared<[string], { id: string }>(db(), openCaseSql).get(terminalId);
      return row ? assemble(cases.get(db(), row.id)) : undefined;
    },
    insertCase: (record) => cases.insert(db(), rowOf(record)),
    updateCase: (record, base) => cases.update(db(), rowOf(record), base),

    materials: materialRows,
    insertMaterial: (row) => materials.insert(db(), row),
    updateMaterial: (row, base) => materials.update(db(), row, base),

    timeline: (caseId) => transitions.select(db(), 'case_id = ?', [caseId], 'created_at, id'),
    insertTransition: (row) => transitions.insert(db(), row),

    attachment: (id) => attachments.get(db(), id),
    attachments: (caseId) => attachments.select(db(), 'case_id = ?', [caseId], 'created_at, id'),
    insertAttachment: (row) => attachments.insert(db(), row),

    terminal: (id) => prepared<[string], TerminalView>(db(), terminalSql).get(id),
    merchant: (id) => prepared<[string], MerchantView>(db(), merchantSql).get(id),
    engineerIdOfOperator: (operatorId) => prepared<[number], { id: string }>(db(), engineerSql).get(operatorId)?.id,
    hasAppointmentWith: (caseId, engineerId) => prepared<[string, string], { yes: number }>(db(), appointmentWithSql).get(caseId, engineerId) !== undefined,

    list(query) {
      const { where, pageWhere, params } = listWhere(db(), query);
      // The page is chosen on the cases table alone (narrow rows to sort and skip), then joined.
      const rows = prepared<unknown[], CaseListRow>(
        db(),
        `SELECT c.id, c.version, c.state, c.target_bank AS targetBank, t.current_bank AS currentBank, m.name AS merchantName, m.uscc,
                t.serial, t.tid, t.mid, c.created_at AS openedAt, c.updated_at AS updatedAt
         FROM (SELECT * FROM cases c WHERE ${pageWhere} ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?) c
         JOIN terminals t ON t.id = c.terminal_id JOIN merchants m ON m.id = c.merchant_id
         ORDER BY c.created_at DESC, c.id DESC`,
      ).all(...params, query.limit, query.offset);
      const total = prepared<unknown[], { n: number }>(db(), `SELECT count(*) AS n FROM cases c WHERE ${where}`).get(...params)!.n;
      return { rows, total };
    },
    reboundOutcomes: () => prepared<[], ReboundOutcome>(db(), outcomesSql).all(),
  };
}

export type { CaseFields };
