import type { Migration } from '../migration';

/**
 * A rebind journal row names its desk case by id (issue 10 point 5), not only by the work order's
 * free-text caseRef: the outcome then moves that case. Nullable: runs from the command line, the
 * demo and every operation journaled before the desk have no case. Not a foreign key: the journal
 * must be written even when the case row is gone or the desk is on another laptop (team mode).
 */
export const migration0011: Migration = {
  version: 11,
  name: 'rebind-case',
  up(db) {
    db.exec(`
      ALTER TABLE rebind_operations ADD COLUMN case_id TEXT CHECK (case_id IS NULL OR length(case_id) = 36);
      CREATE INDEX rebind_operations_by_case ON rebind_operations (case_id) WHERE case_id IS NOT NULL;
    `);
  },
};
