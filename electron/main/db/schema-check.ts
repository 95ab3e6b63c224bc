import Database from 'better-sqlite3';
import { migrate } from './migrate';
import type { Migration } from './migration';

/** How a database's schema differs from the one this build's migrations make. */
export interface SchemaDifferences {
  /** Tables, columns, indexes and triggers the migrations make that the file lacks. */
  missing: string[];
  /** Objects the file has that the migrations do not make. */
  unexpected: string[];
  /** Objects both have, defined differently (a changed type, constraint or trigger body). */
  changed: string[];
}

type SchemaMap = Map<string, string>;

// The expectation is one in-memory database migrated from scratch per migration list: whatever a
// migration adds is expected at once, and nothing has to be listed by hand.
const expected = new WeakMap<readonly Migration[], SchemaMap>();

/**
 * Describes a schema as object name → definition: each table with its SQL, each column (type,
 * NOT NULL, default, primary key), each index and trigger with its SQL. SQLite's own objects and
 * automatic indexes (implied by a table's UNIQUE constraints) are left out.
 */
export function describeSchema(db: Database.Database): SchemaMap {
  const map: SchemaMap = new Map();
  const objects = db
    .prepare<[], { type: string; name: string; sql: string | null }>(
      "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )
    .all();
  for (const object of objects) {
    map.set(`${object.type} ${object.name}`, normalise(object.sql ?? ''));
    if (object.type !== 'table') continue;
    const columns = db.prepare(`SELECT name, type, "notnull" AS required, dflt_value AS dflt, pk FROM pragma_table_xinfo(?)`).all(object.name) as {
      name: string;
      type: string;
      required: number;
      dflt: string | null;
      pk: number;
    }[];
    for (const column of columns) {
      map.set(`column ${object.name}.${column.name}`, `${column.type}${column.required ? ' NOT NULL' : ''}${column.dflt === null ? '' : ` DEFAULT ${column.dflt}`}${column.pk ? ` PK${column.pk}` : ''}`);
    }
  }
  return map;
}

/** The schema a fresh database gets from `migrations` (computed once per list). */
export function expectedSchema(migrations: readonly Migration[], nativeBinding?: string): SchemaMap {
  let map = expected.get(migrations);
  if (!map) {
    const fresh = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
    try {
      migrate(fresh, migrations);
      map = describeSchema(fresh);
    } finally {
      fresh.close();
    }
    expected.set(migrations, map);
  }
  return map;
}

/**
 * How strictly to compare: `exact` (a file about to be restored: every table, column, index and
 * trigger, nothing more) or `usable` (the live file at start: every table and column the code
 * reads and writes; a dropped trigger or an extra table is left for the audit verify to report,
 * so the app still opens and can show it).
 */
export type SchemaStrictness = 'exact' | 'usable';

/** Compares `db`'s schema with the one `migrations` make; null when they match as strictly as asked. */
export function schemaDifferences(
  db: Database.Database,
  migrations: readonly Migration[],
  nativeBinding?: string,
  strictness: SchemaStrictness = 'exact',
): SchemaDifferences | null {
  const want = expectedSchema(migrations, nativeBinding);
  const have = describeSchema(db);
  const keys = strictness === 'exact' ? [...want.keys()] : [...want.keys()].filter((key) => key.startsWith('column ') || (key.startsWith('table ') && !have.has(key)));
  const missing = keys.filter((key) => !have.has(key));
  const unexpected = strictness === 'exact' ? [...have.keys()].filter((key) => !want.has(key)) : [];
  const changed = keys.filter((key) => have.has(key) && have.get(key) !== want.get(key));
  if (missing.length + unexpected.length + changed.length === 0) return null;
  return { missing, unexpected, changed };
}

/** The differences in one sentence, naming the first few objects of each kind. */
export function formatSchemaDifferences(differences: SchemaDifferences): string {
  const some = (items: string[]) => items.slice(0, 4).join(', ') + (items.length > 4 ? ` and ${items.length - 4} more` : '');
  const parts: string[] = [];
  if (differences.missing.length > 0) parts.push(`missing ${some(differences.missing)}`);
  if (differences.unexpected.length > 0) parts.push(`unexpected ${some(differences.unexpected)}`);
  if (differences.changed.length > 0) parts.push(`defined differently: ${some(differences.changed)}`);
  return parts.join('; ');
}

function normalise(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}
