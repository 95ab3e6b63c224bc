import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditProblem } from '../../../shared/audit/audit-entry';
import { applicationId } from '../db/migrate';
import { verifyAuditChain, type VerifyOptions } from './audit-verify';

/**
 * The database file inside the data directory; the same name as main-context's `databaseFileName`
 * (a test keeps them equal). Not imported from there: the command must not load the whole main
 * process (serial ports, services) to check one file.
 */
export const auditDatabaseFileName = 'rebinddesk.sqlite';

/** What `rebind audit verify` prints and exits with. */
export interface AuditVerifyReport {
  ok: boolean;
  checked: number;
  head?: { seq: number; hash: string } | null;
  firstProblem?: AuditProblem;
  /** Set when the log could not be checked at all (no database, not ours, too old). */
  error?: string;
}

/** Options of the command: a native binding for Electron, an anchor from an earlier export. */
export interface AuditVerifyCliOptions extends VerifyOptions {
  nativeBinding?: string | undefined;
}

/**
 * `rebind audit verify --data-dir DIR`: opens the database read-only, never migrates or writes,
 * and walks the chain. A database that cannot be checked is reported as not ok with `error`.
 */
export function runAuditVerify(dataDir: string, options: AuditVerifyCliOptions = {}): AuditVerifyReport {
  const path = join(dataDir, auditDatabaseFileName);
  if (!existsSync(path)) return { ok: false, checked: 0, error: `No database at ${path}; check --data-dir.` };
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (error) {
    return { ok: false, checked: 0, error: `Cannot open ${path} read-only: ${(error as Error).message}` };
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== applicationId) return { ok: false, checked: 0, error: `${path} is not a RebindDesk database.` };
    const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'").get();
    if (!table) return { ok: false, checked: 0, error: `${path} has no audit log yet (schema too old); start the app once to upgrade it.` };
    const result = verifyAuditChain(db, options);
    return result.firstProblem
      ? { ok: result.ok, checked: result.checked, head: result.head, firstProblem: result.firstProblem }
      : { ok: result.ok, checked: result.checked, head: result.head };
  } catch (error) {
    return { ok: false, checked: 0, error: `Could not read the audit log in ${path}: ${(error as Error).message}` };
  } finally {
    db.close();
  }
}

/** The report as lines for a terminal. */
export function formatAuditVerifyReport(report: AuditVerifyReport): string {
  if (report.error) return `audit verify: cannot check: ${report.error}`;
  const head = report.head ? `head ${report.head.seq} ${report.head.hash}` : 'empty log';
  if (report.ok) return `audit verify: ok, ${report.checked} entries checked, ${head}`;
  const problem = report.firstProblem;
  return `audit verify: BROKEN after ${report.checked} good entries; entry ${problem?.seq} ${problem?.kind}: ${problem?.message}`;
}
