import type { Migration } from '../migration';

/**
 * One terminal per TID, held by the database and not only by the merchant service's check, so two
 * desks saving at once (or an import racing a form) cannot both win. Triggers rather than a UNIQUE
 * index: a file that already holds two terminals with one TID (saved before this check existed, or
 * by hand) must still open, and its rows must stay as they are until someone corrects one; what
 * is refused is a new terminal, or a changed TID, that would make another pair. The service turns
 * the trigger's message into `terminal-tid-taken`.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'terminal-tid-unique',
  up(db) {
    db.exec(`
      CREATE TRIGGER terminals_tid_unique_insert BEFORE INSERT ON terminals
      WHEN EXISTS (SELECT 1 FROM terminals WHERE tid = NEW.tid)
      BEGIN SELECT RAISE(ABORT, 'terminal-tid-taken'); END;
      CREATE TRIGGER terminals_tid_unique_update BEFORE UPDATE OF tid ON terminals
      WHEN NEW.tid IS NOT OLD.tid AND EXISTS (SELECT 1 FROM terminals WHERE tid = NEW.tid AND id <> NEW.id)
      BEGIN SELECT RAISE(ABORT, 'terminal-tid-taken'); END;
    `);
  },
};
