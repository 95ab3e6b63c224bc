import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/write-file-atomic';

/** The head of the audit log inside a backup. */
export const auditHeadSchema = z.strictObject({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/), time: z.string() });
export type BackupAuditHead = z.infer<typeof auditHeadSchema>;

const sideRecordSchema = z.strictObject({
  kind: z.literal('rebinddesk-backup'),
  version: z.literal(1),
  backupFile: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
  auditHead: auditHeadSchema.nullable(),
});
export type BackupSideRecord = z.infer<typeof sideRecordSchema>;

/**
 * The small JSON file written beside every backup (`<backup>.anchor.json`). It travels with the
 * backup (a USB stick, a share) and keeps the audit head outside any database: whoever later cuts
 * entries off the live log, or swaps in a rewritten one, no longer matches it.
 */
export function sideRecordPath(backupPath: string): string {
  return `${backupPath}.anchor.json`;
}

/** Writes the side record of the backup at `backupPath` (atomically). */
export function writeSideRecord(backupPath: string, record: Omit<BackupSideRecord, 'kind' | 'version'>): void {
  writeFileAtomic(sideRecordPath(backupPath), JSON.stringify({ kind: 'rebinddesk-backup', version: 1, ...record }, null, 2));
}

/** Reads a side record; null when it is missing or not one of ours (a damaged record only loses that anchor). */
export function readSideRecord(path: string): BackupSideRecord | null {
  if (!existsSync(path)) return null;
  try {
    return sideRecordSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null;
  }
}
