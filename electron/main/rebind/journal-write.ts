// Every journal write runs in its own transaction with `PRAGMA synchronous = FULL`, then the
// connection goes back to its usual level (NORMAL in WAL mode, open-database.ts).
//
// Why toggle on the shared connection instead of a second connection opened FULL: one connection
// means one writer, so a journal write never waits on (or deadlocks with) another service's write
// and never sees SQLITE_BUSY; better-sqlite3 is synchronous, so nothing else can run between the
// two pragmas and the commit. FULL makes SQLite fsync the WAL at each journal commit, so the step
// record survives a power cut (the laptop's battery dying mid-rebind), not only an app crash;
// other tables keep NORMAL's cheaper commits. SQLite refuses to change the level inside a
// transaction, so a journal write must not be nested in another transaction.
//
// Each transaction is BEGIN IMMEDIATE: the app and one or more `rebind` processes may write the
// same WAL file at once. A deferred transaction that reads (the ownership check, the audit chain's
// head) and then writes would fail with SQLITE_BUSY_SNAPSHOT, without waiting, when another process
// committed in between; IMMEDIATE takes the write lock first, and busy_timeout (open-database.ts)
// makes it wait for the other writer instead.
import type Database from 'better-sqlite3';

/** PRAGMA synchronous's value for FULL. */
const FULL = 2;

/** Runs `work` in a transaction committed with synchronous = FULL; restores the previous level. */
export function journalWrite<T>(db: Database.Database, work: () => T): T {
  if (db.inTransaction) {
    throw new Error('A rebind journal write ran inside another transaction: journal writes commit on their own, with synchronous = FULL.');
  }
  const previous = db.pragma('synchronous', { simple: true }) as number;
  if (previous !== FULL) db.pragma('synchronous = FULL');
  try {
    return db.transaction(work).immediate();
  } finally {
    if (previous !== FULL) db.pragma(`synchronous = ${previous}`);
  }
}
