import type Database from 'better-sqlite3';
import type { AuditAnchor, AuditProblem } from '../../../shared/audit/audit-entry';
import { dataAuditActions } from '../../../shared/audit/audit-actions';

/**
 * The anchors of one verify run, by seq. Each entry the walk passes is checked against the anchors
 * at its seq; an anchor that does not hold there may still hold through a carried-over copy (a
 * restore from a log that had gone another way keeps the replaced entries whole, see audit-carry).
 */
export interface AnchorCheck {
  /** How many anchors there are; 0 lets the walk skip the lookups. */
  readonly size: number;
  /** Checks the entry at `seq` with `hash`; returns the problem when an anchor there does not hold. */
  atEntry(seq: number, hash: string): AuditProblem | null;
  /** After the walk: anchors beyond the last good entry must hold through a carried copy. */
  beyond(lastSeq: number): AuditProblem | null;
  /** The held anchor with the highest seq, or null. */
  newestHeld(): AuditAnchor | null;
}

/** Prepares the check of `anchors` against the log in `db`. */
export function createAnchorCheck(db: Database.Database, anchors: readonly AuditAnchor[]): AnchorCheck {
  const bySeq = new Map<number, AuditAnchor[]>();
  for (const anchor of anchors) bySeq.set(anchor.seq, [...(bySeq.get(anchor.seq) ?? []), anchor]);
  const held: AuditAnchor[] = [];
  const carried = anchors.length === 0 ? null : db.prepare<[string, number, string], { n: number }>(
    "SELECT count(*) AS n FROM audit_log WHERE action = ? AND json_extract(payload, '$.seq') = ? AND json_extract(payload, '$.hash') = ?",
  );
  const heldThroughCopy = (anchor: AuditAnchor) => carried!.get(dataAuditActions.auditCarriedOver, anchor.seq, anchor.hash)!.n > 0;

  return {
    size: anchors.length,
    atEntry(seq, hash) {
      const here = bySeq.get(seq);
      if (!here) return null;
      for (const anchor of here) {
        if (anchor.hash === hash || heldThroughCopy(anchor)) held.push(anchor);
        else return mismatch(anchor);
      }
      return null;
    },
    beyond(lastSeq) {
      for (const anchor of anchors) {
        if (anchor.seq <= lastSeq) continue;
        if (heldThroughCopy(anchor)) {
          held.push(anchor);
          continue;
        }
        return {
          seq: anchor.seq,
          kind: 'anchor-mismatch',
          message: `Entry ${anchor.seq}, recorded as the head by ${anchorOrigin(anchor)}${when(anchor)}, is no longer in the log: entries were cut off the end.`,
        };
      }
      return null;
    },
    newestHeld: () => held.reduce<AuditAnchor | null>((best, anchor) => (best === null || anchor.seq > best.seq ? anchor : best), null),
  };
}

function mismatch(anchor: AuditAnchor): AuditProblem {
  return {
    seq: anchor.seq,
    kind: 'anchor-mismatch',
    message: `Entry ${anchor.seq} no longer has the hash recorded by ${anchorOrigin(anchor)}${when(anchor)} (${anchor.hash.slice(0, 16)}…): the chain was rewritten from there on.`,
  };
}

/** The source of a head given on the command line rather than found beside a backup. */
export const expectHeadSource = '--expect-head';

/** Where an anchor came from, in words: the backup file, or the head given with --expect-head. */
export function anchorOrigin(anchor: Pick<AuditAnchor, 'source'>): string {
  return anchor.source === expectHeadSource ? 'the head given with --expect-head' : `the backup ${anchor.source}`;
}

const when = (anchor: AuditAnchor) => (anchor.recordedAt ? ` at ${anchor.recordedAt}` : '');
