// What the booking gate and the engineer's day read about a case, gathered with SQL from the desk's
// tables: the case with its materials, review and agreement; the merchant's account status, the day
// it was checked, its area and the receipt short name; the terminal's model, firmware, serial and
// TID; the target bank, the compatibility row, and the engineers. Read-only: the case service owns
// the cases' writes (electron/main/desk/cases/), this reads whatever state they leave.
import type Database from 'better-sqlite3';
import type { Role } from '../../../../shared/auth/roles';
import type { BookingCaseContext, NamedEngineer } from '../../../../shared/desk/booking';
import type { CaseMaterial, CaseState, RebindCase } from '../../../../shared/desk/model';
import { prepared } from '../../db/statement-cache';
import { createSqliteReferenceRepository } from '../reference/sqlite-reference-repository';

/** A case as the booking reads it: the gate's context and what the day list and the work order show. */
export interface BookingCase {
  context: BookingCaseContext;
  /** The case row's version, so a move is written only on the case the gate saw. */
  caseVersion: number;
  merchant: { name: string; shortName: string; address: string; area: string };
  terminal: { id: string; serial: string; tid: string; mid: string; modelName: string };
}

interface CaseRow {
  id: string;
  version: number;
  state: CaseState;
  terminal_id: string;
  merchant_id: string;
  target_bank: string;
  review_decision: 'approved' | 'rejected' | null;
  review_by: string | null;
  review_at: string | null;
  review_reason: string | null;
  agreement_signed_on: string | null;
  agreement_signatory: string | null;
  agreement_attachment_id: string | null;
  m_name: string;
  m_short_name: string;
  m_address: string;
  m_area: string;
  m_account_status: 'normal' | 'frozen' | 'arrears';
  m_account_checked_on: string | null;
  t_model_id: string;
  t_serial: string;
  t_tid: string;
  t_mid: string;
  t_firmware: string | null;
}

interface MaterialRow {
  kind: string;
  received_on: string | null;
  verified_by: string | null;
  verified_at: string | null;
  expires_on: string | null;
}

const caseSql = `
  SELECT c.id, c.version, c.state, c.terminal_id, c.merchant_id, c.target_bank, c.review_decision, c.review_by, c.review_at, c.review_reason,
         c.agreement_signed_on, c.agreement_signatory, c.agreement_attachment_id,
         m.name AS m_name, m.short_name AS m_short_name, m.address AS m_address, m.area AS m_area,
         m.account_status AS m_account_status, m.account_checked_on AS m_account_checked_on,
         t.model_id AS t_model_id, t.serial AS t_serial, t.tid AS t_tid, t.mid AS t_mid, t.firmware AS t_firmware
  FROM cases c JOIN merchants m ON m.id = c.merchant_id JOIN terminals t ON t.id = c.terminal_id
  WHERE c.id = ?`;
const materialsSql = 'SELECT kind, received_on, verified_by, verified_at, expires_on FROM case_materials WHERE case_id = ? ORDER BY kind';
const engineerNameSql = "SELECT coalesce(nullif(display_name, ''), username) AS name FROM operators WHERE id = ?";

// A status never checked is as old as can be: the gate then says "checked on 1970-01-01, more than
// 30 days ago", which asks for the check it needs rather than passing it.
const NEVER_CHECKED = '1970-01-01';

function materialOf(row: MaterialRow): CaseMaterial {
  const material: CaseMaterial = { kind: row.kind, received: row.received_on !== null };
  if (row.received_on !== null) material.receivedOn = row.received_on;
  if (row.verified_by !== null && row.verified_at !== null) Object.assign(material, { verifiedBy: row.verified_by, verifiedAt: row.verified_at });
  if (row.expires_on !== null) material.expiresOn = row.expires_on;
  return material;
}

function caseOf(row: CaseRow, materials: readonly MaterialRow[]): RebindCase {
  const review =
    row.review_decision === null || row.review_by === null || row.review_at === null
      ? null
      : { decision: row.review_decision, by: row.review_by, at: row.review_at, ...(row.review_reason === null ? {} : { reason: row.review_reason }) };
  const agreement =
    row.agreement_signed_on === null || row.agreement_signatory === null || row.agreement_attachment_id === null
      ? null
      : { signedOn: row.agreement_signed_on, signatory: row.agreement_signatory, attachmentId: row.agreement_attachment_id };
  return { id: row.id, state: row.state, terminalId: row.terminal_id, merchantId: row.merchant_id, targetBank: row.target_bank, materials: materials.map(materialOf), review, agreement };
}

const roleSql = 'SELECT role FROM operators WHERE username = ?';

export type BookingReadModel = ReturnType<typeof createBookingReadModel>;

/** The booking's reads over the app's SQLite file. */
export function createBookingReadModel(connection: () => Database.Database) {
  const reference = createSqliteReferenceRepository(connection);

  const namedEngineer = (id: string): NamedEngineer | undefined => {
    const profile = reference.engineer(id);
    if (!profile) return undefined;
    const name = prepared<[number], { name: string }>(connection(), engineerNameSql).get(profile.operatorId)?.name ?? String(profile.operatorId);
    const { createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, version: _v, ...engineer } = profile;
    return { engineer, name };
  };

  return {
    bookingCase(caseId: string): BookingCase | undefined {
      const db = connection();
      const row = prepared<[string], CaseRow>(db, caseSql).get(caseId);
      if (!row) return undefined;
      const bank = reference.bankByCode(row.target_bank);
      const model = reference.model(row.t_model_id);
      if (!bank || !model) throw new Error(`case ${caseId} names a bank or model the reference data lacks`);
      const compatibility = reference.compatibilityOf(model.id, bank.code) ?? null;
      const materials = prepared<[string], MaterialRow>(db, materialsSql).all(caseId);
      return {
        context: {
          rebindCase: caseOf(row, materials),
          bank,
          merchant: { accountStatus: row.m_account_status, accountCheckedOn: row.m_account_checked_on ?? NEVER_CHECKED, area: row.m_area },
          terminal: { modelId: row.t_model_id, firmware: row.t_firmware ?? '' },
          model: { ...model },
          compatibility,
        },
        caseVersion: row.version,
        merchant: { name: row.m_name, shortName: row.m_short_name, address: row.m_address, area: row.m_area },
        terminal: { id: row.terminal_id, serial: row.t_serial, tid: row.t_tid, mid: row.t_mid, modelName: model.model },
      };
    },

    namedEngineer,

    /** Every engineer profile with its name, for the slot finder. */
    engineers(): NamedEngineer[] {
      return reference.engineers().flatMap((profile) => namedEngineer(profile.id) ?? []);
    },

    /** The engineer profile of a signed-in operator. */
    engineerOfOperator: (operatorId: number) => reference.engineerOfOperator(operatorId),

    /** The role of the operator a rebind's outcome names, for the case table's role check. */
    roleOf: (username: string): Role | undefined => prepared<[string], { role: Role }>(connection(), roleSql).get(username)?.role,
  };
}
