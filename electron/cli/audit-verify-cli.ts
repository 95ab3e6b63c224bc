import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditAnchor, AuditProblem } from '../../shared/audit/audit-entry';
import { applicationId } from '../main/db/migrate';
import { anchorOrigin } from '../main/audit/audit-anchor-check';
import { findAuditAnchors } from '../main/backup/audit-anchors';
import { verifyAuditChain, type VerifyOptions } from '../main/audit/audit-verify';

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
  /** The newest anchor found outside the database that still holds; null when none was found or none held. */
  anchored?: AuditAnchor | null;
  /** How many anchors (backups' side records, the backup history, --expect-head) were checked. */
  anchorsChecked?: number;
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
    // The heads recorded outside the database, found on their own: a log cut at the end, or
    // rewritten with every hash recomputed, no longer holds them.
    const result = verifyAuditChain(db, { ...options, anchors: [...(options.anchors ?? []), ...findAuditAnchors(dataDir)] });
    const facts = { ok: result.ok, checked: result.checked, head: result.head, anchored: result.anchored ?? null, anchorsChecked: result.anchorsChecked ?? 0 };
    return result.firstProblem ? { ...facts, firstProblem: result.firstProblem } : facts;
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
  const problem = report.firstProblem;
  if (!report.ok) return `audit verify: BROKEN after ${report.checked} good entries; entry ${problem?.seq} ${problem?.kind}: ${problem?.message}`;
  return `audit verify: ok, ${report.checked} entries checked, ${head}\n${describeAnchoring(report)}`;
}

/** How far back the check reaches beyond the chain itself: up to the newest anchor that held. */
export function describeAnchoring(report: Pick<AuditVerifyReport, 'anchored' | 'anchorsChecked' | 'head'>): string {
  const anchored = report.anchored;
  const headSeq = report.head?.seq ?? 0;
  if (!anchored) {
    return `no anchor found outside the database (${report.anchorsChecked ?? 0} checked): only the chain was checked, so entries cut off the end would not show. Make a backup (Settings → Backup) or keep the head above and pass --expect-head.`;
  }
  const from = `${anchorOrigin(anchored)}${anchored.recordedAt ? ` of ${anchored.recordedAt}` : ''}`;
  const tail = headSeq > anchored.seq ? `; entries ${anchored.seq + 1}–${headSeq} are chained but not yet anchored (the next backup anchors them)` : '; that is the whole log';
  return `anchored: entries 1–${anchored.seq} checked against ${from} (${report.anchorsChecked} anchors checked)${tail}.`;
}
