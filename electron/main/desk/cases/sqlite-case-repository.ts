import type Database from 'better-sqlite3';
import type { CaseMaterial, CaseState } from '../../../../shared/desk/model';
import { recordTable, type Stored } from '../../db/record-table';
import { caseVisitFactsSql, firstTimeFixColumns } from './case-visit-facts-sql';
import { prepared } from '../../db/statement-cache';
import { searchByNamePart, SEARCH_COUNT_CAP, type CaseFilter } from './case-name-search';
import type { AttachmentFields, CaseListPage, CaseListQuery, CaseListRow, CaseRepository, CaseFields, MaterialFields, MerchantView, CaseVisitOutcome, StoredCase, TerminalView, TransitionFields } from './case-repository';

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
const caseVersionSql = 'SELECT version FROM cases WHERE id = ?';
const appointmentWithSql = "SELECT 1 AS yes FROM appointments WHERE case_id = ? AND engineer_id = ? AND status <> 'cancelled' LIMIT 1";
// Every case with a visit outcome: when it was opened, first reached rebound (null: never), the failures recorded.
const outcomesSql = `
  SELECT bank, opened_at AS openedAt, rebound_at AS reboundAt, failures FROM (${caseVisitFactsSql}) WHERE ${firstTimeFixColumns.counted}`;

// The end of a prefix range: every text that starts with the prefix sorts below prefix + U+FFFF,
// so an index on the column answers "starts with" (LIKE would not use it with its NOCASE default).
const prefixEnd = (prefix: string) => `${prefix}\uffff`;

// Text shaped like a code (serial, TID, MID, USCC) is first the beginning of one: each an index
// range. A name part is asked only when no code begins so (as the merchant search does), or when
// the text holds other characters (Chinese), which no code has (case-name-search.ts).
const codeShaped = /^[0-9A-Za-z_-]+$/;
const byKeys = `(c.terminal_id IN (SELECT id FROM terminals WHERE (serial >= ? AND serial < ?) OR (tid >= ? AND tid < ?) OR (mid >= ? AND mid < ?))
      OR c.merchant_id IN (SELECT id FROM merchants WHERE uscc >= ? AND uscc < ?))`;
const anyKeySql = `SELECT EXISTS (SELECT 1 FROM terminals WHERE serial >= @text AND serial < @end) OR EXISTS (SELECT 1 FROM terminals WHERE tid >= @text AND tid < @end)
  OR EXISTS (SELECT 1 FROM terminals WHERE mid >= @text AND mid < @end) OR EXISTS (SELECT 1 FROM merchants WHERE uscc >= @code AND uscc < @codeEnd) AS yes`;

/** The key clause when `search` begins a serial, TID, MID or USCC; undefined when it is a name part. */
function keyClause(db: Database.Database, search: string): CaseFilter | undefined {
  if (!codeShaped.test(search)) return undefined;
  const code = search.toUpperCase();
  const range = { text: search, end: prefixEnd(search), code, codeEnd: prefixEnd(code) };
  if (prepared<[typeof range], { yes: number }>(db, anyKeySql).get(range)!.yes !== 1) return undefined;
  return { where: byKeys, params: [search, prefixEnd(search), search, prefixEnd(search), search, prefixEnd(search), code, prefixEnd(code)] };
}

/** The filters but the search, on `cases c`. */
function filterOf(query: CaseListQuery): CaseFilter {
  const clauses: string[] = [];
  const params: unknown[] = [];
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
  return { where: clauses.length === 0 ? '1' : clauses.join(' AND '), params };
}

const both = (a: CaseFilter, b: CaseFilter): CaseFilter => ({ where: `${a.where} AND ${b.where}`, params: [...a.params, ...b.params] });

const listColumns = `c.id, c.version, c.state, c.target_bank AS targetBank, t.current_bank AS currentBank, m.name AS merchantName, m.uscc,
                t.serial, t.tid, t.mid, c.created_at AS openedAt, c.updated_at AS updatedAt`;
// A page found as case rowids (a name search), read in that order.
const rowsByRowidSql = `SELECT ${listColumns}
  FROM json_each(?) j CROSS JOIN cases c ON c.rowid = j.value JOIN terminals t ON t.id = c.terminal_id JOIN merchants m ON m.id = c.merchant_id
  ORDER BY j.key`;

// The page is chosen on the cases table alone (narrow rows to sort and skip), then joined.
function pageOf(db: Database.Database, filter: CaseFilter, offset: number, limit: number): CaseListRow[] {
  return prepared<unknown[], CaseListRow>(
    db,
    `SELECT ${listColumns}
     FROM (SELECT * FROM cases c WHERE ${filter.where} ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?) c
     JOIN terminals t ON t.id = c.terminal_id JOIN merchants m ON m.id = c.merchant_id
     ORDER BY c.created_at DESC, c.id DESC`,
  ).all(...filter.params, limit, offset);
}

/** The list's page and total: a search counts only up to SEARCH_COUNT_CAP beyond the offset; the filters alone, exactly. */
function listOf(db: Database.Database, query: CaseListQuery): CaseListPage {
  const filter = filterOf(query);
  const search = query.search?.trim();
  if (!search) {
    const total = prepared<unknown[], { n: number }>(db, `SELECT count(*) AS n FROM cases c WHERE ${filter.where}`).get(...filter.params)!.n;
    return { rows: pageOf(db, filter, query.offset, query.limit), total, totalCapped: false };
  }
  const keys = keyClause(db, search);
  if (keys) {
    const where = both(keys, filter);
    const counted = query.offset + SEARCH_COUNT_CAP;
    const n = prepared<unknown[], { n: number }>(db, `SELECT count(*) AS n FROM (SELECT 1 FROM cases c WHERE ${where.where} LIMIT ?)`).get(...where.params, counted + 1)!.n;
    return { rows: pageOf(db, where, query.offset, query.limit), total: Math.min(n, counted), totalCapped: n > counted };
  }
  const { rowids, ...total } = searchByNamePart(db, search, filter, query.offset, query.limit);
  const rows = rowids.length === 0 ? [] : prepared<[string], CaseListRow>(db, rowsByRowidSql).all(JSON.stringify(rowids));
  return { rows, ...total };
}

/** The cases in the app's SQLite file. */
export function createSqliteCaseRepository(connection: () => Database.Database): CaseRepository {
  const db = connection;
  const materialRows = (caseId: string) => materials.select(db(), 'case_id = ?', [caseId], 'rowid');
  const assemble = (row: Stored<CaseRow> | undefined) => (row ? caseOf(row, materialRows(row.id)) : undefined);
  return {
    case: (id) => assemble(cases.get(db(), id)),
    caseVersion: (id) => prepared<[string], number>(db(), caseVersionSql).pluck().get(id),
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

    list: (query) => listOf(db(), query),
    visitOutcomes: () => prepared<[], CaseVisitOutcome>(db(), outcomesSql).all(),
  };
}

export type { CaseFields };
