import type Database from 'better-sqlite3';
import { auditHashFormats, genesisHash, type AuditProblem, type AuditRecord } from '../../../shared/audit/audit-entry';
import { auditEntryHash } from '../db/audit-hash';
import { findAuditEntryByHash, findAuditEntryFollowing, readAuditEntry } from './audit-rows';

/** The last entry that checked out (seq 0 stands for "before the first entry"). */
export interface ChainPosition {
  seq: number;
  time: string;
  hash: string;
  /** Its hash format: a later entry may not use an older one. */
  format: number;
}

/** The start of the chain, before entry 1. */
export const chainStart: ChainPosition = { seq: 0, time: '', hash: genesisHash, format: auditHashFormats.joined };

// How far back the explanation follows prev_hash links, and how far it searches for a moved
// entry's original seq; both only bound the work spent on explaining an already broken chain.
const maxBacktrack = 32;
const maxShift = 64;

const verifiesAt = (row: AuditRecord, seq: number) => auditEntryHash({ ...row, seq }) === row.hash;

const describe = (row: AuditRecord) => `${row.time} ${row.actor} ${row.action} ${row.entityType}/${row.entityId}`;

/**
 * Checks `row` against the last good entry `prev` and, when it fails, says what happened and
 * names the entry: removed, edited, inserted or reordered. Returns null when the row is fine.
 */
export function explainEntry(db: Database.Database, prev: ChainPosition, row: AuditRecord): AuditProblem | null {
  if (row.seq !== prev.seq + 1) {
    const first = prev.seq + 1;
    const range = row.seq - 1 === first ? `Entry ${first} is` : `Entries ${first}–${row.seq - 1} are`;
    return { seq: first, kind: 'missing', message: `${range} missing (deleted): entry ${row.seq} follows entry ${prev.seq}.` };
  }
  if (!verifiesAt(row, row.seq)) return explainBadHash(db, prev, row);
  if (row.hashFormat < prev.format) {
    // The legacy join is weaker; the app never goes back to it, so an entry in it after a newer one was forged in it.
    return {
      seq: row.seq,
      kind: 'edited',
      message: `Entry ${row.seq} (${describe(row)}) uses the old hash format after entries in the new one: it was rewritten outside the app.`,
    };
  }
  if (row.prevHash !== prev.hash) {
    // The row is intact where it is, so the entry before it is not the one it was chained to.
    if (prev.seq === 0) {
      return { seq: row.seq, kind: 'edited', message: `Entry ${row.seq} (${describe(row)}) does not start the chain: it was rewritten with a recomputed hash.` };
    }
    const original = findAuditEntryByHash(db, row.prevHash);
    if (original && original.seq !== prev.seq) {
      return { seq: prev.seq, kind: 'reordered', message: `Entry ${prev.seq} is out of place: entry ${row.seq} was written after the entry now at ${original.seq}.` };
    }
    return {
      seq: prev.seq,
      kind: 'edited',
      message: `Entry ${prev.seq} was rewritten and its hash recomputed: entry ${row.seq} was chained to a different entry ${prev.seq}.`,
    };
  }
  if (row.time < prev.time) {
    return {
      seq: row.seq,
      kind: 'inserted',
      message: `Entry ${row.seq} (${describe(row)}) is dated before entry ${prev.seq} (${prev.time}); the app writes entries in time order, so it was added outside the app with a recomputed hash.`,
    };
  }
  return null;
}

function explainBadHash(db: Database.Database, prev: ChainPosition, row: AuditRecord): AuditProblem {
  const original = originalSeq(db, row);
  if (original === null || original === row.seq) {
    return { seq: row.seq, kind: 'edited', message: `Entry ${row.seq} (${describe(row)}) was changed after it was written: its hash no longer matches its content.` };
  }
  if (original < row.seq) {
    // The entry was pushed back: what now sits in its old place was put there.
    return {
      seq: original,
      kind: 'inserted',
      message: `Entry ${original} was inserted: it is not the entry the app wrote there, and the entries after it were renumbered (entry ${row.seq} was written as ${original}).`,
    };
  }
  const there = readAuditEntry(db, original);
  if (there && verifiesAt(there, row.seq)) {
    return { seq: row.seq, kind: 'reordered', message: `Entries ${row.seq} and ${original} were swapped.` };
  }
  const follower = prev.seq === 0 ? undefined : findAuditEntryFollowing(db, prev.hash);
  if (!follower) {
    const range = original - 1 === row.seq ? `Entry ${row.seq} was` : `Entries ${row.seq}–${original - 1} were`;
    return {
      seq: row.seq,
      kind: 'missing',
      message: `${range} deleted and the later entries renumbered (entry ${row.seq} was written as ${original}).`,
    };
  }
  return { seq: row.seq, kind: 'reordered', message: `Entry ${row.seq} holds the entry written as ${original}: entries were reordered.` };
}

/** The seq an entry had when it was written, found through its prev_hash links, or null. */
function originalSeq(db: Database.Database, row: AuditRecord): number | null {
  let current = row;
  for (let depth = 0; depth < maxBacktrack; depth++) {
    if (current.prevHash === genesisHash) return confirmed(row, 1 + depth);
    const predecessor = findAuditEntryByHash(db, current.prevHash);
    if (!predecessor) break;
    if (verifiesAt(predecessor, predecessor.seq)) return confirmed(row, predecessor.seq + 1 + depth);
    current = predecessor;
  }
  // Its predecessor is gone (deleted, then the rest renumbered): try nearby positions.
  for (let shift = 1; shift <= maxShift; shift++) {
    if (verifiesAt(row, row.seq + shift)) return row.seq + shift;
    if (row.seq - shift > 0 && verifiesAt(row, row.seq - shift)) return row.seq - shift;
  }
  return null;
}

function confirmed(row: AuditRecord, seq: number): number | null {
  return verifiesAt(row, seq) ? seq : null;
}
