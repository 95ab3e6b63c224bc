import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditAnchor } from '../../../shared/audit/audit-entry';
import { openBackupHistory } from './backup-history';
import { readSideRecord } from './backup-side-record';

/** Where anchors live in a data directory: the backup history file and the backups folder. */
export const anchorLocations = { history: 'backup-history.json', backups: 'backups' } as const;

/**
 * Every audit head recorded outside the database of `dataDir`: one per backup, from the backup
 * history (which also lists backups written elsewhere, and survives restores) and from the side
 * records beside the files in `backups/` (which survive a lost or rewritten history). Oldest first;
 * the same head found twice is listed once.
 */
export function findAuditAnchors(dataDir: string): AuditAnchor[] {
  const found = new Map<string, AuditAnchor>();
  const add = (anchor: AuditAnchor) => {
    const key = `${anchor.seq}:${anchor.hash}`;
    if (!found.has(key)) found.set(key, anchor);
  };
  for (const entry of openBackupHistory(join(dataDir, anchorLocations.history)).all()) {
    if (entry.auditHead) add({ seq: entry.auditHead.seq, hash: entry.auditHead.hash, recordedAt: entry.createdAt, source: entry.location });
  }
  let names: string[] = [];
  try {
    names = readdirSync(join(dataDir, anchorLocations.backups));
  } catch {
    // no backups folder yet
  }
  for (const name of names.filter((n) => n.endsWith('.anchor.json'))) {
    const record = readSideRecord(join(dataDir, anchorLocations.backups, name));
    if (record?.auditHead) {
      add({ seq: record.auditHead.seq, hash: record.auditHead.hash, recordedAt: record.createdAt, source: join(dataDir, anchorLocations.backups, record.backupFile) });
    }
  }
  return [...found.values()].sort((a, b) => a.seq - b.seq);
}
