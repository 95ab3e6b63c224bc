// Every journal write is one audited operation committed with `PRAGMA synchronous = FULL`
// (db/audited.ts), so the step record survives a power cut (the laptop's battery dying
// mid-rebind), not only an app crash; other tables keep NORMAL's cheaper commits.
import type Database from 'better-sqlite3';
import { audited } from '../db/audited';

/** Runs `work` (which appends its own audit entries) in one FULL-synchronous audited transaction. */
export function journalWrite<T>(db: Database.Database, work: () => T): T {
  return audited(db, null, work, { durability: 'full' });
}
