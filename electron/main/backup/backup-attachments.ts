// A backup carries the case attachments inside itself: the backup copy gets a table
// `backup_attachments (sha256, bytes)` holding every file the copy's attachments rows name, so one
// file is the whole backup (a user copies it to a stick and nothing is left behind). A restore puts
// the files back into the data directory's content store (same name, same bytes: safe to write
// before the swap) and drops the table, so the staged file then has exactly the app's schema.
// Backups from before attachments (no such table) restore as they did.
import type Database from 'better-sqlite3';
import { sha256Of, type ContentStore } from '../fs/content-store';

/** The table that exists only in backup files. */
export const backupAttachmentsTable = 'backup_attachments';

/** What packing found: files carried, and files the rows name that were missing or damaged in the store. */
export interface PackedAttachments {
  files: number;
  bytes: number;
  missing: string[];
}

const hasTable = (db: Database.Database, name: string) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** Copies every attachment file the backup copy `copy` names into it; run on the copy, never the live file. */
export function packAttachments(copy: Database.Database, store: ContentStore): PackedAttachments {
  const packed: PackedAttachments = { files: 0, bytes: 0, missing: [] };
  if (!hasTable(copy, 'attachments')) return packed;
  copy.exec(`CREATE TABLE ${backupAttachmentsTable} (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL) STRICT`);
  const insert = copy.prepare(`INSERT INTO ${backupAttachmentsTable} (sha256, bytes) VALUES (?, ?)`);
  const hashes = copy.prepare<[], { sha256: string }>('SELECT DISTINCT sha256 FROM attachments ORDER BY sha256').all();
  // One file at a time, so memory holds at most one attachment (20 MB), not all of them.
  copy.transaction(() => {
    for (const { sha256 } of hashes) {
      const read = store.read(sha256);
      if (!read.ok) {
        packed.missing.push(sha256);
        continue;
      }
      insert.run(sha256, read.bytes);
      packed.files++;
      packed.bytes += read.bytes.length;
    }
  })();
  return packed;
}

/** A carried file whose bytes do not match their name: the backup is damaged. */
export class DamagedAttachmentError extends Error {
  constructor(readonly sha256: string) {
    super(`The backup's attachment ${sha256} does not match its checksum.`);
  }
}

/**
 * Puts the attachment files a staged backup carries into `store` and drops the table from the
 * staged file; returns how many it carried. Throws DamagedAttachmentError before writing anything
 * when a carried file does not match its name.
 */
export function unpackAttachments(staged: Database.Database, store: ContentStore): number {
  if (!hasTable(staged, backupAttachmentsTable)) return 0;
  const rows = staged.prepare<[], { sha256: string }>(`SELECT sha256 FROM ${backupAttachmentsTable} ORDER BY sha256`).all();
  const bytesOf = staged.prepare<[string], { bytes: Buffer }>(`SELECT bytes FROM ${backupAttachmentsTable} WHERE sha256 = ?`);
  for (const { sha256 } of rows) if (sha256Of(bytesOf.get(sha256)!.bytes) !== sha256) throw new DamagedAttachmentError(sha256);
  for (const { sha256 } of rows) if (!store.read(sha256).ok) store.put(bytesOf.get(sha256)!.bytes);
  staged.exec(`DROP TABLE ${backupAttachmentsTable}`);
  return rows.length;
}
