import type Database from 'better-sqlite3';
import type { AuditProblem, AuditVerifyResult } from '../../../shared/audit/audit-entry';
import { chainStart, explainEntry, type ChainPosition } from './audit-explain';
import { sha256Hex } from './audit-hash';
import { auditHead } from './audit-log';
import { readAuditPage } from './audit-rows';

/** Options of a verify run. */
export interface VerifyOptions {
  /** A head recorded earlier (an export's footer): the chain must still hold exactly this entry. */
  anchor?: { seq: number; hash: string } | undefined;
  /** Entries per read; tuning only. */
  pageSize?: number;
}

// SQLite builds each entry's hash input itself (the same text as auditHashInput) and joins a whole
// page into one string: crossing from SQLite to JS once per page instead of nine values per row is
// what makes a million entries verifiable in about a second and a half. U+001E ends the input,
// before the stored hash; U+001D ends an entry. Neither occurs inside a field the app wrote (tokens
// refuse control characters, canonical JSON escapes them), and the piece count is checked against
// the row count, so a field that smuggles one in only sends the walk to the careful path below.
// group_concat has no ORDER BY of its own (sorting again costs a third of the time); the subquery
// feeds it in seq order, and should it ever not, the seq check sends the walk to the careful path.
const pageSql = `
  SELECT count(*) AS n,
         group_concat(concat_ws(char(31), seq, time, actor, action, entity_type, entity_id, payload, prev_hash) || char(30) || hash, char(29)) AS text
  FROM (SELECT seq, time, actor, action, entity_type, entity_id, payload, prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?)`;

/**
 * Walks the whole chain and reports the first entry that was edited, removed, inserted or
 * reordered (see `explainEntry`), plus entries removed from the end (sqlite_sequence remembers the
 * highest seq ever written). Runs in one read transaction, so concurrent appends cannot confuse it.
 */
export function verifyAuditChain(db: Database.Database, options: VerifyOptions = {}): AuditVerifyResult {
  return db.transaction(() => walk(db, options))();
}

function walk(db: Database.Database, options: VerifyOptions): AuditVerifyResult {
  const pageSize = options.pageSize ?? 10_000;
  const anchor = options.anchor;
  const page = db.prepare<[number, number], { n: number; text: string | null }>(pageSql);
  let prev: ChainPosition = chainStart;
  let checked = 0;
  let problem: AuditProblem | null = null;

  // Plain locals rather than a position object per entry: this loop runs a million times.
  let prevSeq = 0;
  let prevTime = '';
  let prevHash = chainStart.hash;
  fast: for (;;) {
    const { n, text } = page.get(prevSeq, pageSize)!;
    if (n === 0) break;
    const pieces = text === null ? [] : text.split('\u001d');
    if (pieces.length !== n) break fast;
    for (const piece of pieces) {
      const end = piece.length - 65;
      if (end < 64 || piece.charCodeAt(end) !== 0x1e) break fast;
      const input = piece.slice(0, end);
      const hash = piece.slice(end + 1);
      const seqEnd = input.indexOf('\u001f');
      const timeEnd = input.indexOf('\u001f', seqEnd + 1);
      const seq = Number(input.slice(0, seqEnd));
      const time = input.slice(seqEnd + 1, timeEnd);
      // (slice and === measure faster here than startsWith at an offset.)
      if (sha256Hex(input) !== hash || input.slice(end - 64) !== prevHash || seq !== prevSeq + 1 || time < prevTime) break fast;
      if (anchor && seq === anchor.seq && hash !== anchor.hash) {
        problem = anchorMismatch(anchor);
        break fast;
      }
      prevSeq = seq;
      prevTime = time;
      prevHash = hash;
      checked++;
    }
  }
  prev = { seq: prevSeq, time: prevTime, hash: prevHash };

  if (!problem) {
    // The careful path: real columns, row by row, from the last entry that checked out. It finds
    // the same first problem the fast path stopped at (or none, if only a separator misled it).
    careful: for (;;) {
      const rows = readAuditPage(db, prev.seq, 500);
      if (rows.length === 0) break;
      for (const row of rows) {
        problem = explainEntry(db, prev, row);
        if (!problem && anchor && row.seq === anchor.seq && row.hash !== anchor.hash) problem = anchorMismatch(anchor);
        if (problem) break careful;
        prev = { seq: row.seq, time: row.time, hash: row.hash };
        checked++;
      }
    }
  }

  problem ??= tailProblem(db, prev, anchor);
  const head = auditHead(db);
  if (!problem) return { ok: true, checked, head };
  // A problem may name an entry that looked fine on its own (a forgery found by the entry after
  // it): count only the entries before the one named.
  const intact = problem.kind === 'anchor-mismatch' ? checked : Math.min(checked, problem.seq - 1);
  return { ok: false, checked: intact, head, firstProblem: problem };
}

function anchorMismatch(anchor: { seq: number; hash: string }): AuditProblem {
  return {
    seq: anchor.seq,
    kind: 'anchor-mismatch',
    message: `Entry ${anchor.seq} no longer has the hash recorded earlier (${anchor.hash.slice(0, 16)}…): the chain was rewritten from there on.`,
  };
}

/** Entries removed from the end leave no gap, but sqlite_sequence still knows the highest seq written. */
function tailProblem(db: Database.Database, last: ChainPosition, anchor: VerifyOptions['anchor']): AuditProblem | null {
  const row = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get();
  const highest = row?.seq ?? 0;
  if (highest > last.seq) {
    const first = last.seq + 1;
    const range = highest === first ? `Entry ${first} is` : `Entries ${first}–${highest} are`;
    return { seq: first, kind: 'missing', message: `${range} missing (deleted from the end of the log, which had reached entry ${highest}).` };
  }
  if (anchor && anchor.seq > last.seq) {
    return { seq: anchor.seq, kind: 'anchor-mismatch', message: `Entry ${anchor.seq}, recorded earlier as the chain head, is no longer in the log.` };
  }
  return null;
}
