// The single explicit, audited operation: every change to stored data goes through `audited()`,
// which runs the change and appends its audit entry in one BEGIN IMMEDIATE transaction, so both
// are stored or neither is. An entry that changes desk records also lists them (`changes`), and
// their outbox rows (operation id, entity, base version, change) are written here too, in the same
// transaction, for team mode's push (db/outbox.ts).
//
// IMMEDIATE because the app and `rebind` CLI processes may write the same WAL file at once: a
// deferred transaction that reads (an ownership check, the audit chain's head) and then writes
// fails with SQLITE_BUSY_SNAPSHOT, without waiting, when another process committed in between;
// IMMEDIATE takes the write lock first, and busy_timeout (open-database.ts) waits for the other.
//
// Synchronous on purpose: better-sqlite3 transactions cannot span an `await`, so anything slow
// (scrypt, a terminal round trip) happens before or after, never inside `work`.
import type Database from 'better-sqlite3';
import type { AuditEntryInput, AuditRecord } from '../../../shared/audit/audit-entry';
import { v7 as uuidv7 } from 'uuid';
import { AuditLog } from './audit-chain';
import { appendOutbox, type RecordChange } from './outbox';

/**
 * One audit entry; `at` is its time (the service's clock), now when absent. `changes` are the desk
 * records it changed, each written to the outbox under the operation's one id.
 */
export interface AuditedEntry extends AuditEntryInput {
  readonly at?: Date;
  readonly changes?: readonly RecordChange[];
}

/**
 * What `audited()` records: one entry, several (any iterable, so a long list can be produced as it
 * is appended), or none (`null`, when the work found nothing to change, e.g. another process made
 * the first data key meanwhile). A function receives the work's result, for entries that depend on
 * what the work found; it runs inside the same transaction.
 */
export type AuditedEntries<T> = AuditedEntry | Iterable<AuditedEntry> | null | ((result: T) => AuditedEntry | Iterable<AuditedEntry> | null);

/** The work's result and the audit records the operation appended (their seq and hash, in order). */
export interface Recorded<T> {
  readonly result: T;
  readonly records: readonly AuditRecord[];
}

/** How the operation commits. */
export interface AuditedOptions {
  /**
   * `full` commits with `PRAGMA synchronous = FULL` (an fsync of the WAL at this commit), for
   * records that must survive a power cut, not only a crash: the rebind journal. The connection
   * goes back to its usual level afterwards (NORMAL in WAL mode). SQLite refuses to change the
   * level inside a transaction, so such an operation refuses to run nested in another one.
   *
   * The level is toggled on the shared connection rather than on a second connection opened FULL:
   * one connection means one writer, so a durable write never waits on (or deadlocks with) another
   * service's write and never sees SQLITE_BUSY; better-sqlite3 is synchronous, so nothing else can
   * run between the two pragmas and the commit.
   */
  readonly durability?: 'normal' | 'full';
}

/** PRAGMA synchronous's value for FULL. */
const FULL = 2;

/**
 * Runs `work` and appends `entry` in one BEGIN IMMEDIATE transaction; returns work's result.
 * A throw in `work` (or in computing the entry) rolls both back. A refusal that must be audited
 * returns from `work` and is thrown by the caller afterwards, so its entry is kept. Nested in
 * another transaction, it joins it (a savepoint): both commit with the outer one.
 */
export function audited<T>(db: Database.Database, entry: AuditedEntries<NoInfer<T>>, work: () => T, options: AuditedOptions = {}): T {
  return auditedRecording(db, entry, work, options).result;
}

/** `audited()`, also returning the records it appended: for a caller that must name its own entry (a restore's "started"). */
export function auditedRecording<T>(db: Database.Database, entry: AuditedEntries<NoInfer<T>>, work: () => T, options: AuditedOptions = {}): Recorded<T> {
  const operation = (): Recorded<T> => {
    const result = work();
    const entries = typeof entry === 'function' ? entry(result) : entry;
    let operationId: string | null = null;
    const records: AuditRecord[] = [];
    for (const one of entries === null ? [] : isOneEntry(entries) ? [entries] : entries) {
      const { at, changes, ...input } = one;
      const record = AuditLog.append(db, input, at ?? new Date());
      records.push(record);
      if (changes && changes.length > 0) {
        operationId ??= uuidv7();
        appendOutbox(db, operationId, changes, record.actor, record.time, record.seq);
      }
    }
    return { result, records };
  };
  if (options.durability !== 'full') return db.transaction(operation).immediate();
  if (db.inTransaction) {
    throw new Error('A FULL-synchronous audited write ran inside another transaction: it must commit on its own, with synchronous = FULL.');
  }
  const previous = db.pragma('synchronous', { simple: true }) as number;
  if (previous !== FULL) db.pragma('synchronous = FULL');
  try {
    return db.transaction(operation).immediate();
  } finally {
    if (previous !== FULL) db.pragma(`synchronous = ${previous}`);
  }
}

const isOneEntry = (entries: AuditedEntry | Iterable<AuditedEntry>): entries is AuditedEntry => !(Symbol.iterator in entries);

/** `audited()` bound to whichever connection is current, for services that hold no connection. */
export interface AuditedWrite {
  <T>(entry: AuditedEntries<NoInfer<T>>, work: () => T, options?: AuditedOptions): T;
  /** The same, also returning the appended records (see `auditedRecording`). */
  recording<T>(entry: AuditedEntries<NoInfer<T>>, work: () => T, options?: AuditedOptions): Recorded<T>;
}

/** An `AuditedWrite` over `connection()`, looked up at each call so a restore is followed. */
export function auditedOn(connection: () => Database.Database): AuditedWrite {
  const write = <T>(entry: AuditedEntries<NoInfer<T>>, work: () => T, options?: AuditedOptions): T => audited(connection(), entry, work, options);
  return Object.assign(write, {
    recording: <T>(entry: AuditedEntries<NoInfer<T>>, work: () => T, options?: AuditedOptions): Recorded<T> => auditedRecording(connection(), entry, work, options),
  });
}
