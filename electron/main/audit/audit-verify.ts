import type Database from 'better-sqlite3';
import type { AuditAnchor, AuditProblem, AuditVerifyResult } from '../../../shared/audit/audit-entry';
import { createAnchorCheck, expectHeadSource } from './audit-anchor-check';
import { chainStart, explainEntry, type ChainPosition } from './audit-explain';
import { sha256Hex } from '../db/audit-hash';
import { auditHead } from '../db/audit-chain';
import { readAuditPage } from './audit-rows';

export interface VerifyOptions {
  /** A head recorded earlier (an export's footer, `--expect-head`): the chain must still hold exactly this entry. */
  anchor?: { seq: number; hash: string } | undefined;
  /** Heads recorded outside the database (backups' side records, the backup history): each must still hold. */
  anchors?: readonly AuditAnchor[] | undefined;
  /** Entries per read; tuning only. */
  pageSize?: number;
}

// SQLite builds each entry's hash input itself (the same text as auditHashInput: json_array for
// format 2, the U+001F join for legacy format 1) and joins a whole page into one string: crossing
// from SQLite to JS once per page instead of ten values per row is what makes a million entries
// verifiable in about two seconds. U+001E ends the input, before the stored hash; U+001D ends an
// entry. Neither occurs unescaped in a format-2 input (JSON escapes control characters); a legacy
// entry gets no input at all (NULL, skipped by group_concat) when a field is not text or holds
// U+001F, so the piece count no longer matches the row count and the walk takes the careful path
// below. group_concat has no ORDER BY of its own (sorting again costs a third of the time); the
// subquery feeds it in seq order, and should it ever not, the seq check sends the walk there too.
const pageSql = `
  SELECT count(*) AS n,
         group_concat(
           CASE hash_format
             WHEN 2 THEN json_array(2, seq, time, actor, action, entity_type, entity_id, payload, prev_hash)
             WHEN 1 THEN CASE
               WHEN typeof(time) || typeof(actor) || typeof(action) || typeof(entity_type) || typeof(entity_id) || typeof(payload) || typeof(prev_hash) = 'texttexttexttexttexttexttext'
                AND instr(time || actor || action || entity_type || entity_id || payload || prev_hash, char(31)) = 0
               THEN seq || char(31) || time || char(31) || actor || char(31) || action || char(31) || entity_type || char(31) || entity_id || char(31) || payload || char(31) || prev_hash
             END
           END || char(30) || hash, char(29)) AS text
  FROM (SELECT seq, time, actor, action, entity_type, entity_id, payload, prev_hash, hash, hash_format FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?)`;

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
  const anchors = createAnchorCheck(db, [
    ...(options.anchors ?? []),
    ...(options.anchor ? [{ seq: options.anchor.seq, hash: options.anchor.hash, source: expectHeadSource }] : []),
  ]);
  const page = db.prepare<[number, number], { n: number; text: string | null }>(pageSql);
  let prev: ChainPosition = chainStart;
  let checked = 0;
  let problem: AuditProblem | null = null;

  // Plain locals rather than a position object per entry: this loop runs a million times.
  let prevSeq = 0;
  let prevTime = '';
  let prevHash = chainStart.hash;
  let prevFormat: number = chainStart.format;
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
      let seq: number;
      let time: string;
      let linked: boolean;
      let format: number;
      if (input.charCodeAt(0) === 0x5b) {
        // [2,seq,"time",...,"prev_hash"]: the time is the first string (an escaped quote in it
        // sends the walk to the careful path), the prev_hash the last one.
        const seqEnd = input.indexOf(',', 3);
        const timeEnd = input.indexOf('"', seqEnd + 2);
        if (input.charCodeAt(1) !== 0x32 || input.charCodeAt(2) !== 0x2c || input.charCodeAt(seqEnd + 1) !== 0x22 || input.charCodeAt(timeEnd - 1) === 0x5c) break fast;
        format = 2;
        seq = Number(input.slice(3, seqEnd));
        time = input.slice(seqEnd + 2, timeEnd);
        const tail = end - 68;
        linked = input.charCodeAt(tail) === 0x2c && input.charCodeAt(tail + 1) === 0x22 && input.slice(tail + 2, end - 2) === prevHash && input.charCodeAt(end - 2) === 0x22 && input.charCodeAt(end - 1) === 0x5d;
      } else {
        const seqEnd = input.indexOf('\u001f');
        const timeEnd = input.indexOf('\u001f', seqEnd + 1);
        format = 1;
        seq = Number(input.slice(0, seqEnd));
        time = input.slice(seqEnd + 1, timeEnd);
        // (slice and === measure faster here than startsWith at an offset.)
        linked = input.slice(end - 64) === prevHash;
      }
      if (sha256Hex(input) !== hash || !linked || seq !== prevSeq + 1 || time < prevTime || format < prevFormat) break fast;
      if (anchors.size > 0) {
        problem = anchors.atEntry(seq, hash);
        if (problem) break fast;
      }
      prevSeq = seq;
      prevTime = time;
      prevHash = hash;
      prevFormat = format;
      checked++;
    }
  }
  prev = { seq: prevSeq, time: prevTime, hash: prevHash, format: prevFormat };

  if (!problem) {
    // The careful path: real columns, row by row, from the last entry that checked out. It finds
    // the same first problem the fast path stopped at (or none, if only a separator misled it).
    careful: for (;;) {
      const rows = readAuditPage(db, prev.seq, 500);
      if (rows.length === 0) break;
      for (const row of rows) {
        problem = explainEntry(db, prev, row) ?? anchors.atEntry(row.seq, row.hash);
        if (problem) break careful;
        prev = { seq: row.seq, time: row.time, hash: row.hash, format: row.hashFormat };
        checked++;
      }
    }
  }

  problem ??= tailProblem(db, prev) ?? anchors.beyond(prev.seq) ?? wipedProblem(db, checked);
  const head = auditHead(db);
  const anchorFacts = { anchored: anchors.newestHeld(), anchorsChecked: anchors.size };
  if (!problem) return { ok: true, checked, head, ...anchorFacts };
  // A problem may name an entry that looked fine on its own (a forgery found by the entry after
  // it): count only the entries before the one named.
  const intact = problem.kind === 'anchor-mismatch' ? checked : Math.min(checked, problem.seq - 1);
  return { ok: false, checked: intact, head, firstProblem: problem, ...anchorFacts };
}

/**
 * An empty log is only right in a database nobody has used: the first admin's creation is the
 * first entry. A log with no entries beside operators was wiped (and sqlite_sequence with it).
 */
function wipedProblem(db: Database.Database, checked: number): AuditProblem | null {
  if (checked > 0) return null;
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'operators'").get();
  const operators = table ? db.prepare<[], { n: number }>('SELECT count(*) AS n FROM operators').get()!.n : 0;
  if (operators === 0) return null;
  return {
    seq: 1,
    kind: 'missing',
    message: `The log has no entries, but the database has ${operators} operator${operators === 1 ? '' : 's'}: every entry was deleted.`,
  };
}

/** Entries removed from the end leave no gap, but sqlite_sequence still knows the highest seq written. */
function tailProblem(db: Database.Database, last: ChainPosition): AuditProblem | null {
  const row = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get();
  const highest = row?.seq ?? 0;
  if (highest > last.seq) {
    const first = last.seq + 1;
    const range = highest === first ? `Entry ${first} is` : `Entries ${first}–${highest} are`;
    return { seq: first, kind: 'missing', message: `${range} missing (deleted from the end of the log, which had reached entry ${highest}).` };
  }
  return null;
}
