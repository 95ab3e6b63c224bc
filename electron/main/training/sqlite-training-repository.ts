import type Database from 'better-sqlite3';
import type { SeededCase, TrainingRepository } from './training-repository';

// Stands where a password hash must be: not a PHC string, so no password ever verifies against it
// (the training file is never used to sign in; sessions come from the real file).
const noPassword = '!training-copy';

/** The training repository over the training file's connection. */
export function createSqliteTrainingRepository(connection: () => Database.Database): TrainingRepository {
  return {
    copyPeople(people) {
      const db = connection();
      const now = new Date().toISOString();
      const upsert = db.prepare(
        `INSERT INTO operators (id, username, display_name, role, disabled, password_hash, password_changed_at, created_at, updated_at)
         VALUES (@id, @username, @displayName, @role, @disabled, '${noPassword}', @now, @now, @now)
         ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name, role = excluded.role,
           disabled = excluded.disabled, updated_at = excluded.updated_at
         WHERE username IS NOT excluded.username OR display_name IS NOT excluded.display_name OR role IS NOT excluded.role OR disabled IS NOT excluded.disabled`,
      );
      let changed = 0;
      for (const person of people) changed += upsert.run({ ...person, disabled: person.disabled ? 1 : 0, now }).changes;
      return changed;
    },
    profiledOperatorIds() {
      const rows = connection().prepare('SELECT operator_id AS id FROM engineers').all() as { id: number }[];
      return new Set(rows.map((row) => row.id));
    },
    isEmpty() {
      return connection().prepare('SELECT 1 FROM cases LIMIT 1').get() === undefined;
    },
    openCase() {
      const row = connection()
        .prepare(
          `SELECT c.id AS caseId, m.name AS merchantName, t.serial AS serial FROM cases c
           JOIN merchants m ON m.id = c.merchant_id JOIN terminals t ON t.id = c.terminal_id
           WHERE c.state NOT IN ('closed', 'cancelled') ORDER BY c.created_at, c.id LIMIT 1`,
        )
        .get() as SeededCase | undefined;
      return row ?? null;
    },
  };
}
