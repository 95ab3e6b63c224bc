import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

const OLD_CHECK = "outcome IN ('rebound', 'restored', 'needs-attention')";
const NEW_CHECK = "outcome IN ('rebound', 'restored', 'needs-attention', 'refused')";

/**
 * A fourth outcome, `refused` (docs/rebind-engine.md §5): a run stopped before it sent anything
 * that changes the terminal. SQLite cannot alter a CHECK constraint, so rebind_operations is
 * rebuilt the documented way (https://sqlite.org/lang_altertable.html#otheralter): a new table
 * from the current definition with the wider CHECK, the rows copied, the old table dropped, the new
 * one renamed and its indexes made again. The definition is read from the file, not restated, so
 * columns added by other migrations survive. migrate() runs with foreign keys off and checks them
 * before it commits.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'rebind-refused-outcome',
  up(db) {
    const table = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'rebind_operations'").get() as { sql: string } | undefined;
    if (table === undefined || !table.sql.includes(OLD_CHECK)) throw new Error('rebind_operations does not have the outcome CHECK of migration 3; this database was changed by hand.');
    const indexes = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'rebind_operations' AND sql IS NOT NULL").all() as { sql: string }[];
    const triggers = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'rebind_operations'").all() as { sql: string }[];
    const created = table.sql.replace(/^CREATE TABLE\s+("?)rebind_operations\1/, 'CREATE TABLE rebind_operations_new').replace(OLD_CHECK, NEW_CHECK);
    db.exec(created);
    copyRows(db);
    db.exec('DROP TABLE rebind_operations; ALTER TABLE rebind_operations_new RENAME TO rebind_operations;');
    for (const { sql } of [...indexes, ...triggers]) db.exec(sql);
  },
};

function copyRows(db: Database.Database): void {
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all('rebind_operations') as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
  db.exec(`INSERT INTO rebind_operations_new (${columns}) SELECT ${columns} FROM rebind_operations`);
}
