// What the booking gate and the engineer's day read about a case, gathered with SQL from the desk's
// tables: the case with its materials, review and agreement; the merchant's account status, the day
// it was checked, its area and the receipt short name; the terminal's model, firmware, serial and
// TID; the target bank, the compatibility row, and the engineers. Read-only: the case comes from the
// cases aggregate's repository (electron/main/desk/cases/), which owns its reads and writes.
import type Database from 'better-sqlite3';
import type { Role } from '../../../../shared/auth/roles';
import type { BookingCaseContext, NamedEngineer } from '../../../../shared/desk/booking';
import type { RebindCase } from '../../../../shared/desk/model';
import { prepared } from '../../db/statement-cache';
import type { CaseRepository, StoredCase } from '../cases/case-repository';
import { createSqliteReferenceRepository } from '../reference/sqlite-reference-repository';

/** A case as the booking reads it: the gate's context and what the day list and the work order show. */
export interface BookingCase {
  context: BookingCaseContext;
  /** The case row's version, so a move is written only on the case the gate saw. */
  caseVersion: number;
  /** The case as read (at caseVersion): what a move under the lock starts from while the version still holds. */
  stored: StoredCase;
  merchant: { name: string; shortName: string; address: string; area: string };
  terminal: { id: string; serial: string; tid: string; mid: string; modelName: string };
}

// The merchant's and terminal's fields beside a case; the case itself is the cases aggregate's read.
interface SurroundingsRow {
  m_short_name: string;
  m_name: string;
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

const surroundingsSql = `
  SELECT m.name AS m_name, m.short_name AS m_short_name, m.address AS m_address, m.area AS m_area,
         m.account_status AS m_account_status, m.account_checked_on AS m_account_checked_on,
         t.model_id AS t_model_id, t.serial AS t_serial, t.tid AS t_tid, t.mid AS t_mid, t.firmware AS t_firmware
  FROM merchants m, terminals t
  WHERE m.id = ? AND t.id = ?`;
const engineerNameSql = "SELECT coalesce(nullif(display_name, ''), username) AS name FROM operators WHERE id = ?";

// A status never checked is as old as can be: the gate then says "checked on 1970-01-01, more than
// 30 days ago", which asks for the check it needs rather than passing it.
const NEVER_CHECKED = '1970-01-01';

// The shared model's case: the stored one without its record meta and closing reason.
function rebindCaseOf(stored: StoredCase): RebindCase {
  const { id, state, terminalId, merchantId, targetBank, materials, review, agreement } = stored;
  return { id, state, terminalId, merchantId, targetBank, materials, review, agreement };
}

const roleSql = 'SELECT role FROM operators WHERE username = ?';

export type BookingReadModel = ReturnType<typeof createBookingReadModel>;

/** The booking's reads over the app's SQLite file. */
export function createBookingReadModel(connection: () => Database.Database, cases: CaseRepository) {
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
      const stored = cases.case(caseId);
      if (!stored) return undefined;
      const row = prepared<[string, string], SurroundingsRow>(connection(), surroundingsSql).get(stored.merchantId, stored.terminalId);
      if (!row) throw new Error(`case ${caseId} names a merchant or terminal that is not stored`);
      const bank = reference.bankByCode(stored.targetBank);
      const model = reference.model(row.t_model_id);
      if (!bank || !model) throw new Error(`case ${caseId} names a bank or model the reference data lacks`);
      const compatibility = reference.compatibilityOf(model.id, bank.code) ?? null;
      return {
        context: {
          rebindCase: rebindCaseOf(stored),
          bank,
          merchant: { accountStatus: row.m_account_status, accountCheckedOn: row.m_account_checked_on ?? NEVER_CHECKED, area: row.m_area },
          terminal: { modelId: row.t_model_id, firmware: row.t_firmware ?? '' },
          model: { ...model },
          compatibility,
        },
        caseVersion: stored.version,
        stored,
        merchant: { name: row.m_name, shortName: row.m_short_name, address: row.m_address, area: row.m_area },
        terminal: { id: stored.terminalId, serial: row.t_serial, tid: row.t_tid, mid: row.t_mid, modelName: model.model },
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
